// The identifying-details check: precision and recall per kind on the labelled UK corpus (training slice and
// held-out slice, scored by overlap with a finding of the same kind), how long the check takes on texts of
// 1,000, 30,000 and 100,000 words, and what its reference data costs (size, and the time to unpack it). The
// timing rows are for information: the baseline is the check's own tokeniser over the same text (the least
// any check must do), interleaved trial by trial.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { detectIdentifyingDetails } from '@core/identifying-details/index';
import { tokenize } from '@core/identifying-details/tokens';
import { unpackLexicon, type LexiconData } from '@core/identifying-details/uk-lexicon';
import {
  evaluateUk,
  loadUkCorpus,
  ukPrecision,
  ukRecall,
  ukScoreTable,
  type LabelScore,
  type UkEvaluation,
  type UkNarrative,
} from '../../tests/unit/core/identifying-details/uk-corpus';
import { compare, runInterleaved, type BenchResult, type Benchmark } from '../harness';
import { roundsFromEnv } from '../lib/util';

const name = 'detector';
const description =
  'Identifying-details check: per-kind precision and recall on the UK corpus (training and held-out slices), check time at 1k, 30k and 100k words against tokenising the same text, and the reference data’s size and unpacking time.';

const measuredRounds = roundsFromEnv('BENCH_DETECTOR_ROUNDS', 3);
const warmupRounds = 1;
const sizes = [1_000, 30_000, 100_000] as const;
const checkKey = (words: number): Key => (words === 1_000 ? 'check 1k' : words === 30_000 ? 'check 30k' : 'check 100k');
const keys = ['check 1k', 'check 30k', 'check 100k', 'unpack data'] as const;
type Key = (typeof keys)[number];

/** The corpus's narratives, repeated in order until the text has `words` words. */
function textOf(corpus: readonly UkNarrative[], words: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const narrative = corpus[i % corpus.length];
    if (narrative === undefined) break;
    parts.push(narrative.text);
    count += narrative.text.split(/\s+/).length;
  }
  return parts.join('\n\n');
}

function scores(evaluation: UkEvaluation): Record<string, { precision: number; recall: number; labelled: number }> {
  const named: [string, LabelScore][] = [
    ...evaluation.byKind.map((score): [string, LabelScore] => [score.kind, score]),
    ['overall', evaluation.overall],
  ];
  return Object.fromEntries(
    named.map(([kind, score]) => [
      kind,
      {
        precision: Math.round(ukPrecision(score) * 1000) / 1000,
        recall: Math.round(ukRecall(score) * 1000) / 1000,
        labelled: score.labelled,
      },
    ]),
  );
}

export const detector: Benchmark = {
  name,
  description,
  async run(): Promise<BenchResult> {
    const corpus = loadUkCorpus();
    const detect = (text: string) => detectIdentifyingDetails(text);
    const training = evaluateUk(
      corpus.filter((narrative) => narrative.split === 'training'),
      detect,
    );
    const heldOut = evaluateUk(
      corpus.filter((narrative) => narrative.split === 'held-out'),
      detect,
    );

    const dataFile = new URL('../../core/identifying-details/data/uk-lexicon.json', import.meta.url);
    const raw = await readFile(dataFile);
    const texts = Object.fromEntries(sizes.map((words) => [words, textOf(corpus, words)]));
    const samples = await runInterleaved<Key>({
      keys,
      warmupRounds,
      measuredRounds,
      baseline: () => {
        const measures = {} as Record<Key, number>;
        for (const words of sizes) {
          const started = performance.now();
          tokenize(texts[words] ?? '');
          measures[checkKey(words)] = performance.now() - started;
        }
        const started = performance.now();
        JSON.parse(raw.toString('utf8'));
        measures['unpack data'] = performance.now() - started;
        return Promise.resolve(measures);
      },
      ours: () => {
        const measures = {} as Record<Key, number>;
        for (const words of sizes) {
          const started = performance.now();
          detectIdentifyingDetails(texts[words] ?? '');
          measures[checkKey(words)] = performance.now() - started;
        }
        const started = performance.now();
        unpackLexicon(JSON.parse(raw.toString('utf8')) as LexiconData);
        measures['unpack data'] = performance.now() - started;
        return Promise.resolve(measures);
      },
    });
    const rows = [
      ...sizes.map((words) =>
        compare(
          `check ${words.toLocaleString('en-GB')} words`,
          `detectIdentifyingDetails over ${words.toLocaleString('en-GB')} words of the corpus's narratives (baseline: tokenising the same text)`,
          { ours: samples.ours[checkKey(words)], baseline: samples.baseline[checkKey(words)] },
          null,
        ),
      ),
      compare(
        'unpack reference data',
        'JSON.parse of uk-lexicon.json and building the look-up tables (baseline: JSON.parse alone)',
        { ours: samples.ours['unpack data'], baseline: samples.baseline['unpack data'] },
        null,
      ),
    ];
    const gzipped = gzipSync(raw).length;
    return {
      name,
      description,
      oursLabel: 'detector',
      baselineLabel: 'tokeniser / JSON.parse',
      warmupRounds,
      measuredRounds,
      rows,
      details: {
        training: scores(training),
        heldOut: scores(heldOut),
        narratives: {
          training: corpus.filter((n) => n.split === 'training').length,
          heldOut: corpus.filter((n) => n.split === 'held-out').length,
        },
        referenceData: { bytes: raw.length, gzipBytes: gzipped },
        targets: { overallRecall: 0.93, kindRecall: 0.85, precision: 0.9 },
      },
      notes: [
        `Training slice (${corpus.filter((n) => n.split === 'training').length} narratives, the rules were tuned on it):`,
        '',
        ukScoreTable(training),
        '',
        `Held-out slice (${corpus.filter((n) => n.split === 'held-out').length} hand-written narratives, never used to tune):`,
        '',
        ukScoreTable(heldOut),
        '',
        `Targets (issue 20): recall ≥ 0.93 overall and ≥ 0.85 for every kind, precision ≥ 0.90. Reference data: ${(raw.length / 1024).toFixed(0)} KiB, ${(gzipped / 1024).toFixed(0)} KiB gzipped, loaded only with the detector.`,
      ],
    };
  },
};
