import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findKnownDetails, foldText, type KnownDetail } from '@core/findings/known-details';

const words = (text: string, details: readonly KnownDetail[]) =>
  findKnownDetails(text, details).map((match) => text.slice(match.start, match.end));

describe("the consultee's own list", () => {
  it('finds an entry in any case, with accents or without, and leaves a possessive out of it', () => {
    const list: KnownDetail[] = [{ text: 'Zoë', kind: 'person' }];
    expect(words("ZOE said it was Zoë's turn, then zoe's and Zoes.", list)).toEqual(['ZOE', 'Zoë', 'zoe', 'Zoe']);
  });

  it('finds a name with spaces, hyphens or nothing between its words, and each distinctive word alone', () => {
    const list: KnownDetail[] = [{ text: 'Mary-Jane Okafor', kind: 'person' }];
    expect(words('Mary Jane Okafor, maryjane okafor, MARY-JANE, Okafor and Mrs Okafor’s car.', list)).toEqual([
      'Mary Jane Okafor',
      'maryjane okafor',
      'MARY-JANE',
      'Okafor',
      'Okafor',
    ]);
  });

  it('treats apostrophes and full stops as optional', () => {
    const list: KnownDetail[] = [{ text: "St. Anne's Close", kind: 'place' }];
    expect(words('We lived on St Annes Close, then St. Anne’s close.', list)).toEqual([
      'St Annes Close',
      'St. Anne’s close',
    ]);
  });

  it('never looks for a general word of a longer entry alone, nor a word inside another word', () => {
    const list: KnownDetail[] = [
      { text: 'Hollinswood Primary School', kind: 'school' },
      { text: 'Ali', kind: 'person' },
    ];
    expect(words('The primary school near Hollinswood. Alison and Ali.', list)).toEqual(['Hollinswood', 'Ali']);
  });

  it('gives each match the kind of its entry, the longest entry first where two overlap', () => {
    const list: KnownDetail[] = [
      { text: 'Telford', kind: 'place' },
      { text: 'Telford Road', kind: 'place' },
      { text: 'Jade', kind: 'person' },
    ];
    expect(findKnownDetails('Jade lived on Telford Road in Telford.', list)).toMatchObject([
      { start: 0, end: 4, kind: 'person', entry: 'Jade' },
      { start: 14, end: 26, kind: 'place', entry: 'Telford Road' },
      { start: 30, end: 37, kind: 'place', entry: 'Telford' },
    ]);
  });

  it('matches whatever is written in an entry literally, and never throws', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ maxLength: 40 }), { maxLength: 5 }), (text, entries) => {
        const list = entries.map((entry): KnownDetail => ({ text: entry, kind: 'person' }));
        for (const match of findKnownDetails(text, list)) {
          expect(match.start).toBeGreaterThanOrEqual(0);
          expect(match.end).toBeGreaterThan(match.start);
          expect(match.end).toBeLessThanOrEqual(text.length);
        }
      }),
    );
    expect(
      words('a.*b (x) [y] a+b', [
        { text: '(x)', kind: 'person' },
        { text: 'a+b', kind: 'person' },
      ]),
    ).toEqual(['a+b']);
  });

  it('folds text without moving any offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(foldText(text)).toHaveLength(text.length);
      }),
    );
  });
});
