/**
 * Asks the browser to keep this origin's data even under storage pressure. Chromium grants it
 * silently to installed apps and often to sites in use; a refusal changes nothing else.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!('storage' in navigator)) return false;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}

/** True for the errors IndexedDB gives when the disk or the origin's quota is full. */
export function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'QuotaExceededError') return true;
  const inner = (error as { inner?: unknown }).inner;
  return inner instanceof Error && inner.name === 'QuotaExceededError';
}
