// Cold start of the Chorus renderer in Chromium, against a blank Vite + React 19 page measured
// in the same run. Every trial is a brand-new Chromium process with a fresh profile directory,
// so nothing is cached: no HTTP cache, no V8 code cache, no IndexedDB.
import { cp, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium, removeProfileDir } from '../../tests/helpers/chromium';
import { builtRendererDir, startTestWebHost } from '../../tests/helpers/web-host';
import { compare, runInterleaved, type BenchResult, type Benchmark, type TrialInfo } from '../harness';
import { manyDrafts } from '../lib/corpus';
import {
  cpuSamples,
  eventBreakdown,
  busyTime,
  FrameNamer,
  inPackage,
  probeBucket,
  profileBreakdown,
  tasksIn,
  type Bucket,
  type NamedFrame,
  type ProfileBreakdown,
} from '../lib/profile';
import { breakdownTable, topFunctions } from '../lib/report';
import { databaseCounts, seedDrafts } from '../lib/seed';
import { serveStatic } from '../lib/static-server';
import { stampedWindow, startTrace } from '../lib/trace';
import { withTimeout } from '../lib/util';

const fixtureDir = path.resolve(import.meta.dirname, '../fixtures/blank-react');
const warmupRounds = 2;
/** BENCH_ROUNDS overrides the measured rounds, for a quicker look or a steadier number. */
const measuredRounds = Number.parseInt(process.env.BENCH_ROUNDS ?? '10', 10);
const probeTimeoutMs = 30_000;
/** The second Chorus profile: this many drafts, seeded once with the app's own db code. */
const draftCount = 2_000;
const probeGlobal = '__chorusBenchProbe';

/** An element the probe looks for: it must match, be rendered with a non-empty box, and (if asked) be enabled. */
interface ProbeTarget {
  selector: string;
  /** The element's whole trimmed textContent must equal this. */
  text?: string;
  enabled?: boolean;
}

interface ProbeConfig {
  /** All of these present, visible (and enabled where asked) = the page is drawn and ready. */
  ready: ProbeTarget[];
  /** Then the probe clicks this ... */
  click: ProbeTarget;
  /** ... and the page is interactive once this appears in answer to the click. */
  done: ProbeTarget;
}

/** What the probe hands back; all times are the page's own `performance.now()`, ms since navigation start. */
interface ProbeResult {
  readyAt: number;
  answeredAt: number;
  interactiveAt: number;
  /** `Date.now()` at `interactiveAt`, to compare with the Node side's clock. */
  interactiveEpoch: number;
  timeOrigin: number;
  readySeenBy: string;
  answeredSeenBy: string;
  responseEnd: number | null;
  domContentLoaded: number | null;
  resources: number;
}

/**
 * The probe, installed with `addInitScript` so it runs in the new document before any of the
 * page's own scripts. What it measures:
 *
 * - The clock: `performance.now()` counts from the document's time origin, which for a
 *   navigation is the moment the navigation started (before the request for the HTML is sent).
 * - `readyAt`: a MutationObserver on the whole document re-checks the targets after every batch
 *   of DOM changes. Its callback runs as a microtask right after the task that changed the DOM
 *   (for React, right after the commit), so this is the commit that made the last of the `ready`
 *   targets present, with a non-empty box, and enabled where asked. Not yet painted.
 * - At that moment the probe clicks `click` (an ordinary DOM click, which React's root listener
 *   handles like a user's) and `answeredAt` is the commit that put `done` in the DOM: proof that
 *   the event handlers and, for Chorus, the router work, not just that markup exists.
 * - `interactiveAt`: the next frame after that answer, taken as a requestAnimationFrame callback
 *   followed by a MessageChannel message (the task after the frame's rendering steps), so that a
 *   page which answers the click synchronously and a page which yields to the browser first
 *   (React Router navigates in a transition) are both measured until the main thread has
 *   produced the frame showing the answer. Chromium's first-contentful-paint is the later moment
 *   that frame was presented; it is kept in the details for comparison.
 *
 * A 50 ms interval also re-checks, in case something becomes visible without a DOM change (a
 * stylesheet arriving); which of the two saw it is reported, since polling is coarser.
 *
 * Plain ES5-style source in a string, not a serialised TypeScript function: tsx adds helper
 * calls (`__name`) to compiled functions, which do not exist in the page.
 */
