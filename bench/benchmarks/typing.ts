// Typing latency in a 30,000-word draft: Chorus's editor page against a bare TipTap editor
// (StarterKit only, the same @tiptap packages) showing the same document, interleaved trial by
// trial. Each trial is a fresh Chromium with a fresh profile; the document is seeded into Chorus's
// own database with the app's db code, and served as JSON to the baseline.
import type { Page } from 'playwright-core';
import { launchChromium } from '../../tests/helpers/chromium';
import { compare, runInterleaved, type BenchResult, type Benchmark, type TrialInfo } from '../harness';
import { openEditorSide, serveEditorSides, waitForExpression, watchPageErrors, type EditorSides } from '../lib/apps';
import { longDocument, wordsIn } from '../lib/corpus';
import {
  busyTime,
  cpuSamples,
  editorBuckets,
  eventBreakdown,
  FrameNamer,
  mergeWindows,
  profileBreakdown,
  tasksIn,
  type ProfileBreakdown,
} from '../lib/profile';
import { breakdownTable, scaled, topFunctions } from '../lib/report';
import { mainThread, stampTimes, startTrace, type TraceEvent } from '../lib/trace';
import {
  saveHookSource,
  typingProbeGlobal,
  typingProbeSource,
  type KeyRecord,
  type LongFrame,
  type SaveSpan,
  type TypingProbeResult,
} from '../lib/typing-probe';
import { commitsIn, reactCommitCounterSource, reactCommitsGlobal } from '../lib/react-commits';
import { round1, roundsFromEnv, seededRandom, sleep, withTimeout } from '../lib/util';
import { percentile, summarise } from '../stats';

const name = 'typing';
const description =
  'Typing latency in the middle of a 30,000-word draft, keydown to the next frame, Chorus against a bare TipTap editor (StarterKit only) with the same document.';

const warmupRounds = 1;
const measuredRounds = roundsFromEnv('BENCH_TYPING_ROUNDS', 4);
const documentWords = 30_000;
/** Keystrokes per trial, of which the first `discardedKeys` are not counted (the editor warming up). */
const keysPerTrial = 220;
const discardedKeys = 20;
/** Keystrokes in the profiled (diagnostic) run of each side. */
const profiledKeys = 100;
const minGapMs = 30;
const maxGapMs = 60;
const phrase =
  'and then we talked about it slowly, over many weeks, until the words came back to me and i could say what had happened ';

/** The same characters and the same rhythm in every trial: gaps of 30 to 60 ms, from a fixed seed. */
function typingScript(count: number): Array<{ key: string; gapMs: number }> {
  const random = seededRandom(220);
  return Array.from({ length: count }, (_, index) => ({
    key: phrase[index % phrase.length] as string,
    gapMs: minGapMs + random() * (maxGapMs - minGapMs),
  }));
}

/**
 * Types the script on an absolute schedule (each key is due at the sum of the gaps before it), so
 * a slow keystroke does not push every later one back; a key that is already late is sent at once.
 */
async function typeScript(page: Page, script: ReadonlyArray<{ key: string; gapMs: number }>): Promise<void> {
  const started = performance.now();
  let due = 0;
  for (const { key, gapMs } of script) {
    const wait = started + due - performance.now();
    if (wait > 0) await sleep(wait);
    await page.keyboard.type(key);
    due += gapMs;
  }
}

interface TrialOutcome {
  /** keydown listener → next frame, ms, measured keys only. */
  latency: number[];
  /** event.timeStamp → next frame, ms. */
  inputLatency: number[];
  /** Per measured key: did its [input, frame] overlap a save (IndexedDB documents write, to one frame after it)? */
  duringSave: boolean[];
  saves: SaveSpan[];
  longFrames: LongFrame[];
  keys: KeyRecord[];
  /** React commits per measured keystroke (all commits from the first measured keydown to the last frame). */
  commitsPerKey: number;
}

function isProbeResult(value: unknown): value is TypingProbeResult {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return Array.isArray(record.keys) && Array.isArray(record.saves) && Array.isArray(record.longFrames);
}

