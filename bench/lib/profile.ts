// The main thread's work in a trace, measured over a time window and broken down: by trace events
// (style, layout, paint, GC, IndexedDB serialisation) and, when the trace has V8's sampling
// profiler in it, by function, with function names and files recovered from the build's source maps.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { functionNameAt, parseSourceMap, type SourceMap } from './source-map';
import type { MainThread, Task, TraceEvent } from './trace';

const ms = (microseconds: number) => microseconds / 1000;

/** Main-thread task time inside [start, end) (trace µs), in ms; tasks straddling an edge count in part. */
export function busyTime(thread: MainThread, start: number, end: number, exclude?: (task: Task) => boolean): number {
  let total = 0;
  for (const task of thread.tasks) {
    if (task.end <= start || task.ts >= end || exclude?.(task) === true) continue;
    total += Math.min(task.end, end) - Math.max(task.ts, start);
  }
  return ms(total);
}

/**
 * Like {@link busyTime} but in thread (CPU) time: a task straddling an edge counts in proportion.
 * On a machine shared with other work a task's wall time grows while the thread waits for a CPU;
 * its CPU time does not, so this is the steadier measure of the page's own work.
 */
export function cpuTime(thread: MainThread, start: number, end: number): number {
  let total = 0;
  for (const task of thread.tasks) {
    if (task.end <= start || task.ts >= end) continue;
    const share = task.dur === 0 ? 1 : (Math.min(task.end, end) - Math.max(task.ts, start)) / task.dur;
    total += task.cpu * share;
  }
  return ms(total);
}

/** Overlapping or touching windows merged, in time order, so nothing in them is counted twice. */
export function mergeWindows(windows: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = [];
  for (const [start, end] of [...windows].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

export function tasksIn(thread: MainThread, start: number, end: number): Task[] {
  return thread.tasks.filter((task) => task.end > start && task.ts < end);
}

/** Trace events worth naming in a breakdown: what each costs on the main thread, inclusive. */
const namedEvents: Readonly<Record<string, string>> = {
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'compositor commit',
  MinorGC: 'garbage collection (minor)',
  MajorGC: 'garbage collection (major)',
  'SerializedScriptValueFactory::create': 'IndexedDB: structured clone (serialise)',
  'SerializedScriptValueFactory::deserialize': 'IndexedDB: structured clone (deserialise)',
  'IDBObjectStore::putRequestSetup': 'IndexedDB: put() call, incl. serialise',
  'TypingCommand::InsertText': 'Blink editing: insert text (incl. input event handlers)',
  ParseHTML: 'HTML parsing',
  'v8.compileModule': 'JS module compile',
  'v8.evaluateModule': 'JS module evaluation',
  EvaluateScript: 'script evaluation',
};

/** ms per named trace event, summed over the window's tasks (nested events are not double-counted). */
export function eventBreakdown(tasks: readonly Task[]): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const task of tasks) {
    // Keep only the outermost occurrence of each name inside a task.
    const open = new Map<string, number>();
    for (const event of task.events) {
      const label = namedEvents[event.name];
      if (label === undefined) continue;
      const until = open.get(label);
      if (until !== undefined && event.ts < until) continue;
      open.set(label, event.ts + (event.dur ?? 0));
      totals[label] = (totals[label] ?? 0) + ms(event.dur ?? 0);
    }
  }
  return totals;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number; codeType?: string };
}

/** One sample of V8's profiler: the stack (root first) and the time it stands for. */
export interface CpuSample {
  ts: number;
  dur: number;
  stack: ProfileNode['callFrame'][];
}

/** The samples of the main thread's V8 profile in a trace (ProfileChunk events), in time order. */
export function cpuSamples(events: readonly TraceEvent[], thread: MainThread): CpuSample[] {
  const profile = events.find(
    (event) => event.name === 'Profile' && event.pid === thread.pid && event.tid === thread.tid,
  );
  if (profile === undefined) return [];
  const nodes = new Map<number, ProfileNode>();
  const times: number[] = [];
  const leaves: number[] = [];
  let time = Number(profile.args?.data?.startTime ?? 0);
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.id !== profile.id || event.pid !== profile.pid) continue;
    const data = event.args?.data as
      { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
    const samples = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    samples.forEach((leaf, index) => {
      time += deltas[index] ?? 0;
      times.push(time);
      leaves.push(leaf);
    });
  }
  const stacks = new Map<number, ProfileNode['callFrame'][]>();
  const stackOf = (id: number): ProfileNode['callFrame'][] => {
    const cached = stacks.get(id);
    if (cached !== undefined) return cached;
    const node = nodes.get(id);
    const stack =
      node === undefined ? [] : [...(node.parent === undefined ? [] : stackOf(node.parent)), node.callFrame];
    stacks.set(id, stack);
    return stack;
  };
  // V8's time deltas are occasionally negative (samples arrive out of order): sort, then let each
  // sample stand for the time until the next one (at most 10 ms, for the last).
  const order = leaves.map((_, index) => index).sort((a, b) => (times[a] as number) - (times[b] as number));
  return order.map((index, position) => {
    const ts = times[index] as number;
    const next = order[position + 1];
    return {
      ts,
      dur: Math.min((next === undefined ? ts + 1000 : (times[next] as number)) - ts, 10_000),
      stack: stackOf(leaves[index] as number).filter((frame) => frame.functionName !== '(root)'),
    };
  });
}

