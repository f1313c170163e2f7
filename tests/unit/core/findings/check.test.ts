import { describe, expect, it } from 'vitest';
import { checkShared, type CheckInput, type Detect } from '@core/findings/check';
import { explainFinding, ownListExplanation } from '@core/findings/explain';
import { placeWords } from '@core/findings/segments';
import type { Finding } from '@core/identifying-details/index';

/** A detector that finds each given word as a person, wherever it is written as given. */
function finding(words: readonly string[], extra: Partial<Finding> = {}): Detect {
  return (text) =>
    words
      .flatMap((word) =>
        [...text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].map((match) => ({ word, at: match.index })),
      )
      .sort((a, b) => a.at - b.at)
      .map(({ word, at }) => ({
        id: `person:${at}`,
        kind: 'person' as const,
        start: at,
        end: at + word.length,
        text: word,
        suggestion: 'a friend',
        confidence: 'high' as const,
        ...extra,
      }));
}

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });

function input(overrides: Partial<CheckInput> = {}): CheckInput {
  return {
    details: { title: 'Kai and me', summary: 'About Kai.', topics: ['Kai'], contentWarnings: ['Kai hurt'] },
    doc: {
      type: 'doc',
      content: [
        paragraph('I met Kai.'),
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Kai' }] },
        {
          type: 'table',
          content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph('Kai again')] }] }],
        },
        { type: 'contentWarning', content: [paragraph('Kai warned')] },
        { type: 'inMyWords', content: [paragraph('Kai said')] },
        { type: 'chorusImage', attrs: { imageId: 'img-1', alt: 'Kai at the park' } },
      ],
    },
    known: [],
    replacements: [],
    ...overrides,
  };
}

describe('checking everything that is shared', () => {
  it('checks the details, every text block and every picture description, and says where each finding is', () => {
    const found = checkShared(input(), finding(['Kai']));
    expect(found.map((each) => [placeWords(each.place), each.place.index, each.place.from, each.text])).toEqual([
      ['the title', 0, 0, 'Kai'],
      ['the summary', 0, 6, 'Kai'],
      ['the topics', 0, 0, 'Kai'],
      ['the content warnings', 0, 0, 'Kai'],
      ['the text', 0, 6, 'Kai'],
      ['a heading', 2, 0, 'Kai'],
      ['a table', 3, 0, 'Kai'],
      ['a content-warning block', 4, 0, 'Kai'],
      ['an “in my words” block', 5, 0, 'Kai'],
      ['a picture description', 0, 0, 'Kai'],
    ]);
    // Text blocks are counted as the editor counts them, empty ones too: the heading is the third.
    expect(
      found.every((each) => each.source === 'detector' && each.explanation === 'Looks like a person’s name.'),
    ).toBe(true);
  });

  it("finds the consultee's own list, which wins over the detector's finding of the same words", () => {
    const found = checkShared(
      input({
        known: [{ text: 'kai', kind: 'place' }],
        details: { title: '', summary: '', topics: [], contentWarnings: [] },
      }),
      finding(['Kai']),
    );
    expect(found).toHaveLength(6);
    expect(found.every((each) => each.source === 'list' && each.kind === 'place')).toBe(true);
    expect(found[0]?.explanation).toBe(ownListExplanation);
  });

  it('keeps a more specific finding over a list entry inside it', () => {
    const detect: Detect = (text) => {
      const at = text.indexOf('kai@example.com');
      return at === -1
        ? []
        : [
            {
              id: 'e',
              kind: 'email',
              start: at,
              end: at + 15,
              text: 'kai@example.com',
              suggestion: '[email]',
              confidence: 'high',
            },
          ];
    };
    const found = checkShared(
      input({
        details: { title: 'Mail kai@example.com', summary: '', topics: [], contentWarnings: [] },
        doc: { type: 'doc', content: [] },
        known: [{ text: 'Kai', kind: 'person' }],
      }),
      detect,
    );
    expect(found.map((each) => [each.kind, each.text])).toEqual([['email', 'kai@example.com']]);
  });

  it('never flags a replacement the consultee chose, in any case or with a possessive', () => {
    const found = checkShared(
      input({
        details: { title: 'Sky and me', summary: '', topics: [], contentWarnings: [] },
        doc: { type: 'doc', content: [paragraph("SKY's friend Kai met Sky.")] },
        replacements: ['Sky'],
      }),
      finding(['Sky', 'SKY', 'Kai']),
    );
    expect(found.map((each) => each.text)).toEqual(['Kai']);
  });

  it("still flags a listed name that is part of a replacement: the list is the consultee's word", () => {
    const found = checkShared(
      input({
        details: { title: '', summary: '', topics: [], contentWarnings: [] },
        doc: { type: 'doc', content: [paragraph('Kai T said so.')] },
        known: [{ text: 'Kai', kind: 'person' }],
        replacements: ['Kai T'],
      }),
      finding([]),
    );
    expect(found.map((each) => each.text)).toEqual(['Kai']);
  });

  it("shows the detector's own explanation when it gives one, and plain words for the kind otherwise", () => {
    expect(explainFinding({ kind: 'place', explanation: 'A village in Powys.' })).toBe('A village in Powys.');
    expect(explainFinding({ kind: 'postcode' })).toBe('Looks like a postcode, which points to a few streets.');
    const found = checkShared(input(), finding(['Kai'], { explanation: 'A first name.' }));
    expect(found[0]?.explanation).toBe('A first name.');
  });
});
