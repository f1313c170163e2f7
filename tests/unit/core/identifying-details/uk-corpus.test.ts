import { describe, expect, it } from 'vitest';
import { detectIdentifyingDetails } from '@core/identifying-details/index';
import {
  evaluateUk,
  labelKinds,
  loadUkCorpus,
  parseLabelled,
  ukPrecision,
  ukRecall,
  ukScoreTable,
  type UkEvaluation,
} from './uk-corpus';

const corpus = loadUkCorpus();
const detect = (text: string) => detectIdentifyingDetails(text);

describe('the UK corpus (uk-corpus.*.txt)', () => {
  it('has at least 120 narratives from all four nations, 30 of them hand-written and held out', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(120);
    expect(corpus.filter((narrative) => narrative.split === 'held-out').length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.map((narrative) => narrative.id)).size).toBe(corpus.length);
    const nations = corpus.map((narrative) => narrative.nation).join(' ');
    for (const nation of ['england', 'wales', 'scotland', 'northern-ireland']) expect(nations).toContain(nation);
  });

  it('labels every kind, with exact spans', () => {
    for (const kind of labelKinds) {
      expect(
        corpus.some((narrative) => narrative.spans.some((span) => span.kind === kind)),
        kind,
      ).toBe(true);
    }
    for (const narrative of corpus) {
      for (const span of narrative.spans) expect(narrative.text.slice(span.start, span.end)).toBe(span.text);
    }
  });

  it('refuses a label of an unknown kind or one left open', () => {
    expect(() => parseLabelled('x', 'I met [[FRIEND|Sam]].')).toThrow(/unknown label/);
    expect(() => parseLabelled('x', 'I met [[PERSON|Sam.')).toThrow(/not closed/);
    expect(parseLabelled('x', 'I met [[PERSON|Sam]] in [[PLACE|Rhyl]].').spans).toEqual([
      { kind: 'PERSON', start: 6, end: 9, text: 'Sam' },
      { kind: 'PLACE', start: 13, end: 17, text: 'Rhyl' },
    ]);
  });
});

/** Issue 20's targets: recall 0.93 overall and 0.85 for every kind, precision 0.90. */
function expectTargets(evaluation: UkEvaluation, floors: { overall: number; kind: number; precision: number }): void {
  expect(ukRecall(evaluation.overall), 'overall recall').toBeGreaterThanOrEqual(floors.overall);
  expect(ukPrecision(evaluation.overall), 'overall precision').toBeGreaterThanOrEqual(floors.precision);
  for (const score of evaluation.byKind) {
    if (score.labelled > 0) expect(ukRecall(score), `${score.kind} recall`).toBeGreaterThanOrEqual(floors.kind);
  }
}

describe('detector precision and recall on the UK corpus', () => {
  const training = evaluateUk(
    corpus.filter((narrative) => narrative.split === 'training'),
    detect,
  );
  const heldOut = evaluateUk(
    corpus.filter((narrative) => narrative.split === 'held-out'),
    detect,
  );

  it('meets the targets on the training slice', () => {
    console.log(`Training slice\n${ukScoreTable(training)}\n\nHeld-out slice\n${ukScoreTable(heldOut)}\n`);
    expectTargets(training, { overall: 0.93, kind: 0.85, precision: 0.9 });
  });

  // The held-out slice was written before any rule was tuned and is never used to tune them. It does not yet
  // meet the targets (see bench/results.md); these floors sit just below what it scores, so a regression fails.
  it('keeps the held-out slice above its floors', () => {
    expectTargets(heldOut, { overall: 0.9, kind: 0.78, precision: 0.9 });
  });
});

describe('traps from issue 20', () => {
  const kindsOf = (text: string) => detect(text).map((finding) => `${finding.kind}: ${finding.text}`);

  it('finds addresses on Church Street and High Street', () => {
    expect(kindsOf('He lived at 7 Church Street in the end.')).toContain('address: 7 Church Street');
    expect(kindsOf('We lived on 22 High Street, above a bookies.')).toContain('address: 22 High Street');
    expect(kindsOf('The flat was Flat 3, 18 Church Street.')).toContain('address: Flat 3, 18 Church Street');
  });

  it('leaves hypothetical ages in advice and car makes alone', () => {
    const text =
      "A ten-year-old can't consent to that. If a 14-year-old has two phones, ask why. He drove a BMW and a Ford Focus.";
    expect(kindsOf(text)).toEqual([]);
  });

  it('still finds a real person’s age written as a word', () => {
    expect(kindsOf('I was fifteen and he was nineteen.')).toEqual(['age: fifteen', 'age: nineteen']);
  });

  it('finds Welsh and Gaelic place names and says which nation', () => {
    const findings = detect('I grew up in Casnewydd and later moved to Inbhir Nis.');
    expect(findings.map((finding) => [finding.text, finding.explanation])).toEqual([
      ['Casnewydd', 'a place in Wales'],
      ['Inbhir Nis', 'a place in Scotland'],
    ]);
  });

  it('finds Welsh-language organisations, schools by initials, Welsh months and usernames without @', () => {
    expect(kindsOf('I went to Ysgol y Creuddyn and the boxing at Clwb Bocsio Cwm Ogwr.')).toEqual([
      'school: Ysgol y Creuddyn',
      'organisation: Clwb Bocsio Cwm Ogwr',
    ]);
    expect(kindsOf('My teacher at TCAT saw the messages in Medi 2019.')).toEqual(['school: TCAT', 'date: Medi 2019']);
    expect(kindsOf('His snap was kash.tfd_99 and on Discord he was nightowl#0412.')).toEqual([
      'social-handle: kash.tfd_99',
      'social-handle: nightowl#0412',
    ]);
  });

  it('finds names of many heritages, and a name that is a word only where it is written as a name', () => {
    expect(kindsOf('Later I met Chiamaka and Kwabena Asante-Mensah at the bus station.')).toEqual([
      'person: Chiamaka',
      'person: Kwabena Asante-Mensah',
    ]);
    expect(kindsOf('It was Hope who rang the police.')).toEqual(['person: Hope']);
    expect(kindsOf('There was no hope of that.')).toEqual([]);
    expect(detect('I met Adebayo at the shop.')[0]?.explanation).toMatch(/name/);
  });
});
