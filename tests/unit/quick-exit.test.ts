import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lockWaitMs, runQuickExit, type QuickExitSteps } from '../../renderer/src/app/quick-exit';

type Platform = QuickExitSteps['platform'];

function fakePlatform(transport: 'electron' | 'web', log: string[], fail = false): Platform {
  return {
    transport,
    invoke: vi.fn((channel: string) => {
      log.push(`invoke ${channel}`);
      return fail ? Promise.reject(new Error('the window is gone')) : Promise.resolve({ hidden: true });
    }) as unknown as Platform['invoke'],
  };
}

describe('runQuickExit', () => {
  let log: string[];
  /** The page's side: concealing, the address and frames, recorded in `log`. */
  let page: Pick<QuickExitSteps, 'conceal' | 'forgetAddress' | 'afterNextFrame'>;
  let nextFrame: (() => void) | null;
  beforeEach(() => {
    log = [];
    nextFrame = null;
    page = {
      conceal: () => log.push('conceal'),
      forgetAddress: () => log.push('forget address'),
      afterNextFrame: (then) => {
        nextFrame = then;
      },
    };
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Produces the next frame, then lets the exit's promises run. */
  async function frame(): Promise<void> {
    log.push('frame');
    nextFrame?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  it('conceals the screen before it returns; after the frame, blanks, locks, then hides the window', async () => {
    const done = runQuickExit({
      ...page,
      blank: () => log.push('blank'),
      lock: async () => {
        await Promise.resolve();
        log.push('locked');
      },
      platform: fakePlatform('electron', log),
    });
    expect(log).toEqual(['conceal', 'forget address']);
    await Promise.resolve();
    expect(log).toEqual(['conceal', 'forget address']);
    await frame();
    await done;
    expect(log).toEqual(['conceal', 'forget address', 'frame', 'blank', 'locked', 'invoke privacy.hideWindow']);
  });

  it('leaves the neutral page in a browser: no window to hide', async () => {
    const platform = fakePlatform('web', log);
    const done = runQuickExit({ ...page, blank: () => log.push('blank'), platform });
    await frame();
    await done;
    expect(log).toEqual(['conceal', 'forget address', 'frame', 'blank']);
    expect(platform.invoke).not.toHaveBeenCalled();
  });

  it('carries on through every failure after concealing, reporting each', async () => {
    const failures: string[] = [];
    const done = runQuickExit({
      ...page,
      forgetAddress: () => {
        throw new Error('sandboxed');
      },
      blank: () => {
        throw new Error('render failed');
      },
      lock: () => {
        throw new Error('no key');
      },
      platform: fakePlatform('electron', log, true),
      onStepFailed: (step, error) => failures.push(`${step}: ${(error as Error).message}`),
    });
    await frame();
    await done;
    expect(log).toEqual(['conceal', 'frame', 'invoke privacy.hideWindow']);
    expect(failures).toEqual(['blank: render failed', 'lock: no key', 'hide: the window is gone']);
  });

  it('does not let a lock that never finishes keep the window on screen', async () => {
    vi.useFakeTimers();
    const done = runQuickExit({
      ...page,
      afterNextFrame: (then) => then(),
      blank: () => log.push('blank'),
      lock: () => new Promise<void>(() => undefined),
      platform: fakePlatform('electron', log),
    });
    await vi.advanceTimersByTimeAsync(lockWaitMs - 1);
    expect(log).toEqual(['conceal', 'forget address', 'blank']);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(log).toEqual(['conceal', 'forget address', 'blank', 'invoke privacy.hideWindow']);
  });
});
