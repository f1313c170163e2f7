// The identifying-details check at 1,000, 30,000 and 100,000 words: what it costs the page's main
// thread now that it runs in a worker, against the check as the review page ran it before (the
// detector over the document's plain text, on the main thread), interleaved trial by trial.
import { documentText } from '@core/document/text';
import { detectIdentifyingDetails } from '@core/identifying-details/index';
import { handleCheckMessage } from '../../renderer/src/features/review/check-handler';
import {
  checkAnswerSchema,
  checkRequestSchema,
  type CheckRequest,
} from '../../renderer/src/features/review/check-protocol';
import { groupFindings } from '../../renderer/src/features/review/group-findings';
import { compare, runInterleaved, type BenchResult, type Benchmark, type Comparison } from '../harness';
import { longDocument } from '../lib/corpus';
import { roundsFromEnv } from '../lib/util';

const name = 'identifying-check';
const sizes = [1_000, 30_000, 100_000] as const;
const warmupRounds = 1;
const measuredRounds = roundsFromEnv('BENCH_CHECK_ROUNDS', 3);

const known: CheckRequest['known'] = [
  { text: 'Jade Okafor', kind: 'person' },
  { text: 'Hollinswood', kind: 'place' },
  { text: 'Madeley Academy', kind: 'school' },
  { text: 'Brookside Avenue', kind: 'place' },
  { text: 'Mo', kind: 'person' },
];

const time = <T>(action: () => T): [T, number] => {
  const started = performance.now();
  const result = action();
  return [result, performance.now() - started];
};

export const identifyingCheck: Benchmark = {
  name,
  description:
    'The identifying-details check of a whole resource at 1,000, 30,000 and 100,000 words (the benchmark corpus), with a list of five people and places.',
  async run(): Promise<BenchResult> {
    const log = (line: string) => console.error(`[${name}] ${line}`);
    const rows: Comparison[] = [];
    const details: Record<string, unknown> = {};
    for (const words of sizes) {
      const doc = longDocument(words);
      log(`${words} words`);
      const samples = await runInterleaved<'main' | 'check'>({
        keys: ['main', 'check'],
        warmupRounds,
        measuredRounds,
        baseline() {
          // Before: plain text and the detector, both on the page's main thread, in one task.
          const [, ms] = time(() => detectIdentifyingDetails(documentText(doc)));
          return Promise.resolve({ main: ms, check: ms });
        },
        ours() {
          // The page's part: the request (the document as JSON), its protocol check, the copy
          // postMessage makes (structuredClone), then parsing the answer and grouping the findings.
          const [request, build] = time(() => {
            const built: CheckRequest = {
              type: 'check',
              seq: 1,
              details: { title: 'A story', summary: '', topics: [], contentWarnings: [] },
              docJson: JSON.stringify(doc),
              known,
              replacements: [],
            };
            checkRequestSchema.parse(built);
            return structuredClone(built);
          });
          // The worker's part, off the main thread.
          const [answer, check] = time(() => handleCheckMessage(request));
          const [, read] = time(() => {
            const parsed = checkAnswerSchema.parse(structuredClone(answer));
            return parsed.ok ? groupFindings(parsed.findings) : [];
          });
          return Promise.resolve({ main: build + read, check });
        },
        log,
      });
      rows.push(
        compare(
          `main thread, ${words} words`,
          'Main-thread time of one check. Ours: building and checking the request, the structured clone, parsing the answer and grouping findings (the sum of what are two tasks in the page, so an upper bound on the longest). Baseline: the whole check on the main thread. Target at 30,000 words and below: ours ≤ 50 ms.',
          { ours: samples.ours.main, baseline: samples.baseline.main },
          words <= 30_000 ? { maxOursMedianMs: 50, maxOursP95Ms: 50 } : null,
        ),
        compare(
          `check time, ${words} words`,
          'Time to check everything shared (the worker’s part), against the detector alone over the plain text. Ours reads the title, details, every block and picture description, and the list. Information.',
          { ours: samples.ours.check, baseline: samples.baseline.check },
          null,
        ),
      );
      details[`words${words}`] = { docJsonChars: JSON.stringify(doc).length };
    }
    return {
      name,
      description: identifyingCheck.description,
      oursLabel: 'the check in its worker (`handleCheckMessage`) and the page’s part of it',
      baselineLabel:
        '`detectIdentifyingDetails(documentText(doc))` on the main thread, as the review page ran it before',
      warmupRounds,
      measuredRounds,
      rows,
      details,
      notes: [
        'Measured in Node, not in Chromium: the page-side steps are run as the page runs them, and postMessage is approximated by `structuredClone`. The machine is shared with other agents; read the ratios and the spread rather than the milliseconds.',
      ],
    };
  },
};