const probeBody = `function (config) {
  var resolveDone;
  var state = { done: new Promise(function (resolve) { resolveDone = resolve; }) };
  Object.defineProperty(window, '${probeGlobal}', { value: state });
  console.timeStamp('cold:start');
  var readyAt = null;
  var readySeenBy = null;
  var answered = false;
  function find(target) {
    var candidates = document.querySelectorAll(target.selector);
    for (var i = 0; i < candidates.length; i += 1) {
      var element = candidates[i];
      if (target.text !== undefined && (element.textContent || '').trim() !== target.text) continue;
      if (target.enabled === true && element.matches(':disabled')) continue;
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      var box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      return element;
    }
    return null;
  }
  function check(seenBy) {
    if (answered) return;
    if (readyAt === null) {
      for (var i = 0; i < config.ready.length; i += 1) {
        if (find(config.ready[i]) === null) return;
      }
      var clickable = find(config.click);
      if (clickable === null) return;
      readyAt = performance.now();
      readySeenBy = seenBy;
      clickable.click();
    }
    if (find(config.done) === null) return;
    var answeredAt = performance.now();
    answered = true;
    observer.disconnect();
    clearInterval(poll);
    requestAnimationFrame(function () {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () {
        var interactiveAt = performance.now();
        var interactiveEpoch = Date.now();
        console.timeStamp('cold:interactive');
        channel.port1.close();
        var navigation = performance.getEntriesByType('navigation')[0];
        resolveDone({
          readyAt: readyAt,
          answeredAt: answeredAt,
          interactiveAt: interactiveAt,
          interactiveEpoch: interactiveEpoch,
          timeOrigin: performance.timeOrigin,
          readySeenBy: readySeenBy,
          answeredSeenBy: seenBy,
          responseEnd: navigation ? navigation.responseEnd : null,
          domContentLoaded: navigation && navigation.domContentLoadedEventEnd > 0 ? navigation.domContentLoadedEventEnd : null,
          resources: performance.getEntriesByType('resource').length
        });
      };
      channel.port2.postMessage(null);
    });
  }
  var observer = new MutationObserver(function () { check('mutation'); });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  var poll = setInterval(function () { check('poll'); }, 50);
}`;

function probeSource(config: ProbeConfig): string {
  return `(${probeBody})(${JSON.stringify(config)});`;
}

function isProbeResult(value: unknown): value is ProbeResult {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const numbers = ['readyAt', 'answeredAt', 'interactiveAt', 'interactiveEpoch', 'timeOrigin', 'resources'];
  const nullableNumbers = ['responseEnd', 'domContentLoaded'];
  return (
    numbers.every((key) => typeof record[key] === 'number') &&
    nullableNumbers.every((key) => record[key] === null || typeof record[key] === 'number') &&
    typeof record.readySeenBy === 'string' &&
    typeof record.answeredSeenBy === 'string'
  );
}

const metricKeys = ['inPageReady', 'inPageInteractive', 'wallInteractive'] as const;
type MetricKey = (typeof metricKeys)[number];
/** The same three for Chorus with 2,000 drafts; the baseline's trial of the round stands for both. */
const seededKeys = ['seededInPageReady', 'seededInPageInteractive', 'seededWallInteractive'] as const;
type SeededKey = (typeof seededKeys)[number];
type Key = MetricKey | SeededKey;
const seededKey: Record<MetricKey, SeededKey> = {
  inPageReady: 'seededInPageReady',
  inPageInteractive: 'seededInPageInteractive',
  wallInteractive: 'seededWallInteractive',
};

type Side = 'baseline' | 'empty' | 'seeded';

/** Everything the probe saw in one trial (warm-ups included), kept in results.json. */
interface TrialDetail extends Omit<ProbeResult, 'interactiveEpoch' | 'timeOrigin'> {
  /** The blank page, Chorus with an empty profile, or Chorus with 2,000 drafts. */
  side: Side;
  round: number;
  warmup: boolean;
  /** How long launchChromium took (new process, fresh profile, first tab). */
  launchMs: number;
  /** Node's launch start → the page's time origin: browser start-up plus starting the navigation. */
  launchToNavigationStartMs: number;
  wallInteractiveMs: number;
  /** (timeOrigin + interactiveAt) − Date.now() in the page: how far the page's two clocks disagree. */
  pageClockSkewMs: number;
  /**
   * Chromium's first-contentful-paint, read after the checks: it is only recorded once the frame
   * has been presented, which is often after `interactiveAt` for the baseline.
   */
  firstContentfulPaint: number | null;
}

