import { useEffect, useLayoutEffect, useState } from 'react';
import { createAutosaver, type Autosaver, type SaveStatus } from './autosave';
import { describeSaveError } from './save-status';
import { createValueStore, type ValueStore } from './value-store';

/**
 * One autosaver for the life of the component, always calling the latest `save`. Its status is a
 * store, so a save re-renders the status line and nothing else.
 */
export function useAutosaver(
  save: () => Promise<number>,
  onSaved?: () => void,
): { saver: Autosaver; status: ValueStore<SaveStatus> } {
  const [state] = useState(() => {
    const latest = { save, onSaved };
    const status = createValueStore<SaveStatus>({ state: 'idle' });
    const saver = createAutosaver({
      save: () => latest.save(),
      describeError: describeSaveError,
      onStatus: (next) => status.set(next),
      // In the same task as the status, so React shows both in one commit.
      onSaved: () => latest.onSaved?.(),
    });
    const update = (next: typeof latest) => Object.assign(latest, next);
    return { saver, status, update };
  });
  useLayoutEffect(() => {
    state.update({ save, onSaved });
  });
  return { saver: state.saver, status: state.status };
}

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
 * Saves at once when the page is hidden, left or closed, and when the screen using it goes away,
 * so nothing typed waits on a timer that will never fire.
 */
export function useFlushOnLeave(flushNow: () => Promise<unknown>): void {
  useEffect(() => {
    const flush = () => track(flushNow());
    flushers.add(flushNow);
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onLeave = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onLeave);
    window.addEventListener('beforeunload', onLeave);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onLeave);
      window.removeEventListener('beforeunload', onLeave);
      flushers.delete(flushNow);
      void flush();
    };
  }, [flushNow]);
}