/** A function as a person would name it: original name, file and line when a source map knows them. */
export interface NamedFrame {
  name: string;
  /** Original source path ("renderer/src/db/resources.ts", "node_modules/dexie/…") or the script URL. */
  file: string;
  line: number;
  /** The npm package the code comes from, or null for the app's own code or non-JS entries. */
  packageName: string | null;
  /** True for Chorus's own code (renderer/src). */
  app: boolean;
}

/**
 * Resolves profile frames to original names through the source maps of the served builds.
 * `roots` maps a URL prefix (a server's origin) to the folder the server serves.
 */
export class FrameNamer {
  private readonly maps = new Map<string, SourceMap | null>();
  private readonly cache = new Map<string, NamedFrame>();

  constructor(private readonly roots: ReadonlyArray<{ origin: string; dir: string }>) {}

  private mapFor(url: string): SourceMap | null {
    if (this.maps.has(url)) return this.maps.get(url) ?? null;
    let map: SourceMap | null = null;
    const root = this.roots.find((candidate) => url.startsWith(candidate.origin));
    if (root !== undefined) {
      const file = path.join(root.dir, new URL(url).pathname);
      if (file.startsWith(root.dir) && existsSync(`${file}.map`))
        map = parseSourceMap(readFileSync(`${file}.map`, 'utf8'));
    }
    this.maps.set(url, map);
    return map;
  }

