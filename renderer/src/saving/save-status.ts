import { isQuotaError } from '../db';
import { formatWhen, type Clock } from '@core/clock';
import type { SaveStatus } from './autosave';

/** The words for a failed save: what happened and that the text is still on screen. */
export function describeSaveError(error: unknown): string {
  if (isQuotaError(error)) {
    return 'this device’s storage is full. Your text is still here; free some space, then try again';
  }
  return 'something went wrong while saving. Your text is still here; try again';
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
