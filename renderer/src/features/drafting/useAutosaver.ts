import { useEffect, useLayoutEffect, useState } from 'react';
import { createAutosaver, type Autosaver, type SaveStatus } from './autosave';
import { describeSaveError } from './save-status';
import { createValueStore, type ValueStore } from './value-store';

/**
 * One autosaver for the life of the component, always calling the latest `save`. Its status is a
 * store, so a save re-renders the status line and nothing else.
 */
export function useAutosaver(save: () => Promise<number>): { saver: Autosaver; status: ValueStore<SaveStatus> } {
  const [state] = useState(() => {
    const latest = { save };
    const status = createValueStore<SaveStatus>({ state: 'idle' });
    const saver = createAutosaver({
      save: () => latest.save(),
      describeError: describeSaveError,
      onStatus: (next) => status.set(next),
    });
    return { saver, status, setSave: (next: () => Promise<number>) => (latest.save = next) };
  });
  useLayoutEffect(() => {
    state.setSave(save);
  });
  return { saver: state.saver, status: state.status };
}

/**
 * Saves at once when the page is hidden, left or closed, and when the screen using it goes away,
 * so nothing typed waits on a timer that will never fire.
 */
export function useFlushOnLeave(flush: () => Promise<unknown>): void {
  useEffect(() => {
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
      void flush();
    };
  }, [flush]);
}
