import { maxImageBytes, type AllowedImageType } from '@core/document/images';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

/**
 * The real format of picture bytes, read from their signature. A declared content type is only a
 * claim (a pasted `data:image/png` may hold anything), so what gets stored is decided here.
 */
export function sniffImageType(bytes: Uint8Array): AllowedImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) {
    return 'image/webp';
  }
  return null;
}

/** A Blob of the bytes with their sniffed type, or null when they are not an allowed picture or too big. */
export function imageBlobFromBytes(bytes: Uint8Array): Blob | null {
  if (bytes.byteLength === 0 || bytes.byteLength > maxImageBytes) return null;
  const type = sniffImageType(bytes);
  if (type === null) return null;
  // Copying into a fresh ArrayBuffer keeps the Blob independent of whatever buffer the bytes came from.
  return new Blob([bytes.slice()], { type });
}

/** Checks a picture chosen by the user or dropped in, and returns it with its real type. */
export async function checkImageFile(file: Blob): Promise<Blob | null> {
  if (file.size === 0 || file.size > maxImageBytes) return null;
  const bytes = new Uint8Array(await file.arrayBuffer());
  return imageBlobFromBytes(bytes);
}

const dataUrlPattern = /^data:(image\/[a-z0-9.+-]+)(?:;[a-z0-9=.+-]+)*;base64,([a-z0-9+/=\s]+)$/i;

/**
 * Decodes a base64 `data:` picture. Anything else (percent-encoded data, SVG, other types, broken
 * base64, oversized pictures) gives null, and the picture is left out.
 */
export function imageBlobFromDataUrl(url: string): Blob | null {
  const match = dataUrlPattern.exec(url.trim());
  const payload = match?.[2];
  if (payload === undefined) return null;
  const base64 = payload.replace(/\s+/g, '');
  // Base64 takes four characters for every three bytes; refusing early avoids decoding a huge string.
  if ((base64.length / 4) * 3 > maxImageBytes + 3) return null;
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return imageBlobFromBytes(bytes);
}