async function readProbe(page: Page): Promise<TypingProbeResult> {
  const raw: unknown = await page.evaluate(`JSON.parse(JSON.stringify(window.${typingProbeGlobal}))`);
  if (!isProbeResult(raw)) throw new Error(`The typing probe returned ${JSON.stringify(raw).slice(0, 200)}`);
  return raw;
}

/** Waits until the last key's frame has been seen and, for Chorus, everything typed is saved. */
async function settle(page: Page, side: 'baseline' | 'ours', keys: number): Promise<void> {
  await waitForExpression(
    page,
    `window.${typingProbeGlobal}.keys.length === ${keys} && window.${typingProbeGlobal}.keys.every((key) => key.frame > 0)`,
  );
  if (side === 'ours') {
    await waitForExpression(
      page,
      `/^Saved \\d/.test(document.querySelector('.save-status[role="status"]')?.textContent ?? '')`,
    );
  }
}

async function checkTyped(page: Page, side: string, script: ReadonlyArray<{ key: string }>): Promise<void> {
  const tail = script
    .slice(-30)
    .map((entry) => entry.key)
    .join('');
  const present: unknown = await page.evaluate(
    `document.querySelector('[role="textbox"][aria-label="Draft text"]').textContent.includes(${JSON.stringify(tail)})`,
  );
  if (present !== true) throw new Error(`${side}: the typed text is not in the editor ("${tail}")`);
}

function outcomeOf(probe: TypingProbeResult, expectedKeys: number, commits: readonly number[]): TrialOutcome {
  if (probe.keys.length !== expectedKeys)
    throw new Error(`The page saw ${probe.keys.length} keydowns, not ${expectedKeys}`);
  const measured = probe.keys.slice(discardedKeys);
  const overlaps = (key: KeyRecord) =>
    probe.saves.some((save) => save.start < key.frame && (save.settled || save.end || Infinity) > key.input);
  return {
    latency: measured.map((key) => key.frame - key.listener),
    inputLatency: measured.map((key) => key.frame - key.input),
    duringSave: measured.map(overlaps),
    saves: probe.saves,
    longFrames: probe.longFrames,
    keys: probe.keys,
    commitsPerKey:
      (commitsIn(commits, [[measured[0]?.listener ?? 0, measured[measured.length - 1]?.frame ?? 0]])[0] ?? 0) /
      Math.max(1, measured.length),
  };
}

async function typingTrial(
  side: 'baseline' | 'ours',
  trial: TrialInfo,
  sides: EditorSides,
  outcomes: Record<'baseline' | 'ours', TrialOutcome[]>,
): Promise<Record<'p50' | 'p95', number>> {
  const browser = await launchChromium({ network: 'direct' });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchPageErrors(page, side);
    await page.addInitScript({ content: saveHookSource });
    await page.addInitScript({ content: reactCommitCounterSource });
    await openEditorSide(page, side, sides, `Typing benchmark ${trial.round}`);
    const script = typingScript(keysPerTrial);
    await page.evaluate(typingProbeSource({ stamp: false }));
    await withTimeout(typeScript(page, script), 120_000, `${side} typing`);
    await settle(page, side, keysPerTrial);
    await checkTyped(page, side, script);
    const commits = await page.evaluate<number[]>(`window.${reactCommitsGlobal}`);
    const outcome = outcomeOf(await readProbe(page), keysPerTrial, commits);
    errors.check();
    if (!trial.warmup) outcomes[side].push(outcome);
    return { p50: percentile(outcome.latency, 50), p95: percentile(outcome.latency, 95) };
  } finally {
    await browser.close();
  }
}

interface ProfiledTyping {
  keys: number;
  /** Mean main-thread busy time inside a key's keydown → frame window, ms. */
  busyPerKey: number;
  perKey: ProfileBreakdown;
  perKeyEvents: Record<string, number>;
}

