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
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  /** Longest time a change may wait while typing goes on without a pause. */
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
 * Debounced saving that never drops a change: one save runs at a time, a change made while a save
 * is running is saved straight after it, and a failure keeps the change unsaved (and the status
 * says so) until a later change or `flush` tries again.
 */
export function createAutosaver(options: AutosaveOptions): Autosaver {
  const delayMs = options.delayMs ?? 300;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  /** Counts changes; everything up to `savedVersion` is safely stored. */
  let version = 0;
  let savedVersion = 0;
  let firstUnsavedAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  const isDirty = () => version !== savedVersion;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const runSaves = async (): Promise<void> => {
    while (isDirty()) {
      const saving = version;
      options.onStatus({ state: 'saving' });
      try {
        const at = await options.save();
        savedVersion = saving;
        if (!isDirty()) options.onStatus({ state: 'saved', at });
      } catch (error) {
        options.onStatus({ state: 'failed', reason: options.describeError(error) });
        return;
      }
    }
  };

  const start = (): Promise<void> => {
    clearTimer();
    running ??= runSaves().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    changed() {
      const now = Date.now();
      if (!isDirty()) firstUnsavedAt = now;
      version += 1;
      if (running !== null) return;
      options.onStatus({ state: 'pending' });
      clearTimer();
      const wait = Math.max(0, Math.min(delayMs, firstUnsavedAt + maxWaitMs - now));
      timer = setTimeout(() => void start(), wait);
    },
    async flush() {
      if (running !== null) await running;
      if (isDirty()) await start();
    },
    hasUnsavedChanges: () => isDirty() || running !== null,
  };
}
