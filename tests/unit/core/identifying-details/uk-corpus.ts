import { readFileSync } from 'node:fs';
import { type Finding, type FindingKind } from '@core/identifying-details/index';

/** The kinds the UK corpus is labelled with (issue 20's labelling rules). */
export const labelKinds = [
  'PERSON',
  'PLACE',
  'ORG',
  'DATE',
  'PHONE',
  'EMAIL',
  'POSTCODE',
  'VEHICLE',
  'HANDLE',
  'ADDRESS',
] as const;
export type LabelKind = (typeof labelKinds)[number];

/** Which label each of the detector's kinds is scored as; a web link is not a labelled kind. */
export const labelOfKind: Record<FindingKind, LabelKind | undefined> = {
  person: 'PERSON',
  place: 'PLACE',
  school: 'ORG',
  organisation: 'ORG',
  age: 'DATE',
  date: 'DATE',
  phone: 'PHONE',
  email: 'EMAIL',
  postcode: 'POSTCODE',
  address: 'ADDRESS',
  vehicle: 'VEHICLE',
  'social-handle': 'HANDLE',
  url: undefined,
};

export type UkSplit = 'training' | 'held-out';

export interface UkSpan {
  kind: LabelKind;
  start: number;
  end: number;
  text: string;
}

export interface UkNarrative {
  id: string;
  split: UkSplit;
  nation: string;
  text: string;
  spans: UkSpan[];
}

const files: { name: string; split: UkSplit }[] = [
  { name: 'uk-corpus.training.txt', split: 'training' },
  { name: 'uk-corpus.training-hand.txt', split: 'training' },
  { name: 'uk-corpus.held-out.txt', split: 'held-out' },
];

const isLabelKind = (value: string): value is LabelKind => (labelKinds as readonly string[]).includes(value);

/**
 * Reads one narrative written with inline labels, `[[KIND|exact text]]`, into its plain text and spans with
 * UTF-16 offsets. A malformed label throws, so a typo fails loudly rather than skewing the figures.
 */
export function parseLabelled(id: string, marked: string): { text: string; spans: UkSpan[] } {
  const spans: UkSpan[] = [];
  let text = '';
  let at = 0;
  const label = /\[\[([A-Z]+)\|([^\]|]+)\]\]/g;
  for (const match of marked.matchAll(label)) {
    const [whole, kind = '', span = ''] = match;
    if (!isLabelKind(kind)) throw new Error(`${id}: unknown label ${kind}`);
    text += marked.slice(at, match.index);
    spans.push({ kind, start: text.length, end: text.length + span.length, text: span });
    text += span;
    at = match.index + whole.length;
  }
  text += marked.slice(at);
  if (text.includes('[[') || text.includes(']]')) throw new Error(`${id}: a label is not closed`);
  return { text, spans };
}

/** The UK corpus: generated and hand-written training narratives, and the hand-written held-out slice. */
export function loadUkCorpus(): UkNarrative[] {
  const narratives: UkNarrative[] = [];
  for (const { name, split } of files) {
    const raw = readFileSync(new URL(`../../../fixtures/identifying-details/${name}`, import.meta.url), 'utf8');
    for (const block of raw.split(/^### /m).slice(1)) {
      const newline = block.indexOf('\n');
      const [id = '', nation = ''] = block.slice(0, newline).trim().split(/\s+/);
      const { text, spans } = parseLabelled(id, block.slice(newline + 1).trim());
      narratives.push({ id, split, nation, text, spans });
    }
  }
  return narratives;
}

export interface LabelScore {
  kind: LabelKind;
  labelled: number;
  found: number;
  predicted: number;
  correct: number;
}

export interface UkEvaluation {
  byKind: LabelScore[];
  overall: LabelScore;
  misses: { id: string; span: UkSpan }[];
  falseAlarms: { id: string; finding: Finding }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/**
 * Precision and recall by overlap with the same kind: a labelled span is found when a finding scored as its
 * kind overlaps it, and a finding is correct when it overlaps a labelled span of its kind.
 */
export function evaluateUk(
  narratives: readonly UkNarrative[],
  detect: (text: string) => readonly Finding[],
): UkEvaluation {
  const scores = new Map<LabelKind, LabelScore>(
    labelKinds.map((kind) => [kind, { kind, labelled: 0, found: 0, predicted: 0, correct: 0 }]),
  );
  const misses: UkEvaluation['misses'] = [];
  const falseAlarms: UkEvaluation['falseAlarms'] = [];
  for (const narrative of narratives) {
    const findings = detect(narrative.text)
      .map((finding) => ({ finding, label: labelOfKind[finding.kind] }))
      .filter((entry): entry is { finding: Finding; label: LabelKind } => entry.label !== undefined);
    for (const span of narrative.spans) {
      const score = scores.get(span.kind);
      if (score === undefined) continue;
      score.labelled++;
      if (findings.some(({ finding, label }) => label === span.kind && overlaps(finding, span))) score.found++;
      else misses.push({ id: narrative.id, span });
    }
    for (const { finding, label } of findings) {
      const score = scores.get(label);
      if (score === undefined) continue;
      score.predicted++;
      if (narrative.spans.some((span) => span.kind === label && overlaps(finding, span))) score.correct++;
      else falseAlarms.push({ id: narrative.id, finding });
    }
  }
  const byKind = [...scores.values()];
  const overall = byKind.reduce<LabelScore>(
    (sum, score) => ({
      kind: sum.kind,
      labelled: sum.labelled + score.labelled,
      found: sum.found + score.found,
      predicted: sum.predicted + score.predicted,
      correct: sum.correct + score.correct,
    }),
    { kind: 'PERSON', labelled: 0, found: 0, predicted: 0, correct: 0 },
  );
  return { byKind, overall, misses, falseAlarms };
}

export const ukRecall = (score: LabelScore): number => (score.labelled === 0 ? 1 : score.found / score.labelled);
export const ukPrecision = (score: LabelScore): number => (score.predicted === 0 ? 1 : score.correct / score.predicted);

/** A markdown table of precision and recall per kind, then all kinds together. */
export function ukScoreTable(evaluation: UkEvaluation): string {
  const cell = (value: number, of: number): string => (of === 0 ? '–' : value.toFixed(2));
  const line = (name: string, score: LabelScore): string =>
    `| ${name} | ${score.labelled} | ${score.found} | ${score.predicted} | ${score.correct} | ${cell(ukPrecision(score), score.predicted)} | ${cell(ukRecall(score), score.labelled)} |`;
  return [
    '| kind | labelled | found | predicted | correct | precision | recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...evaluation.byKind.map((score) => line(score.kind, score)),
    line('**all kinds**', evaluation.overall),
  ].join('\n');
}
