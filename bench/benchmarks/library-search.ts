// The Library's full-text search over 1,000 approved versions of about 1,000 words each: building the index
// and answering the queries a trainer types. Reference, in the same run: MiniSearch itself with the same
// fields and search options, its documents added in one call (`addAll`) and queried raw, which is the least
// any search built on it can cost. Chorus's index adds the plain text of each document, accent folding,
// indexing in slices of about 12 ms so the page stays responsive, and keeping up by difference.
import MiniSearch from 'minisearch';
import { documentText } from '../../core/document/text';
import { LibrarySearchIndex, foldTerm } from '../../renderer/src/features/library/library-search';
import { unhashedRecord } from '../../tests/unit/features/library-fixtures';
import { compare, runInterleaved, type BenchResult, type Benchmark } from '../harness';
import { roundsFromEnv } from '../lib/util';

const name = 'library-search';
const description =
  "Library full-text search over 1,000 versions of ~1,000 words: building the index, and one query of each kind (mean of 20 runs per trial), Chorus's LibrarySearchIndex against MiniSearch's raw addAll and search with the same fields and options, in the same run.";

const warmupRounds = 1;
const measuredRounds = roundsFromEnv('BENCH_LIBRARY_SEARCH_ROUNDS', 5);
const versions = 1_000;
const queryRuns = 20;

/** Made-up words from a fixed seed, common ones far more often than rare ones, as in prose. */
function wordSource(seed: number) {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  const syllables = ['ba', 'ce', 'di', 'fo', 'gu', 'ha', 'je', 'ki', 'lo', 'mu', 'na', 'pe', 'ri', 'so', 'tu', 've'];
  const vocabulary = Array.from({ length: 12_000 }, () => {
    let word = '';
    for (let n = 2 + Math.floor(random() * 3); n > 0; n -= 1) word += syllables[Math.floor(random() * 16)] ?? '';
    return word;
  });
  return { vocabulary, word: () => vocabulary[Math.floor(random() ** 2.5 * vocabulary.length)] ?? 'ba' };
}

const { vocabulary, word } = wordSource(7);
const records = Array.from({ length: versions }, (_, n) =>
  unhashedRecord(`s${n}`, {
    title: `${word()} ${word()} ${word()}`,
    summary: Array.from({ length: 30 }, word).join(' '),
    topics: [word(), word()],
    text: Array.from({ length: 10 }, () => `${Array.from({ length: 97 }, word).join(' ')}.`),
  }),
);
const common = vocabulary[0] ?? 'ba';
const rare = vocabulary[9000] ?? 'ba';
const queries = {
  common: common,
  rare: rare,
  prefix: common.slice(0, 3),
  typo: `${rare.slice(0, -1)}x`,
  twoWords: `${common} ${vocabulary[50] ?? ''}`,
  noMatch: 'zzzzzz',
} as const;
type QueryKind = keyof typeof queries;
const queryKinds = Object.keys(queries) as QueryKind[];
type Key = 'index' | QueryKind;
const keys: readonly Key[] = ['index', ...queryKinds];

function timeQueries(search: (query: string) => unknown): Record<QueryKind, number> {
  const times = {} as Record<QueryKind, number>;
  for (const kind of queryKinds) {
    const started = performance.now();
    for (let run = 0; run < queryRuns; run += 1) search(queries[kind]);
    times[kind] = (performance.now() - started) / queryRuns;
  }
  return times;
}

async function ours(): Promise<Record<Key, number>> {
  const index = new LibrarySearchIndex();
  const started = performance.now();
  await index.update(records);
  const indexMs = performance.now() - started;
  if (index.size !== versions) throw new Error(`Chorus indexed ${index.size} of ${versions} versions`);
  return { index: indexMs, ...timeQueries((query) => index.search(query)) };
}

function baseline(): Record<Key, number> {
  const started = performance.now();
  const index = new MiniSearch({
    fields: ['title', 'summary', 'text', 'topics'],
    storeFields: [],
    processTerm: foldTerm,
    searchOptions: {
      boost: { title: 3, topics: 2, summary: 1.5 },
      combineWith: 'AND',
      prefix: (term: string) => term.length >= 2,
      fuzzy: (term: string) => (term.length >= 4 ? 0.2 : false),
      maxFuzzy: 2,
    },
  });
  index.addAll(
    records.map((record) => ({
      id: record.id,
      title: record.approved.content.title,
      summary: record.approved.content.summary,
      text: documentText(record.approved.content.document),
      topics: record.approved.content.topics.join(' '),
    })),
  );
  const indexMs = performance.now() - started;
  return { index: indexMs, ...timeQueries((query) => index.search(query)) };
}

export const librarySearch: Benchmark = {
  name,
  description,
  async run(): Promise<BenchResult> {
    const samples = await runInterleaved({
      keys,
      warmupRounds,
      measuredRounds,
      baseline: () => Promise.resolve(baseline()),
      ours: () => ours(),
      log: (line) => console.log(`  ${name}: ${line}`),
    });
    const rows = keys.map((key) =>
      compare(
        key === 'index' ? 'build the index' : `query: ${key}`,
        key === 'index'
          ? `Time to index ${versions} versions, until every one is searchable`
          : `One search for “${queries[key]}”, mean of ${queryRuns}`,
        { ours: samples.ours[key], baseline: samples.baseline[key] },
        null,
      ),
    );
    return {
      name,
      description,
      oursLabel: 'Chorus LibrarySearchIndex',
      baselineLabel: 'MiniSearch addAll + raw search',
      warmupRounds,
      measuredRounds,
      rows,
    };
  },
};
