// Publishing 100 approved versions one by one to a git repository over HTTP: the repository
// service (isomorphic-git) against native git doing the same commits and pushes, each side on a
// fresh bare repository behind its own `git http-backend` server, interleaved trial by trial.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestGitRemote, type TestGitRemote } from '../../tests/helpers/repository';
import { compare, runInterleaved, type BenchResult, type Benchmark, type TrialInfo } from '../harness';
import {
  configuredService,
  countServerRequests,
  makeVersions,
  marker,
  repositoryShape,
  startNativeGit,
  tally,
  totalBytes,
  wordsPerVersion,
  writeFiles,
  type GitTally,
  type ServerRequests,
  type VersionFiles,
} from '../lib/git-sync';
import { breakdownTable } from '../lib/report';
import { round1, roundsFromEnv } from '../lib/util';

const name = 'sync-publish-100';
const description =
  'Publishing 100 approved versions one after another to a new, empty git repository over HTTP (native `git http-backend` behind Basic auth on 127.0.0.1, a fresh repository and server per trial), each version as its own commit and push.';

const versionCount = 100;
const versionsPerResource = 2;
/** A round takes about 45 s on a 2-core machine, so none is spent on warming up. */
const warmupRounds = 0;
const measuredRounds = roundsFromEnv('BENCH_SYNC_PUBLISH_ROUNDS', 3);

type Measures = Record<'total', number>;

interface TrialRecord extends TrialInfo {
  side: 'baseline' | 'ours';
  totalMs: number;
  /** Mean ms per publish for each step (baseline: git commands; ours: isomorphic-git functions). */
  steps: Record<string, number>;
  /** HTTP requests the git server answered during the trial, and how many of them with 401. */
  requests: ServerRequests;
}

function checkShape(side: string, shape: { commits: number; files: number }): void {
  // The marker, and a JSON and an HTML file per version, in one commit per version.
  const files = 1 + 2 * versionCount;
  if (shape.commits !== versionCount || shape.files !== files) {
    throw new Error(
      `${side}: the repository holds ${JSON.stringify(shape)}, expected ${versionCount} commits and ${files} files`,
    );
  }
}

/**
 * Native git: clone the empty repository once, then per version pull (fast-forward only), write
 * the two files (the marker too, the first time), add, commit and push.
 */
async function nativeTrial(
  versions: readonly VersionFiles[],
  trial: TrialInfo,
  perPublish: number[],
  records: TrialRecord[],
): Promise<Measures> {
  const remote = await startTestGitRemote();
  const native = await startNativeGit();
  const work = path.join(await mkdtemp(path.join(os.tmpdir(), 'chorus-bench-publish-')), 'clone');
  const steps: Record<string, number> = {};
  const step = async (label: string, action: () => Promise<unknown>) => {
    const started = performance.now();
    await action();
    steps[label] = (steps[label] ?? 0) + performance.now() - started;
  };
  try {
    const started = performance.now();
    const times: number[] = [];
    const requests = await countServerRequests(async () => {
      for (const [index, item] of versions.entries()) {
        const publishStarted = performance.now();
        // The clone stands for the service's first look at the repository (a new local copy and a
        // fetch of its refs); after it, every publish looks for news before it commits, as ours does.
        if (index === 0)
          await step('clone (once)', () => native.git(['clone', '-q', remote.authenticatedUrl, work], native.home));
        else await step('pull --ff-only', () => native.git(['pull', '-q', '--ff-only', 'origin', 'main'], work));
        const files = index === 0 ? [marker, ...item.files] : item.files;
        await step('write files', () => writeFiles(work, files));
        await step('add', () => native.git(['add', '--', ...files.map((file) => file.path)], work));
        await step('commit', () => native.git(['commit', '-q', '-m', item.message], work));
        await step('push', () => native.git(['push', '-q', 'origin', 'HEAD:main'], work));
        times.push(performance.now() - publishStarted);
      }
    });
    const totalMs = performance.now() - started;
    checkShape('baseline', await repositoryShape(remote));
    if (!trial.warmup) perPublish.push(...times);
    records.push({
      side: 'baseline',
      ...trial,
      totalMs: round1(totalMs),
      steps: Object.fromEntries(Object.entries(steps).map(([key, ms]) => [key, ms / versionCount])),
      requests,
    });
    return { total: totalMs };
  } finally {
    await rm(path.dirname(work), { recursive: true, force: true });
    await native.close();
    await remote.close();
  }
}

/** Ours: a fresh service (new data folder, no local copy) configured for the repository. */
async function oursTrial(
  versions: readonly VersionFiles[],
  trial: TrialInfo,
  perPublish: number[],
  records: TrialRecord[],
): Promise<Measures> {
  const remote: TestGitRemote = await startTestGitRemote();
  const client = await configuredService(remote);
  try {
    const times: number[] = [];
    let totalMs = 0;
    let counted: GitTally = {};
    const requests = await countServerRequests(async () => {
      counted = await tally(async () => {
        const started = performance.now();
        for (const item of versions) {
          const publishStarted = performance.now();
          const result = await client.service.publish({ kind: 'version', record: item.version });
          times.push(performance.now() - publishStarted);
          if (!result.ok || result.outcome !== 'published') {
            throw new Error(`publish failed: ${JSON.stringify(result)}`);
          }
        }
        totalMs = performance.now() - started;
      });
    });
    if (client.failures.length > 0)
      throw new Error(`The service reported failures: ${client.failures.map(String).join('; ')}`);
    checkShape('ours', await repositoryShape(remote));
    if (!trial.warmup) perPublish.push(...times);
    const steps: Record<string, number> = {};
    let inGit = 0;
    for (const [fn, entry] of Object.entries(counted)) {
      if (entry.calls === 0) continue;
      steps[`${fn} (${entry.calls / versionCount}×)`] = entry.ms / versionCount;
      inGit += entry.ms;
    }
    steps['everything else (the service: settings and token, hashes, HTML page, checks; the push request itself)'] =
      (totalMs - inGit) / versionCount;
    records.push({ side: 'ours', ...trial, totalMs: round1(totalMs), steps, requests });
    return { total: totalMs };
  } finally {
    await client.close();
    await remote.close();
  }
}

