// Opening the Drafts list with 2,000 drafts, against the same page load with an empty database
// (the empty state), in the same run. Each side has its own Chromium profile, warm: the app has
// been loaded in it before and its database already exists. Each trial starts that profile's
// browser, loads #/drafts once untimed, then loads it afresh (a new document) and times it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../tests/helpers/chromium';
import { compare, runInterleaved, type BenchResult, type Benchmark, type TrialInfo } from '../harness';
import {
  appearProbeGlobal,
  appearProbeSource,
  isAppearResult,
  isNavigationResult,
  navigationProbeGlobal,
  navigationProbeSource,
  type AppearResult,
  type AppearTarget,
  type NavigationResult,
} from '../lib/appear-probe';
import { serveChorus, waitForExpression, watchPageErrors, type ServedChorus } from '../lib/apps';
import { manyDrafts } from '../lib/corpus';
import {
  averageBreakdowns,
  busyTime,
  cpuSamples,
  eventBreakdown,
  FrameNamer,
  inFile,
  inPackage,
  probeBucket,
  profileBreakdown,
  tasksIn,
  type Bucket,
  type ProfileBreakdown,
} from '../lib/profile';
import { breakdownTable, topFunctions } from '../lib/report';
import { stampedWindow, startTrace } from '../lib/trace';
import { roundsFromEnv, withTimeout } from '../lib/util';
import { databaseCounts, seedDrafts } from '../lib/seed';

const name = 'drafts-list';
const description =
  'A fresh page load of the Drafts list (#/drafts) with 2,000 drafts in the database, against the same load with an empty database, each in a warm Chromium profile of its own.';

const warmupRounds = 2;
const measuredRounds = roundsFromEnv('BENCH_DRAFTS_LIST_ROUNDS', 12);
const draftCount = 2_000;
/** DraftsList shows this many rows before "Show more". */
const pageSize = 100;

type Side = 'baseline' | 'ours';

/** Ours: the list named "Drafts" with its first row. Baseline: the empty state's heading. */
const targets: Record<Side, AppearTarget[]> = {
  ours: [{ selector: 'main h1', text: 'Drafts' }, { selector: 'ul[aria-label="Drafts"] > li' }],
  baseline: [
    { selector: 'main h1', text: 'Drafts' },
    { selector: '#empty-state-title', text: 'No drafts yet' },
  ],
};

async function verify(page: Page, side: Side): Promise<void> {
  if (side === 'baseline') {
    await page.getByRole('heading', { name: 'No drafts yet' }).waitFor({ state: 'visible' });
    return;
  }
  const list = page.getByRole('list', { name: 'Drafts' });
  await list.getByRole('listitem').first().waitFor({ state: 'visible' });
  const rows = await list.getByRole('listitem').count();
  if (rows !== pageSize) throw new Error(`The Drafts list shows ${rows} rows, expected ${pageSize}`);
  const count = (await page.locator('.result-count').textContent())?.trim();
  if (count !== `${draftCount.toLocaleString('en-GB')} drafts`) throw new Error(`The list says "${count}"`);
}

/**
 * In the running app: from the Library, a real click on the "Drafts" link in the main navigation
 * until the list (or the empty state) is painted. The Drafts code is loaded already, as it is
 * whenever someone comes back to their drafts.
 */
async function timedNavigation(page: Page, side: Side): Promise<NavigationResult> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  await page.getByRole('heading', { level: 1, name: 'Library' }).waitFor({ state: 'visible' });
  // Let the Library settle (its queries, the frame after) so only the way back is timed.
  await page.evaluate('new Promise((resolve) => setTimeout(resolve, 300))');
  await page.evaluate(navigationProbeSource(targets[side]));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drafts' }).click();
  const raw: unknown = await withTimeout(page.evaluate(`window.${navigationProbeGlobal}`), 30_000, `${side} nav`);
  if (!isNavigationResult(raw)) throw new Error(`${side}: the navigation probe returned ${JSON.stringify(raw)}`);
  await verify(page, side);
  return raw;
}

async function timedLoad(page: Page, url: string, side: Side): Promise<AppearResult> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  const raw: unknown = await withTimeout(page.evaluate(`window.${appearProbeGlobal}.done`), 30_000, `${side} load`);
  if (!isAppearResult(raw)) throw new Error(`${side}: the probe returned ${JSON.stringify(raw)}`);
  await verify(page, side);
  return raw;
}

interface Profiles {
  chorus: ServedChorus;
  dirs: Record<Side, string>;
}

async function listTrial(
  side: Side,
  profiles: Profiles,
  trial: TrialInfo,
  details: Array<Record<string, unknown>>,
): Promise<Record<'painted' | 'ready' | 'navigated', number>> {
  const browser = await launchChromium({ userDataDir: profiles.dirs[side], network: 'direct' });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchPageErrors(page, side);
    await page.addInitScript({ content: appearProbeSource(targets[side], { stamp: false }) });
    const url = `${profiles.chorus.host.url}#/drafts`;
    // Untimed: the first load in a new browser process also starts the renderer process.
    await timedLoad(page, url, side);
    const result = await timedLoad(page, url, side);
    // Untimed again: the first visit to the Library loads its code.
    await timedNavigation(page, side);
    const navigation = await timedNavigation(page, side);
    errors.check();
    details.push({ side, ...trial, ...result, navigation });
    return { painted: result.paintedAt, ready: result.readyAt, navigated: navigation.paintedAt - navigation.clickAt };
  } finally {
    await browser.close();
  }
}

