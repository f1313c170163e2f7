/**
 * Says when the page is being left (hidden, closed or navigated away from) by calling `onLeave`;
 * answers the function that stops listening. Injected where there is no page (unit tests).
 */
export type LeaveSignal = (onLeave: () => void) => () => void;

export const pageLeaveSignal: LeaveSignal = (onLeave) => {
  const onHide = () => {
    if (document.visibilityState === 'hidden') onLeave();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', onLeave);
  window.addEventListener('beforeunload', onLeave);
  return () => {
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', onLeave);
    window.removeEventListener('beforeunload', onLeave);
  };
};

/** Every open editor's flush, and saves still running after their editor went away. */
const flushers = new Set<() => Promise<unknown>>();
const running = new Set<Promise<unknown>>();

function track(save: Promise<unknown>): Promise<unknown> {
  running.add(save);
  void save.finally(() => running.delete(save)).catch(() => undefined);
  return save;
}

/**
 * Saves everything unsaved in every open editor, and waits for saves already under way, also
 * those of editors that have just closed (a quick exit closes them all at once). The app lock
 * calls this before it forgets the key.
 */
export async function flushAllSaves(): Promise<void> {
  for (const flush of flushers) void track(flush());
  await Promise.allSettled([...running]);
}

/**
 * Saves at once when the page is left, and for `flushAllSaves`, until the answered function is
 * called: it stops, saves once more and resolves when that save is done (or has failed), so
 * nothing typed waits on a timer that will never fire.
 */
export function flushOnLeave(
  flushNow: () => Promise<unknown>,
  signal: LeaveSignal = pageLeaveSignal,
): () => Promise<void> {
  const flush = () => track(flushNow());
  flushers.add(flushNow);
  const stopListening = signal(() => void flush());
  return async () => {
    stopListening();
    flushers.delete(flushNow);
    await flush().then(
      () => undefined,
      () => undefined,
    );
  };
}
