import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentText, imageIdsOf } from '@core/document/text';
import { newId, safeIdPattern } from '@core/ids';
import {
  addReadingCounts,
  countSyllables,
  countWords,
  noReadingCounts,
  readabilityOf,
  readingCounts,
  readingTimeMinutes,
} from '@core/document/text-stats';

describe('documentText', () => {
  it('separates blocks with blank lines, keeps hard breaks and reads nested blocks in order', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Line one' },
            { type: 'hardBreak' },
            { type: 'text', text: 'line ', marks: [{ type: 'bold' }] },
            { type: 'text', text: 'two' },
          ],
        },
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'First' }] }] },
            { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Second' }] }] },
          ],
        },
        { type: 'contentWarning', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Warning' }] }] },
        { type: 'paragraph' },
      ],
    };
    expect(documentText(doc)).toBe('Title\n\nLine one\nline two\n\nFirst\n\nSecond\n\nWarning');
  });

  it('finds every image id, however deep', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'chorusImage', attrs: { imageId: 'a' } },
        { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'chorusImage', attrs: { imageId: 'b' } }] }] },
      ],
    };
    expect(imageIdsOf(doc).sort()).toEqual(['a', 'b']);
  });
});

describe('text statistics', () => {
  it('counts words exactly as the word pattern matches them, in any script', () => {
    const pattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
    const samples = [
      "don't -x- y- 'z' a–b",
      'Café naïve — résumé? 1,000',
      'Привет мир, 東京 ok',
      "rock-'n'-roll’s",
      '',
    ];
    for (const sample of samples) expect(countWords(sample)).toBe(sample.match(pattern)?.length ?? 0);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (sample) => {
        expect(countWords(sample)).toBe(sample.match(pattern)?.length ?? 0);
      }),
    );
  });

  it('counts words with apostrophes and hyphens as one', () => {
    expect(countWords("I didn't know it was well-meant, 2 times.")).toBe(8);
    expect(countWords('  ')).toBe(0);
  });

  it('gives reading time in whole minutes', () => {
    expect(readingTimeMinutes(0)).toBe(0);
    expect(readingTimeMinutes(10)).toBe(1);
    expect(readingTimeMinutes(1000)).toBe(5);
  });

  it('counts syllables roughly', () => {
    expect(countSyllables('the')).toBe(1);
    expect(countSyllables('professional')).toBe(4);
    expect(countSyllables('listened')).toBe(2);
  });

  it('rates plain writing as easier than dense writing, and says nothing on short text', () => {
    const plain = 'I was scared. Nobody asked me why. I wanted someone to ask. I wanted someone to stay. '.repeat(3);
    const dense =
      'Professionals should systematically consider contextual safeguarding considerations, recognising exploitation indicators, particularly where organisational responsibilities intersect with multidisciplinary accountability frameworks. '.repeat(
        3,
      );
    const easy = readabilityOf(readingCounts(plain));
    const hard = readabilityOf(readingCounts(dense));
    expect(easy?.readingAge).toBeLessThan(hard?.readingAge ?? 0);
    expect(easy?.hint).toBe('Easy to read for most people.');
    expect(hard?.hint).toBe('Hard to read: try shorter sentences and simpler words.');
    expect(readabilityOf(readingCounts('Too short to judge.'))).toBeNull();
  });

  it('counts a paragraph without a full stop as a sentence, and a full stop before a blank line once', () => {
    expect(readingCounts('A heading\n\nOne. Two!\n\nThree? And four')).toEqual({
      words: 7,
      syllables: 8,
      sentences: 5,
    });
    expect(readingCounts('  \n\n \n\n')).toEqual(noReadingCounts);
  });

  it('adds up paragraph by paragraph: texts joined by blank lines count as the sum of theirs', () => {
    const texts = fc.array(
      fc.string({
        unit: fc.constantFrom('a', 'e', 'y', 'B', '1', ' ', '.', '!', '?', '\n', '’', '-', 'é'),
        maxLength: 40,
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(texts, (parts) => {
        const summed = parts.map(readingCounts).reduce(addReadingCounts, noReadingCounts);
        expect(readingCounts(parts.join('\n\n'))).toEqual(summed);
      }),
      { numRuns: 400 },
    );
  });
});

describe('ids', () => {
  it('are random and safe for paths', () => {
    const ids = new Set(Array.from({ length: 1000 }, newId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(safeIdPattern);
  });
});
