import {
  completeOutboxEntry,
  deferOutboxEntry,
  dueOutboxEntries,
  flagOutboxEntry,
  getSyncState,
  knownPaths,
  nextDueAt,
  onOutboxAdded,
  outboxItem,
  storePulled,
  updateSyncState,
  type ChorusDb,
} from '../../db';
import type { Platform } from '../../platform';
import { systemClock } from '@core/clock';

/** What the sync status line shows. */
export type SyncActivity =
  { phase: 'idle' } | { phase: 'publishing'; done: number; total: number } | { phase: 'pulling'; received: number };

export interface SyncEngineOptions {
  db: ChorusDb;
  platform: Platform;
  now?: () => number;
  random?: () => number;
  /** How often to sync while online with nothing else happening. */
  intervalMs?: number;
  isOnline?: () => boolean;
  /** How long to wait after `attempts` failures; {@link backoffDelay} unless a test says otherwise. */
  retryDelay?: (attempts: number) => number;
}

export interface SyncEngine {
  /** Starts a run soon; `everything` also retries entries waiting for attention ("Sync now"). */
  request(options?: { everything?: boolean }): Promise<void>;
  activity(): SyncActivity;
  subscribe(listener: () => void): () => void;
  start(): void;
  stop(): void;
}

const baseDelayMs = 5_000;
const maxDelayMs = 15 * 60_000;

/**
 * How long to wait before the next try after `attempts` failures: exponential from 5 seconds,
 * at most 15 minutes, with "equal jitter" (half fixed, half random) so many devices coming
 * back online at once do not all knock at the same moment.
 */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

function plainError(error: unknown): string {
  return error instanceof Error && error.message !== '' ? error.message : 'Something went wrong.';
}