/**
 * A new profile folder for one trial: empty, or a copy of `template` (a profile whose database was
 * seeded) without any of its caches, so the browser has the data but nothing of the app's code.
 */
async function trialProfile(template: string | null): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chorus-bench-cold-'));
  if (template !== null)
    await cp(template, dir, {
      recursive: true,
      // Cache, Code Cache (V8's compiled scripts), GPUCache, …; and the lock of the browser that made it.
      filter: (source) => !/Cache$|^Singleton/.test(path.basename(source)),
    });
  return dir;
}

/**
 * One cold start: a new Chromium with a fresh profile (or a cache-less copy of the seeded one),
 * navigate, wait for the probe, then check with Playwright's own role-based queries and a real
 * (CDP-dispatched) click that the page truly works, so a probe that matched the wrong element
 * cannot pass unnoticed. The checks run after the measurement and are not part of any time.
 */
async function coldStartTrial(
  side: Side,
  trial: TrialInfo,
  url: string,
  probe: ProbeConfig,
  verify: (page: Page) => Promise<void>,
  details: TrialDetail[],
  template: string | null = null,
): Promise<Record<MetricKey, number>> {
  const userDataDir = await trialProfile(template);
  // Wall clock: Date.now() here and Date.now() in the page both read the system clock. Copying the
  // seeded profile happens before this.
  const launchStart = Date.now();
  const browser = await launchChromium({ userDataDir, network: 'direct' });
  try {
    const launchMs = Date.now() - launchStart;
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.addInitScript({ content: probeSource(probe) });
    await page.goto(url, { waitUntil: 'commit' });
    const raw: unknown = await withTimeout(
      page.evaluate(`window.${probeGlobal}.done`),
      probeTimeoutMs,
      `${side} cold start`,
    );
    const observedAt = Date.now();
    if (!isProbeResult(raw)) throw new Error(`${side}: the probe returned ${JSON.stringify(raw)}`);
    if (raw.interactiveEpoch < launchStart || raw.interactiveEpoch > observedAt) {
      throw new Error(
        `${side}: the page's clock disagrees with Node's (${raw.interactiveEpoch} not in ${launchStart}..${observedAt})`,
      );
    }
    await verify(page);
    const fcp: unknown = await page.evaluate(
      `performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null`,
    );
    if (pageErrors.length > 0)
      throw new Error(`${side}: the page threw: ${pageErrors.map((error) => error.message).join('; ')}`);
    const { interactiveEpoch, timeOrigin, ...seen } = raw;
    const wallInteractiveMs = interactiveEpoch - launchStart;
    details.push({
      side,
      ...trial,
      launchMs,
      launchToNavigationStartMs: timeOrigin - launchStart,
      wallInteractiveMs,
      pageClockSkewMs: timeOrigin + raw.interactiveAt - interactiveEpoch,
      firstContentfulPaint: typeof fcp === 'number' ? fcp : null,
      ...seen,
    });
    return { inPageReady: raw.readyAt, inPageInteractive: raw.interactiveAt, wallInteractive: wallInteractiveMs };
  } finally {
    await browser.close();
    await removeProfileDir(userDataDir);
  }
}

/** Total bytes of the .js and .css files a build produced: what a cold start must download and compile. */
async function assetBytes(dir: string): Promise<{ js: number; css: number }> {
  const totals = { js: 0, css: 0 };
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const ext = path.extname(entry.name);
    if (ext !== '.js' && ext !== '.css') continue;
    const { size } = await stat(path.join(entry.parentPath, entry.name));
    totals[ext === '.js' ? 'js' : 'css'] += size;
  }
  return totals;
}

async function buildBaseline(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: fixtureDir,
    base: '/',
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'chrome130' },
  });
}

// The landing page's h1 is part of "ready" on purpose: the first commit shows the shell with the
// index route, whose <Navigate to="/drafts" replace /> redirects in an effect a moment later. A
// click on Settings between that commit and the redirect is overridden by the redirect and the
// user stays on Drafts, so the shell is not really usable until the Drafts page is drawn. And the
// Drafts list itself, not its "Loading your drafts…": the empty state, or the first row.
function chorusProbe(list: ProbeTarget): ProbeConfig {
  return {
    ready: [
      { selector: 'main h1', text: 'Drafts' },
      list,
      { selector: 'nav[aria-label="Main"]' },
      { selector: 'button', text: 'Quick exit', enabled: true },
      { selector: 'nav[aria-label="Main"] a', text: 'Settings' },
    ],
    click: { selector: 'nav[aria-label="Main"] a', text: 'Settings' },
    done: { selector: 'main h1', text: 'Settings' },
  };
}