const listBuckets: readonly Bucket[] = [
  probeBucket,
  { label: 'filterResources / topicsOf (search.ts)', matches: inFile('features/drafting/search.ts') },
  { label: 'formatWhen (domain/clock.ts)', matches: inFile('domain/clock.ts') },
  { label: 'plural (ui/format.ts)', matches: inFile('ui/format.ts') },
  { label: 'DraftsList and its rows', matches: inFile('features/drafting/DraftsList.tsx') },
  { label: 'Dexie + IndexedDB (open, query, reading records)', matches: inPackage(['dexie']) },
  { label: 'zod (platform contract checks)', matches: inPackage(['zod']) },
  {
    label: 'React (render, reconcile, commit)',
    matches: inPackage(['react-dom', 'react', 'scheduler', 'react-router']),
  },
  { label: 'other Chorus code', matches: (frame) => frame.app },
];

interface ProfiledLoad {
  busyMs: number;
  paintedAt: number;
  profile: ProfileBreakdown;
  events: Record<string, number>;
}

/** Loads profiled per side; their breakdowns are averaged. */
const profiledLoads = 3;

/**
 * `profiledLoads` loads per side (each in a browser of its own, after an untimed load) with a trace
 * and V8's profiler, to say where the time goes; averaged. Not timed.
 */
async function profiledLoad(side: Side, profiles: Profiles, namer: FrameNamer): Promise<ProfiledLoad> {
  const loads: ProfiledLoad[] = [];
  for (let index = 0; index < profiledLoads; index += 1) loads.push(await oneProfiledLoad(side, profiles, namer));
  const mean = (pick: (load: ProfiledLoad) => number) =>
    loads.reduce((sum, load) => sum + pick(load), 0) / loads.length;
  const events: Record<string, number> = {};
  for (const load of loads)
    for (const [key, value] of Object.entries(load.events)) events[key] = (events[key] ?? 0) + value / loads.length;
  return {
    busyMs: mean((load) => load.busyMs),
    paintedAt: mean((load) => load.paintedAt),
    profile: averageBreakdowns(loads.map((load) => load.profile)),
    events,
  };
}

async function oneProfiledLoad(side: Side, profiles: Profiles, namer: FrameNamer): Promise<ProfiledLoad> {
  const browser = await launchChromium({ userDataDir: profiles.dirs[side], network: 'direct' });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.addInitScript({ content: appearProbeSource(targets[side], { stamp: true }) });
    const url = `${profiles.chorus.host.url}#/drafts`;
    await timedLoad(page, url, side);
    await page.goto('about:blank');
    const trace = await startTrace(page, { profile: true });
    await page.goto(url, { waitUntil: 'commit' });
    const raw: unknown = await withTimeout(page.evaluate(`window.${appearProbeGlobal}.done`), 30_000, side);
    const events = await trace.stop();
    if (!isAppearResult(raw)) throw new Error(`${side}: the probe returned ${JSON.stringify(raw)}`);
    const { thread, from, end } = stampedWindow(events, 'appear:start', 'appear:painted');
    return {
      busyMs: busyTime(thread, from, end),
      paintedAt: raw.paintedAt,
      profile: profileBreakdown(cpuSamples(events, thread), [[from, end]], namer, listBuckets, thread, 12),
      events: eventBreakdown(tasksIn(thread, from, end)),
    };
  } finally {
    await browser.close();
  }
}