  name(frame: CpuSample['stack'][number]): NamedFrame {
    const url = frame.url ?? '';
    const key = `${url}:${frame.lineNumber ?? -1}:${frame.columnNumber ?? -1}:${frame.functionName}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let named: NamedFrame = {
      name: frame.functionName === '' ? '(anonymous)' : frame.functionName,
      file: url === '' ? '' : new URL(url).pathname,
      line: (frame.lineNumber ?? -1) + 1,
      packageName: null,
      app: false,
    };
    const map = url === '' ? null : this.mapFor(url);
    const original = map?.lookup(frame.lineNumber ?? 0, frame.columnNumber ?? 0) ?? null;
    // A bundle's own top-level function starts at 0:0, which maps to no source.
    if (original === null && map !== null && (frame.lineNumber ?? 0) === 0 && (frame.columnNumber ?? 0) === 0)
      named = { ...named, name: '(module top level)' };
    if (original !== null) {
      const packageName = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(original.source)?.[1] ?? null;
      named = {
        name: functionNameAt(original) ?? named.name,
        file: original.source,
        line: original.line + 1,
        packageName,
        app: original.source.startsWith('renderer/src/'),
      };
    }
    this.cache.set(key, named);
    return named;
  }
}

/** A category of main-thread time, matched against a sample's frames from the leaf up. */
export interface Bucket {
  label: string;
  matches: (frame: NamedFrame) => boolean;
}

export interface ProfileBreakdown {
  /** ms of samples inside the window. */
  sampledMs: number;
  /** ms per bucket; a sample goes to the first bucket that matches a frame, leaf first. */
  buckets: Record<string, number>;
  /** The functions whose own code (self time) took the longest, ms. */
  selfTop: Array<{ fn: string; ms: number }>;
  /** Chorus's own functions by inclusive time (everything they called), ms. */
  appInclusiveTop: Array<{ fn: string; ms: number }>;
}

const describe = (frame: NamedFrame) =>
  frame.file === '' ? frame.name : `${frame.name} (${frame.file.replace(/^node_modules\//, '')}:${frame.line})`;

const special = new Map([
  ['(garbage collector)', 'garbage collection'],
  ['(program)', 'browser work outside JS (style, layout, paint, events, IPC)'],
  ['(idle)', 'idle'],
]);

/**
 * Where sampled main-thread time went inside windows [start, end) (trace µs). Only samples taken
 * while the thread was running a task count, each for at most the rest of that task: V8 labels an
 * idle main thread "(program)" as often as "(idle)", so the trace's tasks say what was busy.
 */
export function profileBreakdown(
  samples: readonly CpuSample[],
  windows: ReadonlyArray<readonly [number, number]>,
  namer: FrameNamer,
  buckets: readonly Bucket[],
  thread: MainThread,
  top = 12,
): ProfileBreakdown {
  const tasks = thread.tasks;
  let cursor = 0;
  const totals: Record<string, number> = {};
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let sampled = 0;
  const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
  for (const sample of samples) {
    if (!windows.some(([start, end]) => sample.ts >= start && sample.ts < end)) continue;
    while (cursor < tasks.length && (tasks[cursor] as Task).end <= sample.ts) cursor += 1;
    const task = tasks[cursor];
    if (task === undefined || task.ts > sample.ts) continue;
    const dur = ms(Math.min(sample.dur, task.end - sample.ts));
    const leaf = sample.stack[sample.stack.length - 1];
    const specialLabel = leaf === undefined ? 'idle' : special.get(leaf.functionName);
    if (specialLabel === 'idle') continue;
    sampled += dur;
    if (specialLabel !== undefined) {
      totals[specialLabel] = (totals[specialLabel] ?? 0) + dur;
      add(self, specialLabel, dur);
      continue;
    }
    const frames = sample.stack.map((frame) => namer.name(frame));
    let label = 'other JavaScript';
    for (let index = frames.length - 1; index >= 0; index -= 1) {
      const frame = frames[index] as NamedFrame;
      const bucket = buckets.find((candidate) => candidate.matches(frame));
      if (bucket !== undefined) {
        label = bucket.label;
        break;
      }
    }
    totals[label] = (totals[label] ?? 0) + dur;
    const leafFrame = frames[frames.length - 1];
    if (leafFrame !== undefined) add(self, describe(leafFrame), dur);
    for (const key of new Set(frames.filter((frame) => frame.app).map(describe))) add(inclusive, key, dur);
  }
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, value]) => ({ fn, ms: value }));
  return { sampledMs: sampled, buckets: totals, selfTop: ranked(self), appInclusiveTop: ranked(inclusive) };
}

export const inFile = (suffix: string, names?: readonly string[]) => (frame: NamedFrame) =>
  frame.file.endsWith(suffix) && (names === undefined || names.includes(frame.name));
export const inPackage = (prefixes: readonly string[]) => (frame: NamedFrame) =>
  frame.packageName !== null && prefixes.some((prefix) => frame.packageName?.startsWith(prefix) === true);

/**
 * The benchmark's own in-page probes (added with addInitScript or page.evaluate, so not served over
 * HTTP). Their visibility checks force the style and layout the next frame needs anyway.
 */
export const probeBucket: Bucket = {
  label: 'benchmark probe (its layout queries force the layout the frame needs anyway)',
  matches: (frame) => frame.file === '' && ['visible', 'candidates', 'check', 'present'].includes(frame.name),
};

/**
 * Buckets for the editor and save path, checked leaf first: a sample inside countWords called
 * while React renders ResourcePage counts as countWords, not React.
 */
export const editorBuckets: readonly Bucket[] = [
  { label: 'readability (text-stats)', matches: inFile('domain/text-stats.ts', ['readability', 'countSyllables']) },
  { label: 'countWords (text-stats)', matches: inFile('domain/text-stats.ts', ['countWords']) },
  { label: 'documentText (plain text of the doc)', matches: inFile('domain/document-text.ts') },
  {
    label: 'editor.getJSON (TipTap/ProseMirror toJSON)',
    matches: (frame) => frame.name === 'getJSON' || frame.name === 'toJSON',
  },
  { label: 'JSON.stringify', matches: (frame) => frame.name === 'stringify' && frame.file === '' },
  {
    label: 'IndexedDB put() (structured clone of the record)',
    matches: (frame) => frame.file === '' && frame.name === 'put',
  },
  { label: 'IndexedDB transaction()', matches: (frame) => frame.file === '' && frame.name === 'transaction' },
  { label: 'Dexie and other IndexedDB calls (reads, requests, promises)', matches: inPackage(['dexie']) },
  {
    label: 'React (render, reconcile, commit)',
    matches: inPackage(['react-dom', 'react', 'scheduler', 'react-router']),
  },
  {
    label: 'ProseMirror / TipTap (editing, view update)',
    matches: inPackage(['prosemirror-', '@tiptap/', 'linkifyjs']),
  },
  { label: 'other Chorus code', matches: (frame) => frame.app },
];

/** The mean of several breakdowns (of several runs of the same thing); top lists are merged by function. */
export function averageBreakdowns(breakdowns: readonly ProfileBreakdown[]): ProfileBreakdown {
  const count = Math.max(1, breakdowns.length);
  const mean = (records: ReadonlyArray<Record<string, number>>) => {
    const totals: Record<string, number> = {};
    for (const record of records)
      for (const [key, value] of Object.entries(record)) totals[key] = (totals[key] ?? 0) + value / count;
    return totals;
  };
  const merge = (lists: ReadonlyArray<ProfileBreakdown['selfTop']>) =>
    Object.entries(mean(lists.map((list) => Object.fromEntries(list.map((entry) => [entry.fn, entry.ms])))))
      .sort((a, b) => b[1] - a[1])
      .map(([fn, value]) => ({ fn, ms: value }));
  return {
    sampledMs: breakdowns.reduce((sum, breakdown) => sum + breakdown.sampledMs, 0) / count,
    buckets: mean(breakdowns.map((breakdown) => breakdown.buckets)),
    selfTop: merge(breakdowns.map((breakdown) => breakdown.selfTop)),
    appInclusiveTop: merge(breakdowns.map((breakdown) => breakdown.appInclusiveTop)),
  };
}

export function roundBreakdown(breakdown: Record<string, number>, divisor = 1): Record<string, number> {
  return Object.fromEntries(
    Object.entries(breakdown)
      .sort((a, b) => b[1] - a[1])
      .map(([key, value]) => [key, Math.round((value / divisor) * 100) / 100]),
  );
}