/** Where the main thread's time went while typing, from a trace with V8's sampling profiler. */
function analyseTypingTrace(events: TraceEvent[], namer: FrameNamer, keys: number): ProfiledTyping {
  const thread = mainThread(events, 'key:0:down');
  const samples = cpuSamples(events, thread);
  const stamps = stampTimes(thread, /^key:/);
  const keyWindows: Array<[number, number]> = [];
  for (let index = discardedKeys; index < keys; index += 1) {
    const down = stamps.get(`key:${index}:down`);
    const frame = stamps.get(`key:${index}:frame`);
    if (down !== undefined && frame !== undefined) keyWindows.push([down, frame]);
  }
  // Keystroke windows overlap when a keystroke takes longer than the gap to the next one: merge
  // them, so no task is counted twice.
  const merged = mergeWindows(keyWindows);
  const busy = merged.reduce((sum, [start, end]) => sum + busyTime(thread, start, end), 0);
  const tasks = new Set(merged.flatMap(([start, end]) => tasksIn(thread, start, end)));
  return {
    keys: keyWindows.length,
    busyPerKey: busy / Math.max(1, keyWindows.length),
    perKey: profileBreakdown(samples, merged, namer, editorBuckets, thread, 15),
    perKeyEvents: scaled(eventBreakdown([...tasks]), Math.max(1, keyWindows.length)),
  };
}

/** One typing run of each side with a trace and V8's profiler, to say where the time goes. Not timed. */
async function profiledTyping(
  side: 'baseline' | 'ours',
  sides: EditorSides,
  namer: FrameNamer,
): Promise<ProfiledTyping> {
  const browser = await launchChromium({ network: 'direct' });
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const errors = watchPageErrors(page, side);
    await page.addInitScript({ content: saveHookSource });
    await openEditorSide(page, side, sides, 'Typing benchmark, profiled');
    const script = typingScript(profiledKeys);
    await page.evaluate(typingProbeSource({ stamp: true }));
    const trace = await startTrace(page, { profile: true });
    await withTimeout(typeScript(page, script), 120_000, `${side} profiled typing`);
    await settle(page, side, profiledKeys);
    await sleep(300);
    const events = await trace.stop();
    errors.check();
    return analyseTypingTrace(events, namer, profiledKeys);
  } finally {
    await browser.close();
  }
}

