import { isQuotaError } from '../db';
import { formatWhen, type Clock } from '@core/clock';
import { createAutosaver, type AutosaveOptions, type Autosaver, type SaveStatus } from './autosave';
import { createValueStore, type ValueStore } from './value-store';

/** The words for a failed save: what happened and that the text is still on screen. */
export function describeSaveError(error: unknown): string {
  if (isQuotaError(error)) {
    return 'this device’s storage is full. Your text is still here; free some space, then try again';
  }
  return 'something went wrong while saving. Your text is still here; try again';
}

/**
 * An autosaver whose status is a store (so a save re-renders the status line and nothing else),
 * with failures in the words of `describeSaveError`.
 */
export function createStatusAutosaver(options: Omit<AutosaveOptions, 'describeError' | 'onStatus'>): {
  autosaver: Autosaver;
  status: ValueStore<SaveStatus>;
} {
  const status = createValueStore<SaveStatus>({ state: 'idle' });
  const autosaver = createAutosaver({
    ...options,
    describeError: describeSaveError,
    onStatus: (next) => status.set(next),
  });
  return { autosaver, status };
}

/** One status for several savers: a failure wins, then work in progress, then the latest save. */
export function combineStatuses(statuses: readonly SaveStatus[]): SaveStatus {
  const failed = statuses.find((status) => status.state === 'failed');
  if (failed !== undefined) return failed;
  if (statuses.some((status) => status.state === 'saving' || status.state === 'pending')) return { state: 'saving' };
  const saved = statuses.flatMap((status) => (status.state === 'saved' ? [status.at] : []));
  return saved.length > 0 ? { state: 'saved', at: Math.max(...saved) } : { state: 'idle' };
}

export function statusText(status: SaveStatus, clock: Clock): string {
  switch (status.state) {
    case 'idle':
      return 'All changes saved';
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved ${formatWhen(status.at, clock)}`;
    case 'failed':
      return `Not saved — ${status.reason}.`;
  }
}
