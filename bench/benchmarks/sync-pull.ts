// The first pull of a shared repository that already holds 1,000 approved versions: the
// repository service pulling every page into an empty cache, against native `git clone` plus
// reading and parsing every version's JSON, from the same repository and server in the same run.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestGitRemote, type TestGitRemote } from '../../tests/helpers/repository';
import { compare, runInterleaved, type BenchResult, type Benchmark, type TrialInfo } from '../harness';
import {
  configuredService,
  countServerRequests,
  makeVersions,
  pullEverything,
  readVersionBlobs,
  readVersionFiles,
  repositoryShape,
  seedRepository,
  startNativeGit,
  tally,
  totalBytes,
  wordsPerVersion,
  type GitTally,
  type ServerRequests,
} from '../lib/git-sync';
import { breakdownTable } from '../lib/report';
import { round1, roundsFromEnv } from '../lib/util';

const name = 'sync-pull-1000';
const description =
  'The first pull of a shared git repository holding 1,000 approved versions (and their HTML pages, 2,001 files in one commit), over HTTP from native `git http-backend` behind Basic auth on 127.0.0.1, into an empty local copy.';

const versionCount = 1_000;
const versionsPerResource = 2;
/** Rounds take 10 to 15 s, and the budget for both sync benchmarks is about 3 minutes. */
const warmupRounds = 0;
const measuredRounds = roundsFromEnv('BENCH_SYNC_PULL_ROUNDS', 5);

type Measures = Record<'total', number>;

interface TrialRecord extends TrialInfo {
  side: 'baseline' | 'ours';
  /** The baseline proper (`clone`) or the information row's bare clone. */
  variant?: 'clone' | 'bare';
  totalMs: number;
  /** ms per step (baseline: clone, then reading; ours: isomorphic-git functions, then the rest). */
  steps: Record<string, number>;
  pages?: number;
  /** HTTP requests the git server answered during the trial, and how many of them with 401. */
  requests: ServerRequests;
}

/**
 * Two native pulls: first a bare clone read with `cat-file` (no working tree, as ours keeps none),
 * recorded in `bare` for an information row; then the baseline proper, `git clone` with its
 * checkout and the files read from the working tree.
 */
async function nativeTrial(
  remote: TestGitRemote,
  trial: TrialInfo,
  records: TrialRecord[],
  bare: number[],
): Promise<Measures> {
  const native = await startNativeGit();
  const folder = await mkdtemp(path.join(os.tmpdir(), 'chorus-bench-pull-'));
  const work = path.join(folder, 'clone');
  const bareDir = path.join(folder, 'bare.git');
  try {
    const bareStarted = performance.now();
    let bareCloned = bareStarted;
    let bareCount = 0;
    const bareRequests = await countServerRequests(async () => {
      await native.git(['clone', '--bare', '-q', remote.authenticatedUrl, bareDir], native.home);
      bareCloned = performance.now();
      bareCount = await readVersionBlobs(native, bareDir);
    });
    const bareMs = performance.now() - bareStarted;
    if (bareCount !== versionCount) throw new Error(`bare: read ${bareCount} versions, expected ${versionCount}`);
    if (!trial.warmup) bare.push(bareMs);
    records.push({
      side: 'baseline',
      variant: 'bare',
      ...trial,
      totalMs: round1(bareMs),
      steps: {
        'git clone --bare': bareCloned - bareStarted,
        'ls-tree, cat-file --batch, JSON.parse': bareStarted + bareMs - bareCloned,
      },
      requests: bareRequests,
    });

    let count = 0;
    const started = performance.now();
    let cloned = started;
    const requests = await countServerRequests(async () => {
      await native.git(['clone', '-q', remote.authenticatedUrl, work], native.home);
      cloned = performance.now();
      count = await readVersionFiles(work);
    });
    const totalMs = performance.now() - started;
    if (count !== versionCount) throw new Error(`baseline: read ${count} versions, expected ${versionCount}`);
    records.push({
      side: 'baseline',
      variant: 'clone',
      ...trial,
      totalMs: round1(totalMs),
      steps: { 'git clone': cloned - started, 'read and JSON.parse 1,000 files': started + totalMs - cloned },
      requests,
    });
    return { total: totalMs };
  } finally {
    await rm(folder, { recursive: true, force: true });
    await native.close();
  }
}

async function oursTrial(remote: TestGitRemote, trial: TrialInfo, records: TrialRecord[]): Promise<Measures> {
  const client = await configuredService(remote);
  try {
    let totalMs = 0;
    let pulled = { versions: 0, pages: 0 };
    let counted: GitTally = {};
    const requests = await countServerRequests(async () => {
      counted = await tally(async () => {
        const started = performance.now();
        pulled = await pullEverything(client.service);
        totalMs = performance.now() - started;
      });
    });
    if (pulled.versions !== versionCount)
      throw new Error(`ours: pulled ${pulled.versions} versions, expected ${versionCount}`);
    if (client.failures.length > 0)
      throw new Error(`The service reported failures: ${client.failures.map(String).join('; ')}`);
    const steps: Record<string, number> = {};
    let inGit = 0;
    for (const [fn, entry] of Object.entries(counted)) {
      if (entry.calls === 0) continue;
      steps[`${fn} (${entry.calls}×)`] = entry.ms;
      inGit += entry.ms;
    }
    steps['everything else (the service: settings and token, checking each record: JSON, schema, both hashes)'] =
      totalMs - inGit;
    records.push({ side: 'ours', ...trial, totalMs: round1(totalMs), steps, pages: pulled.pages, requests });
    return { total: totalMs };
  } finally {
    await client.close();
  }
}

