import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { RepositoryStatus } from '../../../../electron/shared/contract';
import { useDb, useOutbox, useSkippedFiles, useSyncState } from '../../db';
import { usePlatform } from '../../platform';
import { createSyncEngine, type SyncActivity, type SyncEngine } from './engine';
import { describeSyncStatus, type SyncStatusDescription } from './status';

interface SyncContextValue {
  engine: SyncEngine;
  /** The repository settings as the app host has them; undefined until read, or if reading failed. */
  repository: RepositoryStatus | undefined;
  /** Why the settings could not be read, in plain words; null when they were. */
  repositoryError: string | null;
  /** Replaces the known settings after they were saved (`repository.configure` answers with them). */
  setRepository: (status: RepositoryStatus) => void;
}

const SyncContext = createContext<SyncContextValue | null>(null);

/**
 * Runs the one sync engine of the app for as long as it is mounted, and shares it with the
 * status line and the Sync page. Lives inside the platform and database providers.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const db = useDb();
  const platform = usePlatform();
  const engine = useMemo(() => createSyncEngine({ db, platform }), [db, platform]);
  const [repository, setRepository] = useState<RepositoryStatus | undefined>(undefined);
  const [repositoryError, setRepositoryError] = useState<string | null>(null);

  useEffect(() => {
    engine.start();
    return () => engine.stop();
  }, [engine]);

  useEffect(() => {
    let live = true;
    platform.invoke('repository.status', {}).then(
      (status) => {
        if (!live) return;
        setRepository(status);
        setRepositoryError(null);
      },
      () => live && setRepositoryError('Chorus could not read the sync settings. Try restarting Chorus.'),
    );
    return () => {
      live = false;
    };
  }, [platform]);

  const replace = useCallback((status: RepositoryStatus) => {
    setRepository(status);
    setRepositoryError(null);
  }, []);

  const value = useMemo(
    () => ({ engine, repository, repositoryError, setRepository: replace }),
    [engine, repository, repositoryError, replace],
  );
  return <SyncContext value={value}>{children}</SyncContext>;
}

function useSyncContext(): SyncContextValue {
  const value = useContext(SyncContext);
  if (value === null) throw new Error('Sync hooks must be used inside <SyncProvider>');
  return value;
}

export function useSyncEngine(): SyncEngine {
  return useSyncContext().engine;
}

/** What the engine is doing now: idle, publishing or pulling. */
export function useSyncActivity(): SyncActivity {
  const engine = useSyncEngine();
  const subscribe = useCallback((listener: () => void) => engine.subscribe(listener), [engine]);
  return useSyncExternalStore(subscribe, () => engine.activity());
}

/** The repository settings, and a way to replace them once saved. */
export function useRepositoryStatus(): Pick<SyncContextValue, 'repository' | 'repositoryError' | 'setRepository'> {
  const { repository, repositoryError, setRepository } = useSyncContext();
  return { repository, repositoryError, setRepository };
}

/** Whether the browser thinks this computer is online, kept up to date. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

/** The sync status in words, from everything that decides it. */
export function useSyncStatus(): SyncStatusDescription {
  const { repository, repositoryError } = useRepositoryStatus();
  const activity = useSyncActivity();
  const online = useOnline();
  const syncState = useSyncState();
  const outbox = useOutbox();
  const skipped = useSkippedFiles();
  return describeSyncStatus({
    repository,
    repositoryError,
    online,
    activity,
    syncState,
    outbox,
    skippedCount: skipped?.length,
  });
}