function longFrameSummary(outcomes: readonly TrialOutcome[]): string[] {
  const byScript = new Map<string, { count: number; ms: number }>();
  let frames = 0;
  for (const outcome of outcomes) {
    for (const frame of outcome.longFrames) {
      frames += 1;
      for (const script of frame.scripts) {
        const key = `${script.invoker}${script.sourceFunctionName === '' ? '' : ` → ${script.sourceFunctionName}`}`;
        const entry = byScript.get(key) ?? { count: 0, ms: 0 };
        entry.count += 1;
        entry.ms += script.duration;
        byScript.set(key, entry);
      }
    }
  }
  const top = [...byScript].sort((a, b) => b[1].ms - a[1].ms).slice(0, 6);
  return [
    `- Long animation frames (over 50 ms, the browser's own Long Animation Frames API) during Chorus's measured trials: ${frames}; the scripts in them by total time: ${top.map(([key, entry]) => `\`${key}\` ${Math.round(entry.ms)} ms in ${entry.count}`).join('; ') || 'none'}.`,
  ];
}

function interferenceNotes(outcomes: readonly TrialOutcome[]): { lines: string[]; details: Record<string, unknown> } {
  const during: number[] = [];
  const outside: number[] = [];
  const saveSpans: number[] = [];
  let saves = 0;
  for (const outcome of outcomes) {
    outcome.latency.forEach((latency, index) => (outcome.duringSave[index] === true ? during : outside).push(latency));
    saves += outcome.saves.length;
    for (const save of outcome.saves) if (save.settled > 0) saveSpans.push(save.settled - save.start);
  }
  const total = during.length + outside.length;
  const stat = (values: number[]) =>
    values.length === 0
      ? 'none'
      : `median ${round1(summarise(values).median)} ms, p95 ${round1(summarise(values).p95)} ms`;
  const details = {
    keystrokes: total,
    duringSave: during.length,
    savesPerTrial: saves / Math.max(1, outcomes.length),
    saveSpanMs: saveSpans.length === 0 ? null : summarise(saveSpans),
    latencyDuringSave: during.length === 0 ? null : summarise(during),
    latencyOutsideSaves: outside.length === 0 ? null : summarise(outside),
  };
  return {
    details,
    lines: [
      `- Autosave interference (Chorus): ${(saves / Math.max(1, outcomes.length)).toFixed(1)} saves per trial of ${keysPerTrial} keystrokes (${Math.round((keysPerTrial * ((minGapMs + maxGapMs) / 2)) / 100) / 10} s of typing); ${during.length} of ${total} measured keystrokes (${((100 * during.length) / Math.max(1, total)).toFixed(0)} %) landed during a save (their keydown → frame overlapped a save, from the IndexedDB transaction opening to the frame after it completed; saves spanned ${saveSpans.length === 0 ? '—' : `median ${round1(summarise(saveSpans).median)} ms`}). Latency of those: ${stat(during)}; of the others: ${stat(outside)}.`,
    ],
  };
}

function profileNotes(baseline: ProfiledTyping, ours: ProfiledTyping): string[] {
  const perKey = (profile: ProfiledTyping) => scaled(profile.perKey.buckets, Math.max(1, profile.keys));
  const lines = [
    '',
    `Where the time goes while typing (one extra run per side with a trace and V8's sampling profiler, ${profiledKeys} keystrokes, not timed; profiling slows both sides). Main-thread busy time while some keystroke was between its keydown and its next frame (overlapping windows merged), divided by the keystrokes: bare TipTap ${baseline.busyPerKey.toFixed(1)} ms, Chorus ${ours.busyPerKey.toFixed(1)} ms.`,
    '',
    ...breakdownTable(
      [
        { label: 'bare TipTap, per key', values: perKey(baseline) },
        { label: 'Chorus, per key', values: perKey(ours) },
      ],
      { share: true },
    ),
    '',
    'Trace events in the tasks inside those windows, per keystroke (inclusive; they overlap the rows above):',
    '',
    ...breakdownTable([
      { label: 'bare TipTap, per key', values: baseline.perKeyEvents },
      { label: 'Chorus, per key', values: ours.perKeyEvents },
    ]),
    '',
    ...topFunctions(
      "Chorus's own functions by inclusive time per keystroke (everything they call):",
      ours.perKey.appInclusiveTop,
      Math.max(1, ours.keys),
    ),
    ...topFunctions('Chorus, self time per keystroke by function:', ours.perKey.selfTop, Math.max(1, ours.keys)),
  ];
  return lines;
}