/**
 * Drains the outbox, then pulls. Runs when the app starts or comes online, after each approval
 * (the outbox grows), every few minutes while online, when a waiting entry is due, and on
 * "Sync now". One run at a time: a request during a run starts one more run after it.
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, platform } = options;
  const now = options.now ?? systemClock.now;
  const random = options.random ?? Math.random;
  const isOnline = options.isOnline ?? (() => navigator.onLine);
  const intervalMs = options.intervalMs ?? 5 * 60_000;
  const retryDelay = options.retryDelay ?? ((attempts: number) => backoffDelay(attempts, random));
  const listeners = new Set<() => void>();
  let activity: SyncActivity = { phase: 'idle' };
  let running: Promise<void> | null = null;
  let again: { everything: boolean } | null = null;
  let timers: ReturnType<typeof setTimeout>[] = [];
  let started = false;

  const setActivity = (next: SyncActivity) => {
    activity = next;
    for (const listener of listeners) listener();
  };

  /** Publishes what is due; false if the repository could not be reached, so pulling is pointless. */
  const drain = async (everything: boolean): Promise<boolean> => {
    const entries = await dueOutboxEntries(db, now(), everything);
    let done = 0;
    for (const entry of entries) {
      setActivity({ phase: 'publishing', done, total: entries.length });
      const item = await outboxItem(db, entry);
      if (item === null) {
        await flagOutboxEntry(db, entry, 'The approved record is missing on this device.');
        done += 1;
        continue;
      }
      let result;
      try {
        result = await platform.invoke('repository.publish', item);
      } catch (error) {
        await deferOutboxEntry(db, entry, plainError(error), now() + retryDelay(entry.attempts + 1));
        await updateSyncState(db, { lastProblem: plainError(error), problemWillPass: true });
        return false;
      }
      if (result.ok) {
        await completeOutboxEntry(db, entry, result.path, now());
      } else if (result.problem.retry) {
        await deferOutboxEntry(db, entry, result.problem.message, now() + retryDelay(entry.attempts + 1));
        await updateSyncState(db, { lastProblem: result.problem.message, problemWillPass: true });
        // The repository cannot be reached: the rest would fail the same way.
        return false;
      } else if (result.problem.kind === 'not-configured' || result.problem.kind === 'format') {
        await updateSyncState(db, { lastProblem: result.problem.message, problemWillPass: false });
        return false;
      } else {
        await flagOutboxEntry(db, entry, result.problem.message);
      }
      done += 1;
    }
    return true;
  };

  const pull = async (): Promise<boolean> => {
    let { cursor } = await getSyncState(db);
    const known = await knownPaths(db);
    let received = 0;
    setActivity({ phase: 'pulling', received });
    for (;;) {
      const page = await platform.invoke('repository.pull', { cursor, known });
      if (!page.ok) {
        await updateSyncState(db, { lastProblem: page.problem.message, problemWillPass: page.problem.retry });
        return false;
      }
      await storePulled(db, page, now());
      received += page.items.length;
      setActivity({ phase: 'pulling', received });
      known.push(...page.items.map((item) => item.path), ...page.skipped.map((file) => file.path));
      cursor = page.cursor;
      if (!page.more) break;
    }
    await updateSyncState(db, { cursor, lastSyncAt: now(), lastProblem: '', problemWillPass: false });
    return true;
  };

  const runOnce = async (everything: boolean): Promise<void> => {
    try {
      const status = await platform.invoke('repository.status', {});
      if (status.remote.kind === 'none') {
        await updateSyncState(db, { lastProblem: '', problemWillPass: false });
        return;
      }
      if (!isOnline()) {
        await updateSyncState(db, {
          lastProblem: 'This computer is offline. Chorus will sync when it is back online.',
        });
        return;
      }
      if (await drain(everything)) await pull();
    } catch (error) {
      await updateSyncState(db, { lastProblem: plainError(error), problemWillPass: true }).catch(() => undefined);
    } finally {
      setActivity({ phase: 'idle' });
      scheduleNextDue();
    }
  };

  const request = (requestOptions: { everything?: boolean } = {}): Promise<void> => {
    const everything = requestOptions.everything ?? false;
    if (running !== null) {
      again = { everything: everything || (again?.everything ?? false) };
      return running;
    }
    running = (async () => {
      let next: { everything: boolean } | null = { everything };
      while (next !== null) {
        again = null;
        await runOnce(next.everything);
        next = again;
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };

  /**
   * Wakes up when the earliest waiting entry is due again. Entries already due when a run ends
   * were held back by that run (offline, nothing set up, a repository Chorus cannot read, or the
   * rest of the outbox after a failure that says the repository cannot be reached): they wait for
   * the next wake-up, the regular interval, coming online or "Sync now", never for a timer that
   * would run again at once and keep knocking every second.
   */
  let dueTimer: ReturnType<typeof setTimeout> | null = null;
  const scheduleNextDue = () => {
    if (!started) return;
    void nextDueAt(db, now()).then((dueAt) => {
      if (dueTimer !== null) clearTimeout(dueTimer);
      dueTimer = null;
      if (dueAt === null || !started) return;
      dueTimer = setTimeout(() => void request(), Math.max(1_000, dueAt - now()));
    });
  };

  const onOnline = () => void request();
  const onOutboxGrows = () => void request();
  let unsubscribeOutbox: (() => void) | null = null;

  return {
    request,
    activity: () => activity,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => {
      if (started) return;
      started = true;
      window.addEventListener('online', onOnline);
      // Approving or withdrawing adds an outbox entry: publish it straight away.
      unsubscribeOutbox = onOutboxAdded(db, onOutboxGrows);
      timers.push(setInterval(() => void request(), intervalMs));
      void request();
    },
    stop: () => {
      started = false;
      window.removeEventListener('online', onOnline);
      unsubscribeOutbox?.();
      for (const timer of timers) clearInterval(timer);
      timers = [];
      if (dueTimer !== null) clearTimeout(dueTimer);
    },
  };
}
