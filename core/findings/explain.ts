import { findingKindLabels, type FindingKind } from '../identifying-details/index';

/**
 * Why a kind of detail is flagged, in plain words for the consultee. The one place these words live:
 * a detector's own explanation of a finding, when it gives one, is shown instead.
 */
const kindExplanations: Partial<Record<FindingKind, string>> = {
  person: 'Looks like a person’s name.',
  place: 'Looks like a place: a town, village, district, estate or street.',
  school: 'Looks like the name of a school or college.',
  organisation: 'Looks like the name of a workplace, business, club or local service.',
  age: 'Looks like someone’s age. With other details, an age can narrow down who this is.',
  date: 'Looks like a date. Dates can be matched to events, news or records.',
  phone: 'Looks like a phone number.',
  email: 'Looks like an email address.',
  postcode: 'Looks like a postcode, which points to a few streets.',
  address: 'Looks like a house or flat address.',
  vehicle: 'Looks like a vehicle registration.',
  'social-handle': 'Looks like a social media name or profile.',
  url: 'A web address, which could lead back to a person or place.',
};

/** The explanation of a match from the consultee's own list. */
export const ownListExplanation = 'It is on your list of people and places in your story.';

/** The words for a finding: the detector's own, if it gave any, or the words for its kind. */
export function explainFinding(finding: { kind: FindingKind; explanation?: unknown }): string {
  if (typeof finding.explanation === 'string' && finding.explanation.trim() !== '') return finding.explanation.trim();
  return kindExplanations[finding.kind] ?? 'Could help someone work out who this is.';
}

/** How a kind reads in the list ("Name", "Place"), with a fallback for a kind this build does not know. */
export function kindLabel(kind: FindingKind): string {
  return (findingKindLabels as Partial<Record<FindingKind, string>>)[kind] ?? 'Identifying detail';
}
