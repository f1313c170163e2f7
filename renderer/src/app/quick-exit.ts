import type { Platform } from '../platform';

/** How long the exit waits for the lock before it hides the window anyway. */
export const lockWaitMs = 2_000;

/** The class on <html> that hides everything (app/shell.css) until the neutral screen is in. */
export const concealedClass = 'quick-exit-concealed';

export interface QuickExitSteps {
  /** Replaces the app with the neutral page (React's flushSync), taking its content out of the DOM. */
  blank: () => void;
  /** Locks the app (the lead's app lock); does nothing when the lock is off. */
  lock?: () => void | Promise<void>;
  /** Reaches the host to hide the window. Only the desktop app hides; a browser keeps the neutral page. */
  platform: Pick<Platform, 'transport' | 'invoke'>;
  /** Takes the route (which can name a draft) out of the address; `history.replaceState` in the app. */
  forgetAddress?: () => void;
  /** Told about a step that failed after the screen went blank; the exit carries on regardless. */
  onStepFailed?: (step: 'blank' | 'lock' | 'hide', error: unknown) => void;
  /** Hides everything on screen at once; a class on <html> and the window title in the app. */
  conceal?: () => void;
  /** Runs `then` once the next frame has been produced; requestAnimationFrame in the app. */
  afterNextFrame?: (then: () => void) => void;
}

function concealPage(): void {
  document.documentElement.classList.add(concealedClass);
  document.title = 'New tab';
}

/**
 * Starts Chorus afresh from its first screen: the page is loaded again without its address's screen
 * (the hash), so nothing of where the person was comes back.
 */
export function startChorusAgain(): void {
  window.location.replace(window.location.pathname);
}

/** Lets the neutral screen show: called by it once it is the only thing in the DOM. */
export function revealNeutralScreen(): void {
  document.documentElement.classList.remove(concealedClass);
}

function forgetRoute(): void {
  window.history.replaceState(null, '', window.location.pathname);
}

/**
 * After the next frame; or after 100 ms, since a page the browser is not drawing (hidden, or a
 * window being minimised) gets no frames, and the app must still leave.
 */
function afterFrame(then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    then();
  };
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 100);
}

function waitAtMost(work: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    work.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * The quick exit, in the order that matters. First, before the handler returns, everything is
 * hidden by one class on <html>: cheap, so the very next frame is blank (taking a long draft's
 * editor out of the DOM takes tens of milliseconds, which would hold that frame back; the quick
 * exit benchmark measured it). Once that frame is out, the app is replaced by the neutral page, so
 * nothing of it stays in the DOM; then the app locks; then, in the desktop app, the window hides.
 * Hiding waits for the lock (a hidden window's timers are throttled, which could hold the lock up),
 * but not for ever: a lock that hangs must not keep the window on screen. Nothing after the
 * concealing can bring the content back: the class stays until the neutral screen removes it, and
 * each later step's failure is reported and passed over.
 */
export function runQuickExit(steps: QuickExitSteps): Promise<void> {
  (steps.conceal ?? concealPage)();
  try {
    (steps.forgetAddress ?? forgetRoute)();
  } catch {
    // The address is a nicety next to the blank screen; a sandbox that refuses it changes nothing.
  }
  const report = steps.onStepFailed ?? (() => undefined);
  return (async () => {
    await new Promise<void>((resolve) => (steps.afterNextFrame ?? afterFrame)(resolve));
    try {
      steps.blank();
    } catch (error) {
      report('blank', error);
    }
    try {
      await waitAtMost(
        Promise.resolve().then(() => steps.lock?.()),
        lockWaitMs,
      );
    } catch (error) {
      report('lock', error);
    }
    if (steps.platform.transport !== 'electron') return;
    try {
      await steps.platform.invoke('privacy.hideWindow', {});
    } catch (error) {
      report('hide', error);
    }
  })();
}
