import { diffWords } from 'diff';

export interface DiffPart {
  text: string;
  change: 'same' | 'removed' | 'added';
}

/** A word-level comparison of two texts, as two columns: the older side and the newer side. */
export function sideBySideDiff(older: string, newer: string): { older: DiffPart[]; newer: DiffPart[] } {
  const result = { older: [] as DiffPart[], newer: [] as DiffPart[] };
  for (const part of diffWords(older, newer)) {
    if (part.added) result.newer.push({ text: part.value, change: 'added' });
    else if (part.removed) result.older.push({ text: part.value, change: 'removed' });
    else {
      result.older.push({ text: part.value, change: 'same' });
      result.newer.push({ text: part.value, change: 'same' });
    }
  }
  return result;
}