const chorusProbes: Record<Exclude<Side, 'baseline'>, ProbeConfig> = {
  empty: chorusProbe({ selector: '#empty-state-title', text: 'No drafts yet' }),
  seeded: chorusProbe({ selector: 'ul[aria-label="Drafts"] > li' }),
};

/**
 * Seeds `draftCount` drafts into a new profile with the app's own db code (one transaction) and
 * checks they are there; the trials copy this profile without its caches.
 */
async function seededTemplate(url: string, log: (line: string) => void): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chorus-bench-seeded-'));
  const browser = await launchChromium({ userDataDir: dir, network: 'direct' });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${url}#/settings`);
    const started = Date.now();
    await seedDrafts(page, manyDrafts(draftCount, Date.now()));
    log(`seeded ${draftCount} drafts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const counts = await databaseCounts(page);
    if (counts.resources !== draftCount || counts.documents !== draftCount)
      throw new Error(`The seeded profile holds ${JSON.stringify(counts)}, expected ${draftCount}`);
  } finally {
    await browser.close();
  }
  return dir;
}

const inFolder = (folder: string) => (frame: NamedFrame) => frame.file.startsWith(folder);

/** Where main-thread time goes in a cold start, matched leaf first. */
const coldBuckets: readonly Bucket[] = [
  probeBucket,
  { label: 'React (render, reconcile, commit)', matches: inPackage(['react-dom', 'react', 'scheduler']) },
  { label: 'React Router', matches: inPackage(['react-router']) },
  { label: 'Dexie (open, upgrade, queries)', matches: inPackage(['dexie']) },
  { label: 'zod (schemas built at load, contract checks)', matches: inPackage(['zod']) },
  { label: 'database code and migrations (renderer/src/db)', matches: inFolder('renderer/src/db/') },
  { label: 'app lock (features/lock)', matches: inFolder('renderer/src/features/lock/') },
  { label: 'core/', matches: inFolder('core/') },
  { label: 'other Chorus code', matches: (frame) => frame.app },
  { label: 'other packages', matches: (frame) => frame.packageName !== null },
];

interface ProfiledStart {
  side: Side;
  /** Main-thread busy ms from the document's first task to the interactive moment. */
  busyMs: number;
  interactiveAt: number;
  profile: ProfileBreakdown;
  events: Record<string, number>;
  /** The page's own clock: when each script (and the API calls) finished arriving. */
  resources: Array<{ name: string; startTime: number; responseEnd: number }>;
  domContentLoaded: number | null;
  databaseOpenAt: number | null;
}

/**
 * One cold start with a trace and V8's sampling profiler, to say where the time goes. Not timed:
 * profiling slows the page.
 */
async function profiledStart(
  side: Side,
  url: string,
  probe: ProbeConfig,
  namer: FrameNamer,
  template: string | null,
): Promise<ProfiledStart> {
  const userDataDir = await trialProfile(template);
  const browser = await launchChromium({ userDataDir, network: 'direct' });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.addInitScript({ content: probeSource(probe) });
    const trace = await startTrace(page, { profile: true });
    await page.goto(url, { waitUntil: 'commit' });
    const raw: unknown = await withTimeout(page.evaluate(`window.${probeGlobal}.done`), probeTimeoutMs, side);
    const seen: unknown = await page.evaluate(`({
      resources: performance.getEntriesByType('resource').map((entry) => ({
        name: new URL(entry.name).pathname.replace(/^.*\\//, ''),
        startTime: Math.round(entry.startTime),
        responseEnd: Math.round(entry.responseEnd),
      })),
      databaseOpenAt: performance.getEntriesByName('chorus:database-open')[0]?.startTime ?? null,
    })`);
    const events = await trace.stop();
    if (!isProbeResult(raw)) throw new Error(`${side}: the probe returned ${JSON.stringify(raw)}`);
    const { thread, from, end } = stampedWindow(events, 'cold:start', 'cold:interactive');
    const { resources, databaseOpenAt } = seen as Pick<ProfiledStart, 'resources' | 'databaseOpenAt'>;
    return {
      side,
      busyMs: busyTime(thread, from, end),
      interactiveAt: raw.interactiveAt,
      profile: profileBreakdown(cpuSamples(events, thread), [[from, end]], namer, coldBuckets, thread, 12),
      events: eventBreakdown(tasksIn(thread, from, end)),
      resources,
      domContentLoaded: raw.domContentLoaded,
      databaseOpenAt,
    };
  } finally {
    await browser.close();
    await removeProfileDir(userDataDir);
  }
}

const timeline = (start: ProfiledStart) =>
  [
    ...start.resources.map((entry) => `${entry.name} ${entry.startTime}→${entry.responseEnd}`),
    `DOMContentLoaded ${start.domContentLoaded?.toFixed(0) ?? '?'}`,
    ...(start.databaseOpenAt === null ? [] : [`database open ${start.databaseOpenAt.toFixed(0)}`]),
    `interactive ${start.interactiveAt.toFixed(0)}`,
  ].join(', ');

async function verifyChorus(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.waitFor({ state: 'visible' });
  const quickExit = page.getByRole('button', { name: 'Quick exit' });
  if (!(await quickExit.isEnabled())) throw new Error('Chorus: Quick exit is disabled');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor({ state: 'visible' });
  await nav.getByRole('link', { name: 'Drafts' }).click();
  await page.getByRole('heading', { level: 1, name: 'Drafts' }).waitFor({ state: 'visible' });
}

const baselineProbe: ProbeConfig = {
  ready: [
    { selector: 'h1', text: 'Blank React' },
    { selector: 'button', text: 'Clicked 0 times', enabled: true },
  ],
  click: { selector: 'button', text: 'Clicked 0 times' },
  done: { selector: 'button', text: 'Clicked 1 times' },
};

async function verifyBaseline(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Blank React' }).waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Clicked 1 times' }).click();
  await page.getByRole('button', { name: 'Clicked 2 times' }).waitFor({ state: 'visible' });
}

function withSeededKeys(values: Record<MetricKey, number>): Record<SeededKey, number> {
  const seeded = {} as Record<SeededKey, number>;
  for (const key of metricKeys) seeded[seededKey[key]] = values[key];
  return seeded;
}

const name = 'cold-start';
const description = `A new Chromium process with a fresh profile per trial loads the page; Chorus (real web host over build/renderer) with an empty profile and with ${draftCount.toLocaleString('en-GB')} drafts, each against a blank Vite + React 19 page in the same round.`;

export const coldStart: Benchmark = {
  name,
  description,
  async run(): Promise<BenchResult> {
    const log = (line: string) => console.error(`[cold-start] ${line}`);
    if (!(measuredRounds >= 1))
      throw new Error(`BENCH_ROUNDS must be a positive whole number, not ${process.env.BENCH_ROUNDS}`);
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'chorus-bench-blank-'));
    const cleanups: Array<() => Promise<void>> = [() => rm(outDir, { recursive: true, force: true })];
    try {
      log('building the blank React baseline with Vite');
      await buildBaseline(outDir);
      const baselineServer = await serveStatic(outDir);
      cleanups.push(() => baselineServer.close());
      const host = await startTestWebHost();
      cleanups.push(() => host.close());

      const template = await seededTemplate(host.url, log);
      cleanups.push(() => removeProfileDir(template));

      const details: TrialDetail[] = [];
      // Each round: the blank page, then Chorus empty, then Chorus with 2,000 drafts. The blank
      // page's trial is the baseline of both of that round's Chorus trials.
      const samples = await runInterleaved<Key>({
        keys: [...metricKeys, ...seededKeys],
        warmupRounds,
        measuredRounds,
        baseline: async (trial) => {
          const blank = await coldStartTrial(
            'baseline',
            trial,
            baselineServer.url,
            baselineProbe,
            verifyBaseline,
            details,
          );
          return { ...blank, ...withSeededKeys(blank) };
        },
        ours: async (trial) => {
          const empty = await coldStartTrial('empty', trial, host.url, chorusProbes.empty, verifyChorus, details);
          const seeded = await coldStartTrial(
            'seeded',
            trial,
            host.url,
            chorusProbes.seeded,
            verifyChorus,
            details,
            template,
          );
          return { ...empty, ...withSeededKeys(seeded) };
        },
        log,
      });
      if (host.failures.length > 0)
        throw new Error(`The web host reported failures: ${host.failures.map(String).join('; ')}`);

      log('profiled starts (not timed)');
      const namer = new FrameNamer([{ origin: new URL(host.url).origin, dir: builtRendererDir }]);
      const profiled = {
        baseline: await profiledStart('baseline', baselineServer.url, baselineProbe, namer, null),
        empty: await profiledStart('empty', host.url, chorusProbes.empty, namer, null),
        seeded: await profiledStart('seeded', host.url, chorusProbes.seeded, namer, template),
      };

      const pick = (key: Key) => ({ ours: samples.ours[key], baseline: samples.baseline[key] });
      const drafts = draftCount.toLocaleString('en-GB');
      const interactive = (profile: string, extra: string) =>
        `The page's own clock (performance.now), from navigation start to the next frame after the page answered a click. Chorus (${profile}): the Drafts page with ${extra}, the main navigation, an enabled Quick exit and the Settings link are present; the probe clicks Settings; the h1 'Settings' is committed; then one frame. Baseline: the heading and the enabled button are present; the probe clicks the button; its new label is committed; then one frame.`;
      return {
        name,
        description,
        oursLabel: `Chorus renderer (build/renderer via the web host), with an empty profile and with ${drafts} drafts`,
        baselineLabel: 'blank Vite + React 19 page (bench/fixtures/blank-react)',
        warmupRounds,
        measuredRounds,
        rows: [
          compare(
            'in-page: nav start → interactive',
            interactive('empty profile', "its empty state ('No drafts yet')"),
            pick('inPageInteractive'),
            { maxMedianRatio: 1.5 },
          ),
          compare(
            `in-page: nav start → interactive, ${drafts} drafts`,
            interactive(
              `a copy, without caches, of a profile holding ${drafts} drafts seeded with the app's db code`,
              'the first row of its list',
            ),
            pick('seededInPageInteractive'),
            { maxMedianRatio: 2 },
          ),
          compare(
            'in-page: nav start → shell in DOM',
            "The page's own clock, from navigation start to the DOM commit that made the shell's elements and the Drafts list (Chorus, empty profile) or the heading and button (baseline) present, sized and enabled; before the click and before that commit is painted.",
            pick('inPageReady'),
            null,
          ),
          compare(
            `in-page: nav start → shell in DOM, ${drafts} drafts`,
            'The same with the seeded profile.',
            pick('seededInPageReady'),
            null,
          ),
          compare(
            'wall clock: launch → interactive',
            'Date.now() on both sides, from just before launchChromium (new process, fresh profile) to the same interactive moment: adds browser start-up, which is most of it and is the same work for both pages.',
            pick('wallInteractive'),
            null,
          ),
          compare(
            `wall clock: launch → interactive, ${drafts} drafts`,
            'The same with the seeded profile.',
            pick('seededWallInteractive'),
            null,
          ),
        ],
        notes: [
          `Where the time goes (one extra cold start per side with a trace and V8's sampling profiler, not timed; profiling slows every side): main-thread busy time from the document's first task to the interactive moment: blank page ${profiled.baseline.busyMs.toFixed(0)} ms, Chorus empty ${profiled.empty.busyMs.toFixed(0)} ms, Chorus with ${drafts} drafts ${profiled.seeded.busyMs.toFixed(0)} ms.`,
          '',
          ...breakdownTable(
            [
              { label: 'blank page', values: profiled.baseline.profile.buckets },
              { label: 'Chorus empty', values: profiled.empty.profile.buckets },
              { label: `Chorus ${drafts} drafts`, values: profiled.seeded.profile.buckets },
            ],
            { share: true },
          ),
          '',
          'Trace events in the same window (inclusive; they overlap the rows above):',
          '',
          ...breakdownTable([
            { label: 'blank page', values: profiled.baseline.events },
            { label: 'Chorus empty', values: profiled.empty.events },
            { label: `Chorus ${drafts} drafts`, values: profiled.seeded.events },
          ]),
          '',
          "Timeline (the page's clock, ms; resources from start to end of response):",
          '',
          `- blank page: ${timeline(profiled.baseline)}`,
          `- Chorus empty: ${timeline(profiled.empty)}`,
          `- Chorus ${drafts} drafts: ${timeline(profiled.seeded)}`,
          '',
          ...topFunctions('Chorus empty, self time by function:', profiled.empty.profile.selfTop),
          ...topFunctions(`Chorus ${drafts} drafts, self time by function:`, profiled.seeded.profile.selfTop),
        ],
        details: {
          assetBytes: { ours: await assetBytes(builtRendererDir), baseline: await assetBytes(outDir) },
          trials: details,
          profiled,
        },
      };
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup();
    }
  },
};
