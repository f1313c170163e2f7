import { newId } from '@core/ids';
import { isAllowedImageType, maxImageBytes, maxImageSize } from '@core/document/images';
import type { ChorusDb } from './database';
import { systemClock } from '@core/clock';

export class ImageRejected extends Error {
  override name = 'ImageRejected';
}

/**
 * Images live as Blobs in their own table and documents refer to them by id, so a document never
 * carries base64 and the same image can be shown, exported or encrypted in one place.
 */
export function createImageStore(db: ChorusDb) {
  const urls = new Map<string, string>();
  return {
    async store(blob: Blob): Promise<string> {
      if (!isAllowedImageType(blob.type)) throw new ImageRejected('Only PNG, JPEG, GIF and WebP images can be added.');
      if (blob.size > maxImageBytes) throw new ImageRejected(`Pictures can be up to ${maxImageSize}.`);
      const id = newId();
      await db.images.add({ id, blob, createdAt: systemClock.now() });
      return id;
    },
    /** An object URL for the image, created once per id and store. */
    async resolve(imageId: string): Promise<string | null> {
      const known = urls.get(imageId);
      if (known !== undefined) return known;
      const record = await db.images.get(imageId);
      if (record === undefined) return null;
      const url = URL.createObjectURL(record.blob);
      urls.set(imageId, url);
      return url;
    },
    /** Frees the object URLs; call when the editor that used them closes. */
    release(): void {
      for (const url of urls.values()) URL.revokeObjectURL(url);
      urls.clear();
    },
  };
}
