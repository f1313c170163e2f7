import { session } from 'electron';

/**
 * For `data.erase`: everything the app's page kept in its session (IndexedDB, local storage, Cache
 * Storage, service workers, cookies) and Chromium's HTTP cache. The printer's in-memory session
 * keeps nothing on disk, so it needs no clearing.
 */
export async function clearAppBrowserStorage(): Promise<void> {
  await session.defaultSession.clearStorageData();
  await session.defaultSession.clearCache();
}
