import type { LibraryVersionRecord } from '../../db';
import { audienceLabels, audiences, type Audience } from '@core/co-production/audiences';

/** Whether a version's review-by date (an ISO date) is before `today`; a version with no date is never due. */
export function isReviewDue(reviewBy: string, today: string): boolean {
  return reviewBy !== '' && reviewBy < today;
}

/** "Police, Social care" in the order the audiences were chosen. */
export function audienceList(audiences: readonly Audience[]): string {
  return audiences.map((audience) => audienceLabels[audience]).join(', ');
}

/** Whether a resource's review-by date has passed, or not (including having no date). */
export type ReviewFilter = 'all' | 'due' | 'not-due';

/** What a trainer has asked the Library list to show. */
export interface LibraryFilters {
  query: string;
  /** Only resources the consultee agreed this group may see. */
  audience: Audience | '';
  /** A topic, as {@link labelKey} gives it. */
  topic: string;
  /**
   * Content warnings, as {@link labelKey} gives them, whose resources are left out. A trainer
   * reads warnings to keep something away from a group (a theme too close to someone in the
   * room), not to look for it (that is what topics and search are for), so the filter leaves out.
   */
  leaveOut: string[];
  /** Leave out every resource that has a content warning at all. */
  leaveOutAllWarnings: boolean;
  review: ReviewFilter;
}

export const noLibraryFilters: LibraryFilters = {
  query: '',
  audience: '',
  topic: '',
  leaveOut: [],
  leaveOutAllWarnings: false,
  review: 'all',
};

export function isFiltering(filters: LibraryFilters): boolean {
  return (
    filters.query.trim() !== '' ||
    filters.audience !== '' ||
    filters.topic !== '' ||
    filters.leaveOut.length > 0 ||
    filters.leaveOutAllWarnings ||
    filters.review !== 'all'
  );
}

/**
 * Topics and warnings are typed freely by each consultee, so the same words may come with
 * different capitals, accents or spaces: they count as one choice.
 */
export function labelKey(label: string): string {
  return label.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface Choice {
  key: string;
  label: string;
}

/** Each different label once (as first written), in alphabetical order. */
function choicesOf(labels: Iterable<string>): Choice[] {
  const byKey = new Map<string, string>();
  for (const label of labels) {
    const key = labelKey(label);
    if (key !== '' && !byKey.has(key)) byKey.set(key, label.trim());
  }
  return [...byKey]
    .map(([key, label]) => ({ key, label }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB', { sensitivity: 'base' }));
}

export function topicChoices(records: readonly LibraryVersionRecord[]): Choice[] {
  return choicesOf(records.flatMap((record) => record.approved.content.topics));
}

export function warningChoices(records: readonly LibraryVersionRecord[]): Choice[] {
  return choicesOf(records.flatMap((record) => record.approved.content.contentWarnings));
}

/**
 * The records to show: those matching every filter, best search match first when there is a
 * search (`matches`, version ids from the search index), otherwise in the order given.
 */
export function filterLibrary(
  records: readonly LibraryVersionRecord[],
  filters: LibraryFilters,
  today: string,
  matches: readonly string[] | null,
): LibraryVersionRecord[] {
  let ordered: readonly LibraryVersionRecord[] = records;
  if (matches !== null) {
    const byId = new Map(records.map((record) => [record.id, record]));
    ordered = matches.flatMap((id) => byId.get(id) ?? []);
  }
  const leaveOut = new Set(filters.leaveOut);
  return ordered.filter((record) => {
    const { content, consent } = record.approved;
    if (filters.audience !== '' && !consent.choices.audiences.includes(filters.audience)) return false;
    if (filters.topic !== '' && !content.topics.some((topic) => labelKey(topic) === filters.topic)) return false;
    if (filters.leaveOutAllWarnings && content.contentWarnings.length > 0) return false;
    if (leaveOut.size > 0 && content.contentWarnings.some((warning) => leaveOut.has(labelKey(warning)))) return false;
    if (filters.review !== 'all' && isReviewDue(content.reviewBy, today) !== (filters.review === 'due')) return false;
    return true;
  });
}

/**
 * The filters as the address of the list (`/library?q=…&audience=police`), so Back from a
 * resource, or a link back to the list, returns to the same search.
 */
export function filtersToParams(filters: LibraryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.query !== '') params.set('q', filters.query);
  if (filters.audience !== '') params.set('audience', filters.audience);
  if (filters.topic !== '') params.set('topic', filters.topic);
  for (const key of filters.leaveOut) params.append('leaveOut', key);
  if (filters.leaveOutAllWarnings) params.set('warnings', 'none');
  if (filters.review !== 'all') params.set('review', filters.review);
  return params;
}

export function filtersFromParams(params: URLSearchParams): LibraryFilters {
  const audience = params.get('audience') ?? '';
  const review = params.get('review') ?? '';
  return {
    query: params.get('q') ?? '',
    audience: (audiences as readonly string[]).includes(audience) ? (audience as Audience) : '',
    topic: params.get('topic') ?? '',
    leaveOut: params.getAll('leaveOut'),
    leaveOutAllWarnings: params.get('warnings') === 'none',
    review: review === 'due' || review === 'not-due' ? review : 'all',
  };
}

/**
 * The calm notice of resources withdrawn by their authors, which the library no longer shows;
 * null when none were. Titles are listed (up to `shown` of them), the latest withdrawal first.
 */
export function withdrawnNotice(titles: readonly string[], shown = 3): string | null {
  if (titles.length === 0) return null;
  const named = titles.slice(0, shown).map((title) => `“${title === '' ? 'Untitled' : title}”`);
  const more = titles.length - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${more} more` : named.join(titles.length === 2 ? ' and ' : ', ');
  const verb = titles.length === 1 ? 'was' : 'were';
  return `${list} ${verb} withdrawn by ${titles.length === 1 ? 'its author' : 'their authors'}, so ${titles.length === 1 ? 'it is' : 'they are'} no longer shown here. If you have copies, stop using them.`;
}
