import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleTimer, type Schedule } from '../../renderer/src/features/lock/idle';

const minute = 60_000;

describe('the idle timer, on the real clock (faked)', () => {
  let activity: EventTarget;
  let visibility: EventTarget;
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    activity = new EventTarget();
    visibility = new EventTarget();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const start = (onIdle: () => void, timeoutMs = 10 * minute) =>
    createIdleTimer({ timeoutMs, onIdle, activityTarget: activity, visibilityTarget: visibility });

  it('fires once after the timeout with no activity', () => {
    const onIdle = vi.fn();
    const timer = start(onIdle);
    vi.advanceTimersByTime(10 * minute - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(timer.fired).toBe(true);
    activity.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(60 * minute);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('starts counting again on each kind of activity', () => {
    const onIdle = vi.fn();
    start(onIdle);
    for (const type of ['keydown', 'pointerdown', 'wheel', 'touchstart', 'focus', 'pointermove']) {
      vi.advanceTimersByTime(9 * minute);
      activity.dispatchEvent(new Event(type));
    }
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10 * minute - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts pointer movements at most once a second', () => {
    const onIdle = vi.fn();
    start(onIdle, 10_000);
    vi.advanceTimersByTime(500);
    activity.dispatchEvent(new Event('pointermove')); // within a second of the start: not counted
    vi.advanceTimersByTime(9_500);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never fires once stopped', () => {
    const onIdle = vi.fn();
    const timer = start(onIdle);
    timer.stop();
    vi.advanceTimersByTime(60 * minute);
    activity.dispatchEvent(new Event('keydown'));
    visibility.dispatchEvent(new Event('visibilitychange'));
    expect(onIdle).not.toHaveBeenCalled();
    expect(timer.fired).toBe(false);
  });
});

describe('the idle timer when timers are not on time', () => {
  /** A clock moved by hand and timers that run only when the test says so. */
  function harness() {
    let time = 0;
    const pending: Array<{ callback: () => void; ms: number; cancelled: boolean }> = [];
    const schedule: Schedule = (callback, ms) => {
      const entry = { callback, ms, cancelled: false };
      pending.push(entry);
      return () => {
        entry.cancelled = true;
      };
    };
    const activity = new EventTarget();
    const visibility = new EventTarget();
    const onIdle = vi.fn();
    const timer = createIdleTimer({
      timeoutMs: 10 * minute,
      onIdle,
      now: () => time,
      schedule,
      activityTarget: activity,
      visibilityTarget: visibility,
    });
    return {
      timer,
      onIdle,
      activity,
      visibility,
      set time(value: number) {
        time = value;
      },
      /** Runs the latest live timer, whatever the clock says (early or late). */
      runTimer() {
        const live = pending.filter((entry) => !entry.cancelled);
        const entry = live[live.length - 1];
        if (entry === undefined) throw new Error('no timer is set');
        entry.cancelled = true;
        entry.callback();
      },
      liveTimers: () => pending.filter((entry) => !entry.cancelled),
    };
  }

  it('sets the timer again for the time left when it fires early', () => {
    const idle = harness();
    idle.activity.dispatchEvent(new Event('keydown'));
    idle.time = 4 * minute;
    idle.activity.dispatchEvent(new Event('keydown'));
    idle.time = 10 * minute; // the first timer's deadline, but the last key was 6 minutes ago
    idle.runTimer();
    expect(idle.onIdle).not.toHaveBeenCalled();
    expect(idle.liveTimers().map((entry) => entry.ms)).toEqual([4 * minute]);
    idle.time = 14 * minute;
    idle.runTimer();
    expect(idle.onIdle).toHaveBeenCalledTimes(1);
  });

  it('locks on the first key after the computer slept past the timeout, instead of starting again', () => {
    const idle = harness();
    idle.time = 60 * minute; // asleep: no timer ran
    idle.activity.dispatchEvent(new Event('keydown'));
    expect(idle.onIdle).toHaveBeenCalledTimes(1);
  });

  it('checks the time away when the page is shown again, since hidden pages hold timers back', () => {
    const idle = harness();
    idle.time = 5 * minute;
    idle.visibility.dispatchEvent(new Event('visibilitychange'));
    expect(idle.onIdle).not.toHaveBeenCalled();
    idle.time = 11 * minute; // the hidden page's timer has not run yet
    idle.visibility.dispatchEvent(new Event('visibilitychange'));
    expect(idle.onIdle).toHaveBeenCalledTimes(1);
    expect(idle.liveTimers()).toEqual([]);
  });

  it('fires when a timer runs late, and only once', () => {
    const idle = harness();
    idle.time = 25 * minute;
    idle.runTimer();
    idle.activity.dispatchEvent(new Event('keydown'));
    idle.visibility.dispatchEvent(new Event('visibilitychange'));
    expect(idle.onIdle).toHaveBeenCalledTimes(1);
    expect(idle.timer.fired).toBe(true);
  });
});
