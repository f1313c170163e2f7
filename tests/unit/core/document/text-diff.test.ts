import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sideBySideDiff, stepChange } from '../../../../core/document/text-diff';

describe('sideBySideDiff', () => {
  it('counts each run of removed and added words as one change, numbered the same on both sides', () => {
    const diff = sideBySideDiff('The first telling of it.', 'The second telling of it again.');
    expect(diff.changes).toBe(2);
    expect(diff.older.filter((part) => part.change === 'removed').map((part) => part.changeIndex)).toEqual([0]);
    expect(diff.newer.filter((part) => part.change === 'added').map((part) => part.changeIndex)).toEqual([0, 1]);
    expect(diff.older.find((part) => part.change === 'same')?.changeIndex).toBeUndefined();
  });

  it('finds no changes in the same text', () => {
    expect(sideBySideDiff('Same words.', 'Same words.').changes).toBe(0);
  });

  it('keeps every word of both texts, in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (older, newer) => {
        const diff = sideBySideDiff(older, newer);
        expect(diff.older.map((part) => part.text).join('')).toBe(older);
        expect(diff.newer.map((part) => part.text).join('')).toBe(newer);
        const indexes = [...diff.older, ...diff.newer].flatMap((part) => part.changeIndex ?? []);
        expect(new Set(indexes).size).toBe(diff.changes);
      }),
    );
  });
});

describe('stepChange', () => {
  it('goes to the first or last change from nowhere, and wraps round', () => {
    expect(stepChange(-1, 3, 1)).toBe(0);
    expect(stepChange(-1, 3, -1)).toBe(2);
    expect(stepChange(2, 3, 1)).toBe(0);
    expect(stepChange(0, 3, -1)).toBe(2);
    expect(stepChange(-1, 0, 1)).toBe(-1);
  });
});
