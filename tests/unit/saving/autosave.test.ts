import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver, type SaveStatus } from '../../../renderer/src/saving/autosave';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function setup(save: () => Promise<number>, onSaved?: () => void) {
  const statuses: SaveStatus[] = [];
  const saver = createAutosaver({
    save,
    describeError: (error) => (error instanceof Error ? error.message : 'unknown'),
    onStatus: (status) => statuses.push(status),
    ...(onSaved === undefined ? {} : { onSaved }),
    delayMs: 300,
  });
  return { saver, statuses };
}

describe('autosave', () => {
  it('saves once, 300 ms after the last of several quick changes', async () => {
    const save = vi.fn(() => Promise.resolve(Date.now()));
    const { saver, statuses } = setup(save);
    saver.changed();
    await vi.advanceTimersByTimeAsync(100);
    saver.changed();
    await vi.advanceTimersByTimeAsync(299);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledOnce();
    expect(statuses.at(-1)).toMatchObject({ state: 'saved' });
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it('saves at least every 400 ms while typing never pauses, leaving a save 100 ms to reach the disk', async () => {
    const save = vi.fn(() => Promise.resolve(Date.now()));
    const { saver } = setup(save);
    for (let elapsed = 0; elapsed < 300; elapsed += 100) {
      saver.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(save).not.toHaveBeenCalled();
    saver.changed();
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledOnce();
    for (let elapsed = 0; elapsed < 400; elapsed += 100) {
      saver.changed();
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('saves every 400 ms, not back to back, while typing goes on through saves', async () => {
    const save = vi.fn(() => new Promise<number>((resolve) => setTimeout(() => resolve(Date.now()), 20)));
    const { saver } = setup(save);
    for (let elapsed = 0; elapsed < 3000; elapsed += 50) {
      saver.changed();
      await vi.advanceTimersByTimeAsync(50);
    }
    // Saves start at 400, then 400 ms after the first change each save did not hold.
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(6);
    expect(save.mock.calls.length).toBeLessThanOrEqual(8);
  });

  it('saves a change made during a save after its own pause, within the delay of the keystroke', async () => {
    const release = { next: (): void => undefined };
    const save = vi.fn(
      () =>
        new Promise<number>((resolve) => {
          release.next = () => resolve(Date.now());
        }),
    );
    const { saver, statuses } = setup(save);
    saver.changed();
    await vi.advanceTimersByTimeAsync(300);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    saver.changed();
    release.next();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toEqual({ state: 'pending' });
    await vi.advanceTimersByTimeAsync(300);
    expect(save).toHaveBeenCalledTimes(2);
    release.next();
    await vi.advanceTimersByTimeAsync(0);
    expect(statuses.at(-1)).toMatchObject({ state: 'saved' });
  });

  it('reports "pending" once, not on every keystroke', async () => {
    const save = vi.fn(() => Promise.resolve(Date.now()));
    const { saver, statuses } = setup(save);
    for (let key = 0; key < 5; key += 1) {
      saver.changed();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(statuses.filter((status) => status.state === 'pending')).toHaveLength(1);
  });

  it('tells of every finished save in the same moment as the status, also while typing goes on', async () => {
    const events: string[] = [];
    let resolveSave: (at: number) => void = () => undefined;
    const save = vi.fn(() => new Promise<number>((resolve) => (resolveSave = resolve)));
    const { saver, statuses } = setup(save, () => events.push(`saved with status ${statuses.at(-1)?.state}`));
    saver.changed();
    await vi.advanceTimersByTimeAsync(300);
    // Typing goes on during the save: the save still counts, though the status stays "saving".
    saver.changed();
    resolveSave(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toEqual(['saved with status saving']);
    expect(statuses.at(-1)?.state).not.toBe('saved');
    await vi.advanceTimersByTimeAsync(300);
    resolveSave(2);
    await vi.advanceTimersByTimeAsync(0);
    // Called just before "saved" is reported, in the same synchronous step.
    expect(events).toEqual(['saved with status saving', 'saved with status saving']);
    expect(statuses.at(-1)).toEqual({ state: 'saved', at: 2 });
  });

  it('does not tell of a save that failed', async () => {
    const onSaved = vi.fn();
    const { saver, statuses } = setup(() => Promise.reject(new Error('disk full')), onSaved);
    saver.changed();
    await vi.advanceTimersByTimeAsync(300);
    expect(onSaved).not.toHaveBeenCalled();
    expect(statuses.at(-1)).toMatchObject({ state: 'failed' });
  });

  it('flush saves at once and waits for it', async () => {
    const save = vi.fn(() => Promise.resolve(42));
    const { saver, statuses } = setup(save);
    saver.changed();
    await saver.flush();
    expect(save).toHaveBeenCalledOnce();
    expect(statuses.at(-1)).toEqual({ state: 'saved', at: 42 });
    await saver.flush();
    expect(save).toHaveBeenCalledOnce();
  });

  it('keeps a failed change unsaved, says why, and saves it on retry', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('The disk is full')).mockResolvedValue(7);
    const { saver, statuses } = setup(save as () => Promise<number>);
    saver.changed();
    await vi.advanceTimersByTimeAsync(300);
    expect(statuses.at(-1)).toEqual({ state: 'failed', reason: 'The disk is full' });
    expect(saver.hasUnsavedChanges()).toBe(true);
    await saver.flush();
    expect(statuses.at(-1)).toEqual({ state: 'saved', at: 7 });
    expect(saver.hasUnsavedChanges()).toBe(false);
  });
});
