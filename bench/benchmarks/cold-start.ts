// Cold start of the Chorus renderer in Chromium, against a blank Vite + React 19 page measured
// in the same run. Every trial is a brand-new Chromium process with a fresh profile directory,
// so nothing is cached: no HTTP cache, no V8 code cache, no IndexedDB.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../../tests/helpers/chromium';
import { builtRendererDir, startTestWebHost } from '../../tests/helpers/web-host';
import { compare, runInterleaved, type BenchResult, type Benchmark, type TrialInfo } from '../harness';
import { serveStatic } from '../lib/static-server';
import { withTimeout } from '../lib/util';

const fixtureDir = path.resolve(import.meta.dirname, '../fixtures/blank-react');
const warmupRounds = 2;
/** BENCH_ROUNDS overrides the measured rounds, for a quicker look or a steadier number. */
const measuredRounds = Number.parseInt(process.env.BENCH_ROUNDS ?? '10', 10);
const probeTimeoutMs = 30_000;
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

/** Everything the probe saw in one trial (warm-ups included), kept in results.json. */
interface TrialDetail extends Omit<ProbeResult, 'interactiveEpoch' | 'timeOrigin'> {
  side: 'baseline' | 'ours';
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
 * One cold start: a new Chromium with a fresh profile, navigate, wait for the probe, then check
 * with Playwright's own role-based queries and a real (CDP-dispatched) click that the page truly
 * works, so a probe that matched the wrong element cannot pass unnoticed. The checks run after
 * the measurement and are not part of any time.
 */
async function coldStartTrial(
  side: 'baseline' | 'ours',
  trial: TrialInfo,
  url: string,
  probe: ProbeConfig,
  verify: (page: Page) => Promise<void>,
  details: TrialDetail[],
): Promise<Record<MetricKey, number>> {
  // Wall clock: Date.now() here and Date.now() in the page both read the system clock.
  const launchStart = Date.now();
  const browser = await launchChromium({ network: 'direct' });
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
// user stays on Drafts, so the shell is not really usable until the Drafts page is drawn.
const chorusProbe: ProbeConfig = {
  ready: [
    { selector: 'main h1', text: 'Drafts' },
    { selector: 'nav[aria-label="Main"]' },
    { selector: 'button', text: 'Quick exit', enabled: true },
    { selector: 'nav[aria-label="Main"] a', text: 'Settings' },
  ],
  click: { selector: 'nav[aria-label="Main"] a', text: 'Settings' },
  done: { selector: 'main h1', text: 'Settings' },
};

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

const name = 'cold-start';
const description =
  'A new Chromium process with a fresh profile per trial loads the page; Chorus (real web host over build/renderer) against a blank Vite + React 19 page.';

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

      const details: TrialDetail[] = [];
      const samples = await runInterleaved<MetricKey>({
        keys: metricKeys,
        warmupRounds,
        measuredRounds,
        baseline: (trial) =>
          coldStartTrial('baseline', trial, baselineServer.url, baselineProbe, verifyBaseline, details),
        ours: (trial) => coldStartTrial('ours', trial, host.url, chorusProbe, verifyChorus, details),
        log,
      });
      if (host.failures.length > 0)
        throw new Error(`The web host reported failures: ${host.failures.map(String).join('; ')}`);

      const pick = (key: MetricKey) => ({ ours: samples.ours[key], baseline: samples.baseline[key] });
      return {
        name,
        description,
        oursLabel: 'Chorus renderer (build/renderer via the web host)',
        baselineLabel: 'blank Vite + React 19 page (bench/fixtures/blank-react)',
        warmupRounds,
        measuredRounds,
        rows: [
          compare(
            'in-page: nav start → interactive',
            "The page's own clock (performance.now), from navigation start to the next frame after the page answered a click. Chorus: the Drafts page, the main navigation, an enabled Quick exit and the Settings link are present; the probe clicks Settings; the h1 'Settings' is committed; then one frame. Baseline: the heading and the enabled button are present; the probe clicks the button; its new label is committed; then one frame.",
            pick('inPageInteractive'),
            { maxMedianRatio: 1.5 },
          ),
          compare(
            'in-page: nav start → shell in DOM',
            "The page's own clock, from navigation start to the DOM commit that made the shell's elements (Chorus) or the heading and button (baseline) present, sized and enabled; before the click and before that commit is painted.",
            pick('inPageReady'),
            null,
          ),
          compare(
            'wall clock: launch → interactive',
            'Date.now() on both sides, from just before launchChromium (new process, fresh profile) to the same interactive moment: adds browser start-up, which is most of it and is the same work for both pages.',
            pick('wallInteractive'),
            null,
          ),
        ],
        details: {
          assetBytes: { ours: await assetBytes(builtRendererDir), baseline: await assetBytes(outDir) },
          trials: details,
        },
      };
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup();
    }
  },
};
