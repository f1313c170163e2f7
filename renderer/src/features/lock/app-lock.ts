import {
  changePassphrase,
  currentKeyForRemembering,
  finishSealing,
  getLockRecord,
  lock,
  turnOffLock,
  turnOnLock,
  unlock,
  unlockWithRememberedKey,
  type ChorusDb,
  type LockState,
  type Progress,
} from '../../db';
import type { Platform } from '../../platform';
import { flushAllSaves } from '../../saving/leaving';

/** What the app shows: itself, the lock screen, or how far sealing (or opening) every record got. */
export type LockView =
  | { kind: 'checking' }
  | { kind: 'off' }
  | { kind: 'locked'; reason: LockReason | null }
  | { kind: 'unlocked' }
  | { kind: 'working'; direction: 'encrypting' | 'resealing' | 'decrypting'; progress: Progress }
  /** Reading the lock's settings failed: nothing is shown, and nothing is written in the clear. */
  | { kind: 'broken'; message: string };

export type LockReason = 'asked' | 'idle' | 'suspend' | 'lock-screen' | 'quick-exit';

export interface AppLock {
  view: () => LockView;
  subscribe: (listener: () => void) => () => void;
  /** Reads the lock's state on start: unlocks with a remembered key where there is one. */
  start(): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  /** Saves everything unsaved, then forgets the key. Does nothing when the lock is off. */
  lockNow(reason: LockReason): Promise<void>;
  turnOn(passphrase: string): Promise<void>;
  turnOff(passphrase: string): Promise<void>;
  /** A new passphrase and a new key: every record is sealed again, with its progress shown. */
  changePassphrase(current: string, next: string): Promise<void>;
  /**
   * Keeps the key in the OS keychain (Electron), or forgets it there. Keeping it needs the
   * passphrase, since the key in use cannot be exported. Answers why not, if refused.
   */
  remember(on: boolean, passphrase?: string): Promise<string | null>;
}

/**
 * The app lock as the screens see it: one controller for the life of the page, outside React, so
 * the quick exit can still lock after it has cleared every screen away.
 */
export function createAppLock(db: ChorusDb, platform: Platform): AppLock {
  let view: LockView = { kind: 'checking' };
  const listeners = new Set<() => void>();
  const set = (next: LockView) => {
    view = next;
    for (const listener of listeners) listener();
  };

  /** Finishes a sealing run a crash interrupted, showing its progress. */
  const finish = async (state: LockState) => {
    if (state === 'on') {
      set({ kind: 'unlocked' });
      return;
    }
    const direction = state;
    set({ kind: 'working', direction, progress: { done: 0, total: 0 } });
    await finishSealing(db, (progress) => set({ kind: 'working', direction, progress }));
    set({ kind: direction === 'decrypting' ? 'off' : 'unlocked' });
  };

  const recallRememberedKey = async (): Promise<string | null> => {
    if (platform.transport !== 'electron') return null;
    try {
      return (await platform.invoke('deviceKey.recall', {})).key;
    } catch {
      return null;
    }
  };

  return {
    view: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start() {
      try {
        const record = await getLockRecord(db);
        if (record === null) {
          set({ kind: 'off' });
          return;
        }
        const remembered = await recallRememberedKey();
        const state = remembered === null ? null : await unlockWithRememberedKey(db, remembered);
        if (state === null) set({ kind: 'locked', reason: null });
        else await finish(state);
      } catch (error) {
        set({ kind: 'broken', message: error instanceof Error ? error.message : String(error) });
      }
    },
    async unlock(passphrase) {
      await finish(await unlock(db, passphrase));
    },
    async lockNow(reason) {
      if (view.kind !== 'unlocked') return;
      await flushAllSaves();
      lock(db);
      set({ kind: 'locked', reason });
    },
    async turnOn(passphrase) {
      await flushAllSaves();
      set({ kind: 'working', direction: 'encrypting', progress: { done: 0, total: 0 } });
      try {
        await turnOnLock(db, passphrase, (progress) => set({ kind: 'working', direction: 'encrypting', progress }));
      } finally {
        set({ kind: (await getLockRecord(db)) === null ? 'off' : 'unlocked' });
      }
    },
    async turnOff(passphrase) {
      await flushAllSaves();
      try {
        await turnOffLock(db, passphrase, (progress) => set({ kind: 'working', direction: 'decrypting', progress }));
      } catch (error) {
        // A wrong passphrase changes nothing; a failure part way is finished after the next unlock.
        set({ kind: 'unlocked' });
        throw error;
      }
      if (platform.transport === 'electron') await platform.invoke('deviceKey.forget', {}).catch(() => undefined);
      set({ kind: 'off' });
    },
    async changePassphrase(current, next) {
      await flushAllSaves();
      try {
        await changePassphrase(db, current, next, {
          onProgress: (progress) => set({ kind: 'working', direction: 'resealing', progress }),
        });
      } finally {
        // A wrong passphrase changes nothing; a failure part way is finished after the next unlock.
        set({ kind: 'unlocked' });
      }
      // A remembered key is the old one, which no longer opens anything.
      if (platform.transport === 'electron') await platform.invoke('deviceKey.forget', {}).catch(() => undefined);
    },
    async remember(on, passphrase) {
      if (!on) {
        await platform.invoke('deviceKey.forget', {});
        return null;
      }
      if (passphrase === undefined) throw new Error('Give your passphrase to remember the key.');
      const answer = await platform.invoke('deviceKey.remember', {
        key: await currentKeyForRemembering(db, passphrase),
      });
      return answer.ok ? null : answer.message;
    },
  };
}
