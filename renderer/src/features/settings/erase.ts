import { eraseDatabases, type ChorusDb } from '../../db';
import type { Platform } from '../../platform';

/** Some of what Chorus keeps could not be erased; `parts` names each part in words fit to show. */
export class EraseIncomplete extends Error {
  override name = 'EraseIncomplete';
  constructor(readonly parts: readonly string[]) {
    super(`Could not erase: ${parts.join('; ')}`);
  }
}

async function clearCacheStorage(): Promise<void> {
  if (!('caches' in window)) return;
  for (const key of await caches.keys()) await caches.delete(key);
}

function clearWebStorage(): void {
  localStorage.clear();
  sessionStorage.clear();
}

/**
 * Erases everything Chorus keeps on this device, in order: the database (waiting until it is
 * really gone; `onBlocked` hears when another window holds it open), Cache Storage, local and
 * session storage, then what the host keeps (repository settings, token, local copy). Every part
 * is tried even when one fails, and the failures are thrown together, so nothing fails silently.
 * Returns the address to reload to: the first screen of a fresh start.
 */
export async function eraseEverything(db: ChorusDb, platform: Platform, onBlocked: () => void): Promise<string> {
  const failed: string[] = [];
  const attempt = async (part: string, run: () => unknown) => {
    try {
      await run();
    } catch {
      failed.push(part);
    }
  };
  await attempt('the drafts, history and everything else in Chorus’s database', () => eraseDatabases(db, onBlocked));
  await attempt('files the app keeps in its cache', clearCacheStorage);
  await attempt('the app’s stored preferences', clearWebStorage);
  await attempt('the repository settings and token', () => platform.invoke('data.erase', {}));
  if (failed.length > 0) throw new EraseIncomplete(failed);

  // Browser mode's session is an HttpOnly cookie the page cannot clear, so the reload stays signed in.
  return window.location.pathname;
}
