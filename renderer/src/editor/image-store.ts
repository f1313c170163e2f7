/**
 * Where the editor keeps picture bytes. Documents only ever hold an image id; the bytes live in
 * this store (the db layer implements it over IndexedDB), so a document stays small, hashable and
 * free of `data:` URLs.
 */
export interface ImageStore {
  /** Keeps the picture and returns its new id, which matches {@link SAFE_IMAGE_ID}. */
  store(blob: Blob): Promise<string>;
  /**
   * An object URL for showing the picture, or null when the store does not have it. The store owns
   * the URL (it may cache it and revoke it later); the editor never revokes it.
   */
  resolve(imageId: string): Promise<string | null>;
}

import { safeIdPattern } from '@core/ids';

/** Image ids are short and drawn from a safe alphabet, so they are harmless in HTML, file names and URLs. */
export const SAFE_IMAGE_ID = safeIdPattern;

export function isSafeImageId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_IMAGE_ID.test(value);
}

/**
 * A store with no pictures, for documents whose pictures are not on this device: pictures are not
 * published yet (docs/repository-format.md), so the library's documents name a picture only by the
 * id it had on its author's device, and each one shows as not available, with its description.
 * The review's preview of what trainers will see uses it too, so it shows them exactly that.
 */
export const noPictures: ImageStore = {
  store: () => Promise.reject(new Error('These pictures are read only.')),
  resolve: () => Promise.resolve(null),
};
