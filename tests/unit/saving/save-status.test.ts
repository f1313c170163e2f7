import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '@core/clock';
import { combineStatuses, describeSaveError, statusText } from '../../../renderer/src/saving/save-status';

describe('save status', () => {
  it('names a full disk, however IndexedDB or Dexie reports it, and says the text is still here', () => {
    const direct = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const wrapped = new Dexie.AbortError('Transaction aborted', direct);
    for (const error of [direct, wrapped]) {
      expect(describeSaveError(error)).toBe(
        'this device’s storage is full. Your text is still here; free some space, then try again',
      );
    }
    expect(describeSaveError(new Error('other'))).toBe(
      'something went wrong while saving. Your text is still here; try again',
    );
  });

  it('puts a failure first, then work in progress, then the latest save', () => {
    const failed = { state: 'failed', reason: 'x' } as const;
    expect(combineStatuses([{ state: 'saved', at: 1 }, failed])).toBe(failed);
    expect(combineStatuses([{ state: 'saved', at: 1 }, { state: 'pending' }])).toEqual({ state: 'saving' });
    expect(combineStatuses([{ state: 'saved', at: 1 }, { state: 'saved', at: 5 }, { state: 'idle' }])).toEqual({
      state: 'saved',
      at: 5,
    });
    const clock = fixedClock(Date.UTC(2026, 10, 24, 18), 'Europe/London');
    expect(statusText({ state: 'failed', reason: 'the disk is full' }, clock)).toBe('Not saved — the disk is full.');
    expect(statusText({ state: 'saving' }, clock)).toBe('Saving…');
    expect(statusText({ state: 'saved', at: Date.UTC(2026, 10, 24, 14, 2) }, clock)).toBe('Saved 14:02');
    clock.set(Date.UTC(2026, 10, 25, 0, 1));
    expect(statusText({ state: 'saved', at: Date.UTC(2026, 10, 24, 14, 2) }, clock)).toBe('Saved 24 Nov 2026, 14:02');
  });
});
