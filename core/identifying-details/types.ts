/**
 * The kinds of detail the identifying-details check looks for. `organisation` covers workplaces, venues and
 * local services (a named takeaway, hotel, police force or council); `social-handle` covers usernames and
 * links to social media profiles; `url` covers any other web address.
 */
export const findingKinds = [
  'person',
  'place',
  'school',
  'organisation',
  'age',
  'date',
  'phone',
  'email',
  'postcode',
  'address',
  'vehicle',
  'social-handle',
  'url',
] as const;

export type FindingKind = (typeof findingKinds)[number];

/** How each kind reads in the check's list, in plain words. */
export const findingKindLabels: Record<FindingKind, string> = {
  person: 'Name',
  place: 'Place',
  school: 'School or college',
  organisation: 'Workplace or organisation',
  age: 'Age',
  date: 'Date',
  phone: 'Phone number',
  email: 'Email address',
  postcode: 'Postcode',
  address: 'Address',
  vehicle: 'Vehicle registration',
  'social-handle': 'Social media',
  url: 'Web link',
};

export type FindingConfidence = 'high' | 'medium';

export interface Finding {
  /** Stable for the same text: `${kind}:${start}`. */
  id: string;
  kind: FindingKind;
  /** UTF-16 offsets into the text that was checked, end exclusive. */
  start: number;
  end: number;
  /** Exactly `text.slice(start, end)`. */
  text: string;
  /** A neutral replacement in plain British English, to offer the consultee. */
  suggestion: string;
  confidence: FindingConfidence;
  /** Why this was flagged, in plain words for the consultee: "looks like a first name", "a place in Wales". */
  explanation?: string;
}

/** What each kind of finding is, in plain words, where the rule that found it says nothing more particular. */
export const findingKindExplanations: Record<FindingKind, string> = {
  person: 'looks like a name',
  place: 'looks like the name of a place',
  school: 'looks like the name of a school or college',
  organisation: 'looks like the name of a business or service',
  age: "someone's age",
  date: 'a date or year',
  phone: 'looks like a phone number',
  email: 'an email address',
  postcode: 'looks like a postcode',
  address: 'a house or flat number and a street',
  vehicle: 'looks like a vehicle registration',
  'social-handle': 'looks like a username',
  url: 'a web address',
};

export interface DetectOptions {
  /**
   * Names the facilitator knows appear in this resource (the consultee's own name, family, workers). Each is
   * matched whole and word by word, in any case.
   */
  knownNames?: readonly string[];
}

/** What a detector rule proposes before overlaps are resolved and suggestions are written. */
export interface Candidate {
  kind: FindingKind;
  start: number;
  end: number;
  confidence: FindingConfidence;
  /** A suggestion the rule already knows better than the generic one, such as the role before a name. */
  suggestion?: string;
  /** Why the rule took it, in plain words ("looks like a first name", "a place in Wales"). */
  explanation?: string;
}