function meanSteps(records: readonly TrialRecord[], side: TrialRecord['side']): Record<string, number> {
  const measured = records.filter((record) => record.side === side && !record.warmup);
  const sums: Record<string, number> = {};
  for (const record of measured)
    for (const [key, ms] of Object.entries(record.steps)) sums[key] = (sums[key] ?? 0) + ms / measured.length;
  return sums;
}

const spread = (samples: readonly number[]) =>
  `${Math.min(...samples).toFixed(0)}–${Math.max(...samples).toFixed(0)} ms`;

export const syncPublish: Benchmark = {
  name,
  description,
  async run(): Promise<BenchResult> {
    const log = (line: string) => console.error(`[${name}] ${line}`);
    const versions = await makeVersions(versionCount, versionsPerResource);
    log(`${versionCount} versions, ${(totalBytes(versions) / 1024).toFixed(0)} KiB of files`);
    const perPublish = { ours: [] as number[], baseline: [] as number[] };
    const records: TrialRecord[] = [];
    const samples = await runInterleaved({
      keys: ['total'] as const,
      warmupRounds,
      measuredRounds,
      baseline: (trial) => nativeTrial(versions, trial, perPublish.baseline, records),
      ours: (trial) => oursTrial(versions, trial, perPublish.ours, records),
      log,
    });
    const requestsPerPublish = (side: TrialRecord['side']) => {
      const measured = records.filter((record) => record.side === side && !record.warmup);
      const per = (pick: (counts: ServerRequests) => number) =>
        (measured.reduce((sum, record) => sum + pick(record.requests), 0) / measured.length / versionCount).toFixed(2);
      return `${per((counts) => counts.requests)} (${per((counts) => counts.challenges)} of them 401)`;
    };
    return {
      name,
      description,
      oursLabel:
        'the repository service (`createRepositoryService`, isomorphic-git), a fresh data folder configured for the repository, `publish({ kind: "version" })` 100 times in turn',
      baselineLabel:
        'native git with no configuration (temporary HOME, GIT_CONFIG_NOSYSTEM): `clone` once, then per version `pull --ff-only` (not before the first), write the two files, `add`, `commit`, `push`',
      warmupRounds,
      measuredRounds,
      rows: [
        compare(
          `publish ${versionCount} versions: total`,
          `From the first publish call (ours) or the clone (baseline) to the end of the last push, ${versionCount} commits of two files each (the canonical JSON from recordBytes and the HTML page from renderVersionPage, the marker too in the first). Target: median ratio ≤ 3.`,
          { ours: samples.ours.total, baseline: samples.baseline.total },
          { maxMedianRatio: 3 },
        ),
        compare(
          'one publish',
          `Every single publish of the measured trials pooled (${measuredRounds} × ${versionCount} per side): ours one publish() call; baseline the pull, writes, add, commit and push of one version (the first with the clone).`,
          perPublish,
          null,
        ),
      ],
      notes: [
        `Versions: ${versionCount} (${versionCount / versionsPerResource} resources × ${versionsPerResource}), each about ${wordsPerVersion} words; ${(totalBytes(versions) / 1024).toFixed(0)} KiB of files in all. The baseline writes bytes computed before the trial; ours computes them in publish (hashing the record to check it is sealed, canonical JSON, the HTML page), so that work counts against ours.`,
        `Spread (min–max) of the totals: baseline ${spread(samples.baseline.total)}, ours ${spread(samples.ours.total)}.`,
        '',
        `Why this is the same work: ours asks the server for the branch head before every publish (it cannot assume it is the only writer) and fetches only if the head is new, builds a commit on top and pushes it; with one writer nothing new is ever fetched. \`git pull --ff-only\` is the native way to do that check (a ref advertisement and nothing to download); pushing without it would skip a round trip that ours makes. HTTP requests the server answered per publish: baseline ${requestsPerPublish('baseline')}, ours ${requestsPerPublish('ours')}. Native git sends the credentials in the URL only after a 401, once per command; then \`pull\` makes a ref advertisement and ls-refs, and \`push\` a ref advertisement and the pack. Which isomorphic-git calls ours makes per publish is in the breakdown below.`,
        '',
        'Where the time goes, mean ms per publish over the measured trials (ours: wall-clock time inside each isomorphic-git function the service called, counted by wrapping them during the measured trials, which costs microseconds; calls per publish in brackets; the rest is the service itself):',
        '',
        ...breakdownTable([{ label: 'baseline', values: meanSteps(records, 'baseline') }]),
        '',
        ...breakdownTable([{ label: 'ours', values: meanSteps(records, 'ours') }], { share: true }),
      ],
      details: { trials: records, bytes: totalBytes(versions) },
    };
  },
};
