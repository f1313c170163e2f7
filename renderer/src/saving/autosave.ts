import { systemClock, type Clock } from '@core/clock';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'failed'; reason: string };

export interface AutosaveOptions {
  /** Writes the current state; resolves with the time it was saved. */
  save: () => Promise<number>;
  /** Turns a failed save into words for the status line. */
  describeError: (error: unknown) => string;
  onStatus: (status: SaveStatus) => void;
  /**
   * Called the moment a save has finished, just before the status says so (when nothing changed
   * meanwhile), so whatever it updates is shown in the same frame as "Saved".
   */
  onSaved?: () => void;
  /** Times changes for the pause before a save; the computer's own unless given. */
  clock?: Pick<Clock, 'now'>;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  /**
   * Longest time a change may wait while typing goes on without a pause. 400 ms leaves a save
   * 100 ms to reach the disk, so a crash never costs more than what was typed in the last half
   * second (a save costs the page well under a millisecond).
   */
  maxWaitMs?: number;
}

export interface Autosaver {
  /** Records that something changed; a save follows after a pause in typing. */
  changed(): void;
  /** Saves at once if anything is unsaved, and resolves when everything is saved or a save failed. */
  flush(): Promise<void>;
  /** True while something is not yet safely saved. */
  hasUnsavedChanges(): boolean;
}

/**
 * Debounced saving that never drops a change: one save runs at a time; a change made while a save
 * is running is saved after the same pause as any other (never more than `delayMs` after the last
 * keystroke, nor `maxWaitMs` after the first unsaved one); a failure keeps the change unsaved (and
 * the status says so) until a later change or `flush` tries again. `flush` saves at once.
 */
export function createAutosaver(options: AutosaveOptions): Autosaver {
  const delayMs = options.delayMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 400;
  const clock = options.clock ?? systemClock;
  /** Counts changes; everything up to `savedVersion` is safely stored. */
  let version = 0;
  let savedVersion = 0;
  /** The version the last save started with: a change past it is not in any save yet. */
  let startedVersion = 0;
  /** When the first change past `startedVersion` was made. */
  let firstUnsavedAt = 0;
  let lastChangeAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let lastState: SaveStatus['state'] | null = null;
  const isDirty = () => version !== savedVersion;

  // Repeating a status would re-render its readers on every keystroke for nothing.
  const report = (status: SaveStatus) => {
    if (status.state === lastState && (status.state === 'pending' || status.state === 'saving')) return;
    lastState = status.state;
    options.onStatus(status);
  };

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const schedule = (now = clock.now()) => {
    clearTimer();
    const wait = Math.max(0, Math.min(lastChangeAt + delayMs, firstUnsavedAt + maxWaitMs) - now);
    timer = setTimeout(() => void start(false), wait);
  };

  /** Saves once, or until clean when flushing; a change during a non-flush save waits its pause. */
  const runSaves = async (untilClean: boolean): Promise<void> => {
    do {
      const saving = version;
      startedVersion = saving;
      report({ state: 'saving' });
      try {
        const at = await options.save();
        savedVersion = saving;
        options.onSaved?.();
        if (!isDirty()) report({ state: 'saved', at });
      } catch (error) {
        report({ state: 'failed', reason: options.describeError(error) });
        return;
      }
    } while (untilClean && isDirty());
  };

  const start = (untilClean: boolean): Promise<void> => {
    clearTimer();
    running ??= runSaves(untilClean).finally(() => {
      running = null;
      if (isDirty() && lastState !== 'failed') {
        report({ state: 'pending' });
        schedule();
      }
    });
    return running;
  };

  return {
    changed() {
      const now = clock.now();
      if (version === startedVersion) firstUnsavedAt = now;
      lastChangeAt = now;
      version += 1;
      if (running !== null) return;
      report({ state: 'pending' });
      schedule(now);
    },
    async flush() {
      if (running !== null) await running;
      if (isDirty()) await start(true);
    },
    hasUnsavedChanges: () => isDirty() || running !== null,
  };
}
