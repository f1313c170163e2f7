import { useLayoutEffect, useState } from 'react';
import { createAutosaver, type Autosaver, type SaveStatus } from './autosave';
import { describeSaveError } from './save-status';

/**
 * One autosaver for the life of the component, always calling the latest `save`, and its status
 * as state for the status line.
 */
export function useAutosaver(save: () => Promise<number>): { saver: Autosaver; status: SaveStatus } {
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const [state] = useState(() => {
    const latest = { save };
    const saver = createAutosaver({ save: () => latest.save(), describeError: describeSaveError, onStatus: setStatus });
    return { saver, setSave: (next: () => Promise<number>) => (latest.save = next) };
  });
  useLayoutEffect(() => {
    state.setSave(save);
  });
  return { saver: state.saver, status };
}
