import { eraseDatabases, type ChorusDb } from '../../db';
import type { Platform } from '../../platform';

/** Some of what Chorus keeps could not be erased; `parts` names each part in words fit to show. */
export class EraseIncomplete extends Error {
  override name = 'EraseIncomplete';
  constructor(readonly parts: readonly string[]) {
    super(`Could not erase: ${parts.join('; ')}`);
  }
}

/**
 * Where browser mode keeps the web host's token for this tab (see platform/index.ts). It is the
 * key to this run of the host, not the person's data, but clearing session storage removes it, so
 * it is read first and handed back through the address on reload.
 */
const webHostTokenKey = 'chorus.webHostToken';

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
  const token = platform.transport === 'web' ? sessionStorage.getItem(webHostTokenKey) : null;

  await attempt('the drafts, history and everything else in Chorus’s database', () => eraseDatabases(db, onBlocked));
  await attempt('files the app keeps in its cache', clearCacheStorage);
  await attempt('the app’s stored preferences', clearWebStorage);
  await attempt('the repository settings and token', () => platform.invoke('data.erase', {}));
  if (failed.length > 0) throw new EraseIncomplete(failed);

  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  return `${window.location.pathname}${query}`;
}
