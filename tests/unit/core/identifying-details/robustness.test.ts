import { describe, expect, it } from 'vitest';
import {
  detectIdentifyingDetails,
  findingKinds,
  neutralSuggestion,
  type Finding,
} from '@core/identifying-details/index';
import { found } from './helpers';

/** A small seeded generator (mulberry32), so a failing fuzz case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pieces that sit close to the rules' edges, mixed with arbitrary characters, surrogates and controls.
const pieces = [
  'I was 14',
  ' in Walsall',
  'St Mary’s Primary',
  '07700 900461',
  '+44 (0)',
  '@jay.b_',
  'B66 1QR',
  'LR19 OXM',
  '3rd March 2019',
  'my social worker Claire',
  ', ',
  '. ',
  '\n\n',
  "'",
  '“',
  'Mr.',
  'called ',
  ' and ',
  'www.',
  '@',
  '😀',
  '\uD800',
  '\uDC00',
  '\u0000',
  '\u200B',
  'ﬁ',
  'İ',
  'ß',
  '\t',
  '0',
  '00000000000000000000',
  'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  '...........',
  '((((((((',
];

function randomText(next: () => number): string {
  const length = Math.floor(next() * 60);
  let text = '';
  for (let i = 0; i < length; i++) {
    if (next() < 0.5) text += pieces[Math.floor(next() * pieces.length)] ?? '';
    else text += String.fromCharCode(Math.floor(next() * 0x3000));
  }
  return text;
}

function expectWellFormed(text: string, findings: readonly Finding[]): void {
  let previousEnd = 0;
  const ids = new Set<string>();
  for (const finding of findings) {
    expect(finding.start).toBeGreaterThanOrEqual(previousEnd);
    expect(finding.end).toBeGreaterThan(finding.start);
    expect(finding.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(finding.start, finding.end)).toBe(finding.text);
    expect(finding.id).toBe(`${finding.kind}:${finding.start}`);
    expect(findingKinds).toContain(finding.kind);
    expect(finding.suggestion.length).toBeGreaterThan(0);
    expect(ids.has(finding.id)).toBe(false);
    ids.add(finding.id);
    previousEnd = finding.end;
  }
}

describe('detectIdentifyingDetails on any input', () => {
  it('never throws, and returns sorted, non-overlapping findings whose text matches their offsets', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const text = randomText(random(seed));
      let findings: Finding[] = [];
      expect(
        () => (findings = detectIdentifyingDetails(text, { knownNames: ['Claire', '', '(', 'ß'] })),
        `seed ${seed}`,
      ).not.toThrow();
      expectWellFormed(text, findings);
    }
  });

  it('copes with empty, blank and odd inputs', () => {
    const pathological = [
      'a'.repeat(10_000),
      '1 '.repeat(5_000),
      '\n'.repeat(20_000),
      ' '.repeat(20_000) + 'in 2019',
      'Kyle and '.repeat(1_000),
      'I was only just still nearly '.repeat(1_000),
      'a.'.repeat(10_000),
    ];
    for (const text of ['', ' ', '\n', '.', '@', '0', 'I', '😀', '\uD800', ...pathological]) {
      expectWellFormed(text, detectIdentifyingDetails(text));
    }
    // Callers in JavaScript may pass anything; the answer is simply "nothing found".
    expect(detectIdentifyingDetails(undefined as unknown as string)).toEqual([]);
    expect(detectIdentifyingDetails('My friend Kyle', { knownNames: [null, 3] as unknown as string[] })).toEqual([
      expect.objectContaining({ text: 'friend Kyle' }),
    ]);
  });

  it('gives the same findings, with the same ids, for the same text', () => {
    const text = 'My social worker Claire rang me on 07700 900461 when I was 14 in Walsall.';
    expect(detectIdentifyingDetails(text)).toEqual(detectIdentifyingDetails(text));
    expect(detectIdentifyingDetails(text).map((finding) => finding.id)).toEqual([
      'person:3',
      'phone:35',
      'age:59',
      'place:65',
    ]);
  });

  it('counts offsets in UTF-16 code units, as the editor does', () => {
    const text = '😀😀 I moved to Walsall with Kyle Brennan 👍 on 3rd March 2019.';
    const findings = detectIdentifyingDetails(text);
    expectWellFormed(text, findings);
    expect(findings.map((finding) => finding.text)).toEqual(['Walsall', 'Kyle Brennan', '3rd March 2019']);
  });

  it('reads a sentence written in capitals throughout like one written without capitals', () => {
    expect(found('I WAS 14 AND WE LIVED IN WALSALL WITH MY MATE JAKE. MY MOBILE WAS 07700 900461.')).toEqual([
      'age: 14',
      'place: WALSALL',
      'person: MATE JAKE',
      'phone: 07700 900461',
    ]);
    expect(found('What I Wish Professionals Knew About Being Moved Away From Home')).toEqual([]);
  });

  it('has a suggestion for every kind, whatever the text', () => {
    for (const kind of findingKinds) {
      expect(neutralSuggestion(kind, '').length).toBeGreaterThan(0);
      expect(neutralSuggestion(kind, 'x').length).toBeGreaterThan(0);
    }
  });
});
