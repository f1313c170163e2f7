import { createContext, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { autoLockMinutesPreference, getPreference, useDb } from '../../db';
import { usePlatform } from '../../platform';
import type { AppLock, LockView } from './app-lock';
import { createIdleTimer } from './idle';
import { LockScreen } from './LockScreen';
import './lock.css';

const AppLockContext = createContext<AppLock | null>(null);

export function useAppLock(): { lock: AppLock; view: LockView } {
  const lock = useContext(AppLockContext);
  if (lock === null) throw new Error('useAppLock must be used inside <LockGate>');
  const view = useSyncExternalStore(lock.subscribe, lock.view);
  return { lock, view };
}

/**
 * Shows the app only while it may be seen: with the lock off, or unlocked. Locked, it shows the
 * lock screen instead, and nothing under it exists (no screen, no live query, no sync), so no
 * decrypted words are on screen or in React's memory. While unlocked it locks itself after the
 * chosen idle time, and when the computer sleeps or its screen locks.
 */
export function LockGate({
  lock,
  onQuickExit,
  quickExitHint,
  children,
}: {
  lock: AppLock;
  onQuickExit: () => void;
  /** What the quick exit's keys are, and the count of Shift presses so far, for screen readers. */
  quickExitHint: { description: string; progress: string };
  children: ReactNode;
}) {
  const view = useSyncExternalStore(lock.subscribe, lock.view);
  const db = useDb();
  const platform = usePlatform();

  useEffect(() => {
    void lock.start();
  }, [lock]);

  useEffect(() => platform.on('privacy.lock', ({ reason }) => void lock.lockNow(reason)), [lock, platform]);

  const unlocked = view.kind === 'unlocked';
  useEffect(() => {
    if (!unlocked) return;
    let stopped = false;
    let timer: { stop(): void } | null = null;
    void getPreference(db, autoLockMinutesPreference).then((minutes) => {
      if (stopped) return;
      timer = createIdleTimer({ timeoutMs: minutes * 60_000, onIdle: () => void lock.lockNow('idle') });
    });
    return () => {
      stopped = true;
      timer?.stop();
    };
  }, [db, lock, unlocked]);

  let content: ReactNode;
  switch (view.kind) {
    case 'checking':
      content = null;
      break;
    case 'locked':
      content = <LockScreen lock={lock} reason={view.reason} onQuickExit={onQuickExit} quickExitHint={quickExitHint} />;
      break;
    case 'broken':
      content = (
        <main className="lock-screen">
          <h1>Chorus cannot open</h1>
          <p role="alert">{view.message}</p>
          <p>Nothing has been changed or deleted. Close Chorus and open it again; if this stays, ask for help.</p>
        </main>
      );
      break;
    case 'working':
      content = (
        <main className="lock-screen">
          <h1>{workingHeadings[view.direction]}</h1>
          <p>Keep Chorus open until this finishes. If it stops, it carries on the next time you unlock.</p>
          <progress max={Math.max(view.progress.total, 1)} value={view.progress.done} aria-label="Progress" />
          <p role="status">
            {view.progress.done} of {view.progress.total} records
          </p>
        </main>
      );
      break;
    default:
      content = children;
  }
  return <AppLockContext value={lock}>{content}</AppLockContext>;
}

const workingHeadings = {
  encrypting: 'Encrypting your work',
  resealing: 'Encrypting your work with the new passphrase',
  decrypting: 'Turning the lock off',
} as const;