export const typing: Benchmark = {
  name,
  description,
  async run(): Promise<BenchResult> {
    const log = (line: string) => console.error(`[typing] ${line}`);
    const doc = longDocument(documentWords);
    const words = wordsIn(doc);
    const cleanups: Array<() => Promise<void>> = [];
    try {
      log(`building the bare TipTap baseline; document: ${words} words in ${doc.content?.length} blocks`);

      const sides = await serveEditorSides(doc, words, () => launchChromium({ network: 'direct' }), cleanups);
      const { chorus, bare, columnWidth } = sides;

      const outcomes: Record<'baseline' | 'ours', TrialOutcome[]> = { baseline: [], ours: [] };
      await runInterleaved({
        keys: ['p50', 'p95'] as const,
        warmupRounds,
        measuredRounds,
        baseline: (trial) => typingTrial('baseline', trial, sides, outcomes),
        ours: (trial) => typingTrial('ours', trial, sides, outcomes),
        log,
      });
      if (chorus.host.failures.length > 0)
        throw new Error(`The web host reported failures: ${chorus.host.failures.map(String).join('; ')}`);

      log('profiled runs (not timed)');
      const namer = new FrameNamer([
        { origin: chorus.origin, dir: chorus.rendererDir },
        { origin: bare.origin, dir: bare.dir },
      ]);
      const profiledBaseline = await profiledTyping('baseline', sides, namer);
      const profiledOurs = await profiledTyping('ours', sides, namer);

      const pooled = (side: 'baseline' | 'ours', pick: (outcome: TrialOutcome) => number[]) =>
        outcomes[side].flatMap(pick);
      const during = outcomes.ours.flatMap((outcome) =>
        outcome.latency.filter((_, index) => outcome.duringSave[index] === true),
      );
      const interference = interferenceNotes(outcomes.ours);
      const oursP95 = summarise(pooled('ours', (outcome) => outcome.latency)).p95;
      const bareP95 = summarise(pooled('baseline', (outcome) => outcome.latency)).p95;
      const targetLine = `- The target's two parts: p95 ratio ${(oursP95 / bareP95).toFixed(2)}× (limit 1.20×: ${oursP95 / bareP95 <= 1.2 ? 'pass' : 'miss'}); Chorus p95 ${round1(oursP95)} ms (limit 16 ms: ${oursP95 <= 16 ? 'pass' : 'miss'}), with the bare editor's own p95 at ${round1(bareP95)} ms in the same run. "Next frame" includes waiting for the frame (up to 16.7 ms at 60 Hz).`;
      const rows = [
        compare(
          'keydown → next frame',
          `Per keystroke, pooled over the measured trials (${keysPerTrial - discardedKeys} keystrokes each, the first ${discardedKeys} of each trial discarded): performance.now() in a capture-phase keydown listener on window (before any editor code) to a MessageChannel message posted from the first requestAnimationFrame callback after it, i.e. the task after the frame that shows the character. Real keystrokes (CDP key events through Playwright) at 30–60 ms intervals into the middle of the document. Chorus's autosave runs as it would.`,
          {
            ours: pooled('ours', (outcome) => outcome.latency),
            baseline: pooled('baseline', (outcome) => outcome.latency),
          },
          { maxP95Ratio: 1.2, maxOursP95Ms: 16 },
        ),
        compare(
          'input event → next frame',
          "The same, from the keydown's event.timeStamp (when the browser created the event, before it waited for the page's main thread), so time a keystroke spends queued behind other work (a save) counts.",
          {
            ours: pooled('ours', (outcome) => outcome.inputLatency),
            baseline: pooled('baseline', (outcome) => outcome.inputLatency),
          },
          null,
        ),
      ];
      if (during.length > 0) {
        rows.push(
          compare(
            'keydown → next frame, keys during a save',
            "Chorus's keystrokes whose keydown → frame overlapped a save (its IndexedDB transaction on 'documents' opening, to the frame after it completed), against all of the baseline's keystrokes (it never saves).",
            { ours: during, baseline: pooled('baseline', (outcome) => outcome.latency) },
            null,
          ),
        );
      }
      return {
        name,
        description,
        oursLabel: 'Chorus draft page (build/renderer via the web host), draft seeded with the app’s db code',
        baselineLabel:
          'bare TipTap: @tiptap/react useEditor, StarterKit only, immediatelyRender true, shouldRerenderOnTransaction false (bench/fixtures/bare-tiptap)',
        warmupRounds,
        measuredRounds,
        rows,
        notes: [
          `Document: ${words} words (Chorus's own count) in ${doc.content?.length} blocks (h2/h3 sections, paragraphs with some bold and italic, bullet lists), generated from a fixed seed; the baseline's column is ${Math.round(columnWidth)} px wide like Chorus's.`,
          targetLine,
          `- React commits per keystroke while typing (counted through React's developer-tools hook; includes the saves' commits): bare TipTap ${(outcomes.baseline.reduce((sum, outcome) => sum + outcome.commitsPerKey, 0) / Math.max(1, outcomes.baseline.length)).toFixed(2)}, Chorus ${(outcomes.ours.reduce((sum, outcome) => sum + outcome.commitsPerKey, 0) / Math.max(1, outcomes.ours.length)).toFixed(2)}.`,
          ...interference.lines,
          ...longFrameSummary(outcomes.ours),
          ...profileNotes(profiledBaseline, profiledOurs),
        ],
        details: {
          words,
          blocks: doc.content?.length,
          columnWidth,
          interference: interference.details,
          profiled: { baseline: profiledBaseline, ours: profiledOurs },
          trials: (['baseline', 'ours'] as const).flatMap((side) =>
            outcomes[side].map((outcome) => ({
              side,
              p50: percentile(outcome.latency, 50),
              p95: percentile(outcome.latency, 95),
              saves: outcome.saves,
              commitsPerKey: outcome.commitsPerKey,
              longFrames: outcome.longFrames,
            })),
          ),
        },
      };
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup();
    }
  },
};
