// Records a Chromium performance trace of one page through the DevTools protocol and reads the
// renderer main thread's work out of it.
import type { CDPSession, Page } from 'playwright-core';

/** One Chrome trace event (the JSON trace event format). ts and dur are in microseconds. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs: what it cost while the thread was running. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string | number;
  args?: Record<string, unknown> & { data?: Record<string, unknown> };
}

export const timelineCategories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8',
  'v8.execute',
  'blink',
  'blink.user_timing',
  'toplevel',
  'IndexedDB',
];

/** Adds V8's sampling profiler to the trace (ProfileChunk events), for a breakdown by function. */
export const profilerCategories = ['disabled-by-default-v8.cpu_profiler'];

export interface TraceRecorder {
  stop(): Promise<TraceEvent[]>;
}

export async function startTrace(page: Page, options: { profile?: boolean } = {}): Promise<TraceRecorder> {
  const session: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (payload) => {
    for (const event of payload.value) events.push(event as unknown as TraceEvent);
  });
  const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      recordMode: 'recordAsMuchAsPossible',
      includedCategories: [...timelineCategories, ...(options.profile === true ? profilerCategories : [])],
    },
  });
  return {
    async stop() {
      await session.send('Tracing.end');
      await complete;
      await session.detach().catch(() => undefined);
      return events;
    },
  };
}

/** A thread's top-level tasks: complete events that are not inside another one, in time order. */
export interface Task {
  ts: number;
  end: number;
  dur: number;
  /** The task's thread (CPU) time, µs; equal to `dur` when the trace has none. */
  cpu: number;
  /** Every complete event inside the task, the task's own event included. */
  events: TraceEvent[];
}

export interface MainThread {
  pid: number;
  tid: number;
  events: TraceEvent[];
  tasks: Task[];
}

const taskNames = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);

/**
 * The renderer main thread (CrRendererMain) that emitted `marker` through console.timeStamp, with
 * its top-level tasks.
 */
export function mainThread(events: readonly TraceEvent[], marker: string): MainThread {
  const mainThreads = new Set(
    events
      .filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const stamp = events.find(
    (event) =>
      event.name === 'TimeStamp' &&
      event.args?.data?.message === marker &&
      mainThreads.has(`${event.pid}:${event.tid}`),
  );
  if (stamp === undefined) throw new Error(`The trace has no main-thread time stamp "${marker}"`);
  const own = events
    .filter((event) => event.pid === stamp.pid && event.tid === stamp.tid)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: Task[] = [];
  let current: Task | null = null;
  for (const event of own) {
    if (event.ph !== 'X') continue;
    const end = event.ts + (event.dur ?? 0);
    if (current !== null && event.ts < current.end) {
      current.events.push(event);
      continue;
    }
    if (!taskNames.has(event.name)) continue;
    current = { ts: event.ts, end, dur: event.dur ?? 0, cpu: event.tdur ?? event.dur ?? 0, events: [event] };
    tasks.push(current);
  }
  return { pid: stamp.pid, tid: stamp.tid, events: own, tasks };
}

/** The trace time (µs) of a console.timeStamp(label) on the thread. */
export function stampTime(thread: MainThread, label: string): number {
  const stamp = thread.events.find((event) => event.name === 'TimeStamp' && event.args?.data?.message === label);
  if (stamp === undefined) throw new Error(`The trace has no time stamp "${label}"`);
  return stamp.ts;
}

/** Trace times (µs) of every console.timeStamp on the thread whose label matches `pattern`. */
export function stampTimes(thread: MainThread, pattern: RegExp): Map<string, number> {
  const times = new Map<string, number>();
  for (const event of thread.events) {
    const message = event.args?.data?.message;
    if (event.name === 'TimeStamp' && typeof message === 'string' && pattern.test(message))
      times.set(message, event.ts);
  }
  return times;
}

/** The top-level task running at trace time `ts`, if any. */
export function taskAt(thread: MainThread, ts: number): Task | undefined {
  return thread.tasks.find((task) => task.ts <= ts && task.end >= ts);
}

/**
 * The main thread of a page whose probe stamped `startStamp` as its document began and `endStamp`
 * at the moment measured, with the window between them in trace µs. A renderer process that has
 * only just started may not be tracing yet when the start is stamped; then its first task is the
 * start.
 */
export function stampedWindow(
  events: readonly TraceEvent[],
  startStamp: string,
  endStamp: string,
): { thread: MainThread; from: number; end: number } {
  const thread = mainThread(events, endStamp);
  const stamps = stampTimes(thread, /./);
  const end = stamps.get(endStamp);
  const start = stamps.get(startStamp) ?? thread.tasks[0]?.ts;
  if (start === undefined || end === undefined) throw new Error('The trace lacks the probe stamps');
  const first = thread.tasks.find((task) => task.end >= start);
  return { thread, from: Math.min(first?.ts ?? start, start), end };
}