export const draftsList: Benchmark = {
  name,
  description,
  async run(): Promise<BenchResult> {
    const log = (line: string) => console.error(`[drafts-list] ${line}`);
    const cleanups: Array<() => Promise<void>> = [];
    try {
      const chorus = await serveChorus();
      cleanups.push(() => chorus.close());
      const dirs: Record<Side, string> = {
        baseline: await mkdtemp(path.join(os.tmpdir(), 'chorus-bench-empty-')),
        ours: await mkdtemp(path.join(os.tmpdir(), 'chorus-bench-2000-')),
      };
      cleanups.push(() => rm(dirs.baseline, { recursive: true, force: true }));
      cleanups.push(() => rm(dirs.ours, { recursive: true, force: true }));
      const profiles: Profiles = { chorus, dirs };

      // Seed 2,000 drafts into one profile with the app's own db code; open the list once in both.
      const drafts = manyDrafts(draftCount, Date.now());
      for (const side of ['baseline', 'ours'] as const) {
        const browser = await launchChromium({ userDataDir: dirs[side], network: 'direct' });
        try {
          const page = browser.context.pages()[0] ?? (await browser.context.newPage());
          await page.goto(`${chorus.host.url}#/settings`);
          if (side === 'ours') {
            const started = Date.now();
            await seedDrafts(page, drafts);
            log(`seeded ${draftCount} drafts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
          }
          const counts = await databaseCounts(page);
          const expected = side === 'ours' ? draftCount : 0;
          if (counts.resources !== expected || counts.documents !== expected)
            throw new Error(`${side}: the database holds ${JSON.stringify(counts)}, expected ${expected}`);
          await page.goto('about:blank');
          await page.goto(`${chorus.host.url}#/drafts`);
          await waitForExpression(
            page,
            side === 'ours'
              ? `document.querySelectorAll('ul[aria-label="Drafts"] > li').length === ${pageSize}`
              : `document.getElementById('empty-state-title')?.textContent === 'No drafts yet'`,
          );
        } finally {
          await browser.close();
        }
      }

      const details: Array<Record<string, unknown>> = [];
      const samples = await runInterleaved({
        keys: ['painted', 'ready', 'navigated'] as const,
        warmupRounds,
        measuredRounds,
        baseline: (trial) => listTrial('baseline', profiles, trial, details),
        ours: (trial) => listTrial('ours', profiles, trial, details),
        log,
      });
      if (chorus.host.failures.length > 0)
        throw new Error(`The web host reported failures: ${chorus.host.failures.map(String).join('; ')}`);

      log('profiled loads (not timed)');
      const namer = new FrameNamer([{ origin: chorus.origin, dir: chorus.rendererDir }]);
      const profiled = {
        baseline: await profiledLoad('baseline', profiles, namer),
        ours: await profiledLoad('ours', profiles, namer),
      };

      const pick = (key: 'painted' | 'ready' | 'navigated') => ({
        ours: samples.ours[key],
        baseline: samples.baseline[key],
      });
      return {
        name,
        description,
        oursLabel: `Chorus, #/drafts with ${draftCount.toLocaleString('en-GB')} drafts (seeded with the app's db code)`,
        baselineLabel: 'Chorus, #/drafts with an empty database (the empty state)',
        warmupRounds,
        measuredRounds,
        rows: [
          compare(
            'nav start → list painted',
            `The page's own clock (performance.now, zero at navigation start) to the frame after the list named "Drafts" has its first row (ours) or the empty state's "No drafts yet" heading is shown (baseline), with the h1 "Drafts", both present with a box: a probe added with addInitScript watches with a MutationObserver (and a 50 ms poll), then waits for requestAnimationFrame and a MessageChannel message. A fresh document each time (about:blank, then #/drafts), in a browser whose profile already holds the data and has loaded the page once in this process. Target: at most 150 ms, absolute; a page load is the app starting as well, and the same app with an empty database misses 150 ms by itself on these machines, so by the rule for them the ratio to it is held instead, at most 1.5× as for cold start (the next row holds the list itself to 150 ms).`,
            pick('painted'),
            { maxOursMedianMs: 150, maxMedianRatio: 1.5 },
          ),
          compare(
            'Drafts link → list painted',
            `In the running app, from the Library: a real click on "Drafts" in the main navigation (performance.now in a capture-phase click listener on window) to the task after the frame in which the list's first row (ours) or the empty state (baseline) is shown with the h1 "Drafts", watched as above. Each trial goes to the Library and back twice and times the second, so the code of both areas is loaded, as it is whenever someone comes back to their drafts. Target: at most 150 ms, absolute.`,
            pick('navigated'),
            { maxOursMedianMs: 150 },
          ),
          compare(
            'nav start → list in DOM',
            'The same, to the DOM commit that put the first row (or the empty state) in the page, before that frame.',
            pick('ready'),
            null,
          ),
        ],
        notes: [
          `Where the time goes (${profiledLoads} extra loads per side with a trace and V8's sampling profiler, averaged, not timed; profiling slows both sides): main-thread time from the new document's first task to the painted frame: empty ${profiled.baseline.busyMs.toFixed(1)} ms (painted at ${profiled.baseline.paintedAt.toFixed(0)} ms), 2,000 drafts ${profiled.ours.busyMs.toFixed(1)} ms (painted at ${profiled.ours.paintedAt.toFixed(0)} ms).`,
          '',
          ...breakdownTable(
            [
              { label: 'empty', values: profiled.baseline.profile.buckets },
              { label: '2,000 drafts', values: profiled.ours.profile.buckets },
            ],
            { share: true },
          ),
          '',
          'Trace events in the same window (inclusive; they overlap the rows above):',
          '',
          ...breakdownTable([
            { label: 'empty', values: profiled.baseline.events },
            { label: '2,000 drafts', values: profiled.ours.events },
          ]),
          '',
          ...topFunctions(
            "With 2,000 drafts, Chorus's own functions by inclusive time:",
            profiled.ours.profile.appInclusiveTop,
          ),
          ...topFunctions('With 2,000 drafts, self time by function:', profiled.ours.profile.selfTop),
        ],
        details: { trials: details, profiled },
      };
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup();
    }
  },
};
