import { readFileSync } from 'node:fs';
import {
  detectIdentifyingDetails,
  findingKinds,
  type Finding,
  type FindingKind,
} from '@core/identifying-details/index';

export type Split = 'development' | 'held-out';

export interface LabelledSpan {
  kind: FindingKind;
  start: number;
  end: number;
  text: string;
}

export interface Narrative {
  id: string;
  split: Split;
  setting: string;
  text: string;
  spans: LabelledSpan[];
}

function isKind(value: unknown): value is FindingKind {
  return typeof value === 'string' && (findingKinds as readonly string[]).includes(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function fail(message: string): never {
  throw new Error(`corpus.v1.json: ${message}`);
}

function parseSpan(value: unknown, id: string): LabelledSpan {
  if (!isRecord(value)) fail(`${id}: a span is not an object`);
  const { kind, start, end, text } = value;
  if (!isKind(kind)) fail(`${id}: unknown kind ${String(kind)}`);
  if (typeof start !== 'number' || typeof end !== 'number' || typeof text !== 'string') fail(`${id}: bad span`);
  return { kind, start, end, text };
}

function parseNarrative(value: unknown): Narrative {
  if (!isRecord(value)) fail('a narrative is not an object');
  const { id, split, setting, text, spans } = value;
  if (typeof id !== 'string' || typeof setting !== 'string' || typeof text !== 'string') fail('bad narrative');
  if (split !== 'development' && split !== 'held-out') fail(`${id}: unknown split ${String(split)}`);
  if (!Array.isArray(spans)) fail(`${id}: spans is not a list`);
  return { id, split, setting, text, spans: spans.map((span: unknown) => parseSpan(span, id)) };
}

/**
 * The labelled corpus. It is read as JSON at run time rather than imported, so the fixture stays a plain
 * versioned data file, and each field is checked so a bad label fails loudly rather than skewing the figures.
 */
export function loadCorpus(): Narrative[] {
  const raw: unknown = JSON.parse(
    readFileSync(new URL('../../../fixtures/identifying-details/corpus.v1.json', import.meta.url), 'utf8'),
  );
  if (!isRecord(raw) || raw.version !== 1 || !Array.isArray(raw.narratives)) fail('not a version 1 corpus');
  return raw.narratives.map((narrative: unknown) => parseNarrative(narrative));
}

export interface KindScore {
  kind: FindingKind;
  /** Labelled spans, and how many of them a finding of the same kind overlaps. */
  labelled: number;
  found: number;
  /** Findings, and how many of them overlap a labelled span of the same kind. */
  predicted: number;
  correct: number;
}

export interface Evaluation {
  byKind: KindScore[];
  /** All kinds together, kind for kind. */
  overall: KindScore;
  /** Labelled spans overlapped by a finding of any kind: what a reviewer would see highlighted. */
  highlighted: number;
  misses: { id: string; span: LabelledSpan }[];
  falseAlarms: { id: string; finding: Finding }[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

/**
 * Precision and recall by span overlap: a labelled span is found when a finding of the same kind overlaps it,
 * and a finding is correct when it overlaps a labelled span of the same kind.
 */
export function evaluate(narratives: readonly Narrative[]): Evaluation {
  const scores = new Map<FindingKind, KindScore>(
    findingKinds.map((kind) => [kind, { kind, labelled: 0, found: 0, predicted: 0, correct: 0 }]),
  );
  const misses: Evaluation['misses'] = [];
  const falseAlarms: Evaluation['falseAlarms'] = [];
  let highlighted = 0;
  for (const narrative of narratives) {
    const findings = detectIdentifyingDetails(narrative.text);
    for (const span of narrative.spans) {
      const score = scores.get(span.kind);
      if (score === undefined) continue;
      score.labelled++;
      if (findings.some((finding) => finding.kind === span.kind && overlaps(finding, span))) score.found++;
      else misses.push({ id: narrative.id, span });
      if (findings.some((finding) => overlaps(finding, span))) highlighted++;
    }
    for (const finding of findings) {
      const score = scores.get(finding.kind);
      if (score === undefined) continue;
      score.predicted++;
      if (narrative.spans.some((span) => span.kind === finding.kind && overlaps(finding, span))) score.correct++;
      else falseAlarms.push({ id: narrative.id, finding });
    }
  }
  const byKind = [...scores.values()];
  const overall = byKind.reduce<KindScore>(
    (sum, score) => ({
      kind: sum.kind,
      labelled: sum.labelled + score.labelled,
      found: sum.found + score.found,
      predicted: sum.predicted + score.predicted,
      correct: sum.correct + score.correct,
    }),
    { kind: 'person', labelled: 0, found: 0, predicted: 0, correct: 0 },
  );
  return { byKind, overall, highlighted, misses, falseAlarms };
}

export const recall = (score: KindScore): number => (score.labelled === 0 ? 1 : score.found / score.labelled);
export const precision = (score: KindScore): number => (score.predicted === 0 ? 1 : score.correct / score.predicted);

function cell(value: number, of: number): string {
  return of === 0 ? '–' : value.toFixed(2);
}

/** A markdown table of precision and recall for each kind, then for all kinds together. */
export function scoreTable(evaluation: Evaluation): string {
  const rows = [
    '| kind | labelled | found | predicted | correct | precision | recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const line = (name: string, score: KindScore): string =>
    `| ${name} | ${score.labelled} | ${score.found} | ${score.predicted} | ${score.correct} | ${cell(precision(score), score.predicted)} | ${cell(recall(score), score.labelled)} |`;
  for (const score of evaluation.byKind) rows.push(line(score.kind, score));
  rows.push(line('**all kinds**', evaluation.overall));
  const highlightedRecall =
    evaluation.overall.labelled === 0 ? 1 : evaluation.highlighted / evaluation.overall.labelled;
  rows.push(
    `| highlighted as any kind | ${evaluation.overall.labelled} | ${evaluation.highlighted} | | | | ${highlightedRecall.toFixed(2)} |`,
  );
  return rows.join('\n');
}
