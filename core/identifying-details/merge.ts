import { type Candidate, type FindingKind } from './types';

/**
 * When findings overlap, the more specific kind wins: an email address over the name inside it, a school over
 * the town in its name, a date over "May" the name. Earlier in this list is more specific.
 */
const specificity: readonly FindingKind[] = [
  'email',
  'social-handle',
  'url',
  'phone',
  'postcode',
  'vehicle',
  'address',
  'date',
  'age',
  'school',
  'organisation',
  'place',
  'person',
];

const rank = new Map(specificity.map((kind, index) => [kind, index]));

/**
 * Resolves overlaps: candidates are taken most specific first, then longest, then most confident, and a
 * candidate that overlaps one already taken is dropped. The result is sorted by position.
 */
export function mergeCandidates(candidates: readonly Candidate[]): Candidate[] {
  const ordered = candidates
    .filter((candidate) => candidate.end > candidate.start)
    .sort(
      (a, b) =>
        (rank.get(a.kind) ?? 99) - (rank.get(b.kind) ?? 99) ||
        b.end - b.start - (a.end - a.start) ||
        (a.confidence === b.confidence ? 0 : a.confidence === 'high' ? -1 : 1) ||
        a.start - b.start,
    );
  // Taken spans never overlap, so keeping them sorted answers "does this overlap?" by binary search.
  const sorted: Candidate[] = [];
  for (const candidate of ordered) {
    const index = firstEndingAfter(sorted, candidate.start);
    const neighbour = sorted[index];
    if (neighbour !== undefined && neighbour.start < candidate.end) continue;
    sorted.splice(index, 0, candidate);
  }
  return sorted;
}

/** The index of the first span in `sorted` whose end is after `offset`. */
function firstEndingAfter(sorted: readonly Candidate[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle]?.end ?? 0) <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}
