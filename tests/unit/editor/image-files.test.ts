import { describe, expect, it } from 'vitest';
import { maxImageBytes, maxImageSize } from '@core/document/images';
import {
  checkImageFile,
  imageBlobFromBytes,
  imageBlobFromDataUrl,
  sniffImageType,
} from '../../../renderer/src/editor/image-files';
import { tinyPng, tinyPngDataUrl } from '../../helpers/editor';

const signatures = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff, 0xe0],
  'image/gif': [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
  'image/webp': [0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50],
} as const;

describe('picture files', () => {
  it('tells the format by the bytes, not by what the file claims to be', async () => {
    for (const [type, bytes] of Object.entries(signatures)) {
      expect(sniffImageType(Uint8Array.from(bytes))).toBe(type);
    }
    expect(sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    // A PNG's bytes sent as JPEG are kept as the PNG they are; text sent as PNG is refused.
    const png = await checkImageFile(new Blob([tinyPng], { type: 'image/jpeg' }));
    expect(png?.type).toBe('image/png');
    expect(await checkImageFile(new Blob(['not a picture'], { type: 'image/png' }))).toBeNull();
  });

  it(`refuses empty pictures and pictures over ${maxImageSize}, the size every message names`, async () => {
    expect(maxImageSize).toBe('10 MB');
    expect(imageBlobFromBytes(new Uint8Array(0))).toBeNull();
    const atLimit = new Uint8Array(maxImageBytes);
    atLimit.set(signatures['image/png']);
    expect(imageBlobFromBytes(atLimit)?.size).toBe(maxImageBytes);
    const over = new Uint8Array(maxImageBytes + 1);
    over.set(signatures['image/png']);
    expect(imageBlobFromBytes(over)).toBeNull();
    expect(await checkImageFile(new Blob([over], { type: 'image/png' }))).toBeNull();
  });

  it('reads base64 data: pictures and nothing else', () => {
    expect(imageBlobFromDataUrl(tinyPngDataUrl)?.type).toBe('image/png');
    expect(imageBlobFromDataUrl(`data:image/png,${encodeURIComponent('<svg/>')}`)).toBeNull();
    expect(imageBlobFromDataUrl('data:image/png;base64,!!!')).toBeNull();
    expect(imageBlobFromDataUrl('https://example.org/picture.png')).toBeNull();
  });
});
