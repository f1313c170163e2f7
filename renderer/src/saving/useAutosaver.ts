import { useEffect, useLayoutEffect, useState } from 'react';
import type { Autosaver, SaveStatus } from './autosave';
import { flushOnLeave } from './leaving';
import { createStatusAutosaver } from './save-status';
import type { ValueStore } from './value-store';

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
    const { autosaver: saver, status } = createStatusAutosaver({
      save: () => latest.save(),
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

/**
 * Saves at once when the page is hidden, left or closed, and when the screen using it goes away,
 * so nothing typed waits on a timer that will never fire.
 */
export function useFlushOnLeave(flushNow: () => Promise<unknown>): void {
  useEffect(() => {
    const stop = flushOnLeave(flushNow);
    return () => void stop();
  }, [flushNow]);
}
