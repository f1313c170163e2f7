import type { Audience, ResourceRecord, ResourceStatus } from '../../db';

export interface DraftFilters {
  query: string;
  status: ResourceStatus | '';
  audience: Audience | '';
  topic: string;
  sort: 'edited' | 'title';
}

export const noFilters: DraftFilters = { query: '', status: '', audience: '', topic: '', sort: 'edited' };

/** Lower case without accents, so "cafe" finds "Café". */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en-GB');
}

/**
 * Filters and sorts resources. Every word of the query must appear in the title, summary, topics
 * or document text. `texts` holds the plain text of each document, loaded only while searching.
 */
export function filterResources(
  resources: readonly ResourceRecord[],
  filters: DraftFilters,
  texts: ReadonlyMap<string, string> | undefined,
): ResourceRecord[] {
  const words = normalise(filters.query).split(/\s+/).filter(Boolean);
  const matches = resources.filter((resource) => {
    if (filters.status !== '' && resource.status !== filters.status) return false;
    if (filters.audience !== '' && !resource.audiences.includes(filters.audience)) return false;
    if (filters.topic !== '' && !resource.topics.includes(filters.topic)) return false;
    if (words.length === 0) return true;
    const haystack = normalise(
      [resource.title, resource.summary, resource.topics.join(' '), texts?.get(resource.id) ?? ''].join('\n'),
    );
    return words.every((word) => haystack.includes(word));
  });
  if (filters.sort === 'title') {
    matches.sort((a, b) => a.title.localeCompare(b.title, 'en-GB', { sensitivity: 'base' }));
  }
  return matches;
}

export function topicsOf(resources: readonly ResourceRecord[]): string[] {
  return [...new Set(resources.flatMap((resource) => resource.topics))].sort((a, b) => a.localeCompare(b, 'en-GB'));
}