function meanSteps(records: readonly TrialRecord[], side: TrialRecord['side'], variant?: 'clone' | 'bare') {
  const measured = records.filter((record) => record.side === side && record.variant === variant && !record.warmup);
  const sums: Record<string, number> = {};
  for (const record of measured)
    for (const [key, ms] of Object.entries(record.steps)) sums[key] = (sums[key] ?? 0) + ms / measured.length;
  return sums;
}

const describeRequests = (record: TrialRecord | undefined) =>
  record === undefined ? '?' : `${record.requests.requests} (${record.requests.challenges} of them 401)`;

const spread = (samples: readonly number[]) =>
  `${Math.min(...samples).toFixed(0)}–${Math.max(...samples).toFixed(0)} ms`;

export const syncPull: Benchmark = {
  name,
  description,
  async run(): Promise<BenchResult> {
    const log = (line: string) => console.error(`[${name}] ${line}`);
    const seedStarted = performance.now();
    const versions = await makeVersions(versionCount, versionsPerResource);
    const remote = await startTestGitRemote();
    try {
      await seedRepository(remote, versions);
      const shape = await repositoryShape(remote);
      if (shape.files !== 1 + 2 * versionCount) throw new Error(`The seeded repository holds ${JSON.stringify(shape)}`);
      log(
        `seeded ${versionCount} versions (${(totalBytes(versions) / 1024 / 1024).toFixed(1)} MiB of files) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
      );
      const records: TrialRecord[] = [];
      const bare: number[] = [];
      const samples = await runInterleaved({
        keys: ['total'] as const,
        warmupRounds,
        measuredRounds,
        baseline: (trial) => nativeTrial(remote, trial, records, bare),
        ours: (trial) => oursTrial(remote, trial, records),
        log,
      });
      const ours = records.find((record) => record.side === 'ours');
      const baseline = records.find((record) => record.variant === 'clone');
      const bareRecord = records.find((record) => record.variant === 'bare');
      return {
        name,
        description,
        oursLabel:
          'the repository service (`createRepositoryService`, isomorphic-git), a fresh data folder configured for the repository, `pull({ cursor, known })` page after page until `more` is false, adding each page’s paths to `known` and passing its cursor on',
        baselineLabel:
          'native git with no configuration (temporary HOME, GIT_CONFIG_NOSYSTEM): `git clone` of the same repository, then reading and `JSON.parse`-ing the marker and all 1,000 version files from the working tree',
        warmupRounds,
        measuredRounds,
        rows: [
          compare(
            `pull ${versionCount.toLocaleString('en-GB')} versions: total`,
            `Ours: from the first pull call to the last page's answer, all ${versionCount.toLocaleString('en-GB')} versions handed over (checked: JSON, schema, place and both hashes). Baseline: from starting \`git clone\` to the last file parsed. Target: median ratio ≤ 3.`,
            { ours: samples.ours.total, baseline: samples.baseline.total },
            { maxMedianRatio: 3 },
          ),
          compare(
            'against a bare clone (no checkout)',
            "The same ours, against native git doing what ours does, without a working tree: `git clone --bare`, then `ls-tree -r main` and one `git cat-file --batch` for the marker and the 1,000 JSON blobs, each parsed. Run in the same round just before the baseline proper. On these machines the checkout (writing 2,001 files) is most of the baseline's clone, so this row says how far ours is from native git's fetch and read alone.",
            { ours: samples.ours.total, baseline: bare },
            null,
          ),
        ],
        notes: [
          `Repository: ${versionCount.toLocaleString('en-GB')} versions (${versionCount / versionsPerResource} resources × ${versionsPerResource}), each about ${wordsPerVersion} words, as JSON and HTML (${(totalBytes(versions) / 1024 / 1024).toFixed(1)} MiB), seeded with native git in one commit (not timed). One repository and server for all trials, which only read it; every trial has a new clone folder or data folder and a new HOME.`,
          `Spread (min–max): baseline ${spread(samples.baseline.total)}, bare ${spread(bare)}, ours ${spread(samples.ours.total)}. Ours took ${ours?.pages ?? '?'} pages; HTTP requests the server answered: baseline ${describeRequests(baseline)}, bare ${describeRequests(bareRecord)}, ours ${describeRequests(ours)}; native git sends its credentials only after a 401. Which isomorphic-git calls ours makes is in the breakdown below.`,
          '',
          "Where the time goes, mean ms per pull over the measured trials (ours: wall-clock time inside each isomorphic-git function the service called, counted by wrapping them during the measured trials; calls per pull in brackets; the two tree reads the listing makes at once are each counted in full; the rest is the service's own work):",
          '',
          ...breakdownTable([{ label: 'baseline', values: meanSteps(records, 'baseline', 'clone') }]),
          '',
          ...breakdownTable([{ label: 'native, bare', values: meanSteps(records, 'baseline', 'bare') }]),
          '',
          ...breakdownTable([{ label: 'ours', values: meanSteps(records, 'ours') }], { share: true }),
        ],
        details: { trials: records, bytes: totalBytes(versions) },
      };
    } finally {
      await remote.close();
    }
  },
};
