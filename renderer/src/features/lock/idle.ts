import { systemClock } from '@core/clock';

/** Starts a one-off timer and answers a function that cancels it. */
export type Schedule = (callback: () => void, ms: number) => () => void;

export interface IdleTimerOptions {
  /** How long without activity counts as idle. */
  timeoutMs: number;
  /** Called once, when the person has been away `timeoutMs`; the timer stops itself first. */
  onIdle: () => void;
  /**
   * The clock. Wall-clock time by default, because it keeps counting while the computer sleeps;
   * `performance.now()` may not, and a lid closed for an hour must count as an hour away.
   */
  now?: () => number;
  schedule?: Schedule;
  /** Where activity is heard; `window` in the app. */
  activityTarget?: EventTarget;
  /** Where `visibilitychange` is heard; `document` in the app. */
  visibilityTarget?: EventTarget;
  /** Pointer movements closer together than this count once. */
  pointerMoveThrottleMs?: number;
}

export interface IdleTimer {
  /** Stops listening and cancels the timer; onIdle will not be called. */
  stop(): void;
  /** Whether onIdle has been called. */
  readonly fired: boolean;
}

const activityEvents = ['keydown', 'pointerdown', 'wheel', 'touchstart', 'focus'] as const;

const defaultSchedule: Schedule = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

/**
 * Calls `onIdle` once after `timeoutMs` without keyboard, pointer, wheel, touch or focus activity.
 *
 * Timers cannot be trusted to be on time: browsers throttle them in hidden pages (to once a minute
 * or less) and they do not run while the computer sleeps. So the timer only prompts a check, and
 * every check compares the clock with the last activity: a timer that fires early is set again for
 * the rest; a timer that fires late still locks; and when the page is shown again, or the first
 * key arrives after a sleep, the time already away is counted before that activity resets it.
 */
export function createIdleTimer(options: IdleTimerOptions): IdleTimer {
  const now = options.now ?? systemClock.now;
  const schedule = options.schedule ?? defaultSchedule;
  const activityTarget = options.activityTarget ?? window;
  const visibilityTarget = options.visibilityTarget ?? document;
  const throttleMs = options.pointerMoveThrottleMs ?? 1_000;
  const { timeoutMs } = options;

  let lastActivity = now();
  let cancelTimer: (() => void) | null = null;
  let stopped = false;
  let fired = false;

  /** Fires if the person has been away long enough; answers whether it did. */
  const fireIfIdle = (): boolean => {
    if (stopped) return true;
    if (now() - lastActivity < timeoutMs) return false;
    fired = true;
    stop();
    options.onIdle();
    return true;
  };

  const check = () => {
    cancelTimer = null;
    if (!fireIfIdle()) arm();
  };

  const arm = () => {
    cancelTimer?.();
    cancelTimer = schedule(check, Math.max(0, lastActivity + timeoutMs - now()));
  };

  const onActivity = () => {
    if (fireIfIdle()) return;
    lastActivity = now();
    // No new timer per key press: the one running re-arms itself for whatever time is left.
  };

  const onPointerMove = () => {
    if (now() - lastActivity < throttleMs) return;
    onActivity();
  };

  const onVisibilityChange = () => {
    if (!fireIfIdle()) arm();
  };

  const listenOptions = { capture: true, passive: true } as const;
  for (const type of activityEvents) activityTarget.addEventListener(type, onActivity, listenOptions);
  activityTarget.addEventListener('pointermove', onPointerMove, listenOptions);
  visibilityTarget.addEventListener('visibilitychange', onVisibilityChange);

  function stop() {
    if (stopped) return;
    stopped = true;
    cancelTimer?.();
    cancelTimer = null;
    for (const type of activityEvents) activityTarget.removeEventListener(type, onActivity, listenOptions);
    activityTarget.removeEventListener('pointermove', onPointerMove, listenOptions);
    visibilityTarget.removeEventListener('visibilitychange', onVisibilityChange);
  }

  arm();
  return {
    stop,
    get fired() {
      return fired;
    },
  };
}
