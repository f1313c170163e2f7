import { diffWords } from 'diff';

export interface DiffPart {
  text: string;
  change: 'same' | 'removed' | 'added';
  /** Which change this part belongs to (0, 1, …), the same on both sides; absent for unchanged words. */
  changeIndex?: number;
}

/** A word-level comparison of two texts, as two columns: the older side and the newer side. */
export interface SideBySideDiff {
  older: DiffPart[];
  newer: DiffPart[];
  /** How many changes there are: words removed, added or replaced together count as one. */
  changes: number;
}

export function sideBySideDiff(older: string, newer: string): SideBySideDiff {
  const result: SideBySideDiff = { older: [], newer: [], changes: 0 };
  let inChange = false;
  for (const part of diffWords(older, newer)) {
    if (part.added || part.removed) {
      if (!inChange) result.changes += 1;
      inChange = true;
      const changed: DiffPart = {
        text: part.value,
        change: part.added ? 'added' : 'removed',
        changeIndex: result.changes - 1,
      };
      (part.added ? result.newer : result.older).push(changed);
    } else {
      inChange = false;
      result.older.push({ text: part.value, change: 'same' });
      result.newer.push({ text: part.value, change: 'same' });
    }
  }
  return result;
}

/** The change to go to from `current` (-1 before the first), one step forward or back, wrapping round. */
export function stepChange(current: number, changes: number, step: 1 | -1): number {
  if (changes === 0) return -1;
  if (current < 0) return step === 1 ? 0 : changes - 1;
  return (current + step + changes) % changes;
}
