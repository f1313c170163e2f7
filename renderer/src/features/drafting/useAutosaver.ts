import { useLayoutEffect, useState } from 'react';
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
