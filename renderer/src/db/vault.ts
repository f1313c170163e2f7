import { base64ToBytes, bytesToBase64 } from '@core/base64';

/**
 * The cryptography of the app lock, on WebCrypto alone:
 * - a random AES-GCM-256 data key encrypts records (a fresh 96-bit IV each time; `sealing.ts` binds
 *   each record to its table, its primary key and the format version as additional data);
 * - the data key is stored only wrapped (AES-GCM) by a key derived from the passphrase with
 *   PBKDF2-SHA-256 over a random 16-byte salt, 600,000 iterations (OWASP's 2023 figure);
 * - a "key check" (a known text sealed with the data key) tells a right key from a wrong one
 *   without trying it on people's data.
 * The data key's bytes exist only inside this module's wrap and unwrap functions: every key they
 * hand out is non-extractable, so nothing else in the page can read it back out of WebCrypto.
 * Nothing here touches Dexie; `sealing.ts` applies it to tables.
 */

export const pbkdf2Iterations = 600_000;
const keyCheckText = 'chorus-key-check-v1';
const dataKeyLength = 32;
const previousKeyContext = 'previous-key';

export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** How the data key is kept at rest: wrapped by the passphrase's key. Stored in `settings`. */
export interface WrappedKey {
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: Uint8Array<ArrayBuffer> };
  wrapped: Sealed;
  /** `keyCheckText` sealed with the data key. */
  check: Sealed;
}

/** A data key ready for use, and how it is kept at rest. */
export interface NewDataKey {
  key: CryptoKey;
  wrapped: WrappedKey;
}

/** Raised when a passphrase (or a remembered key) does not open the data key. */
export class WrongKey extends Error {
  override name = 'WrongKey';
}

const subtle = () => globalThis.crypto.subtle;
const randomBytes = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length));

async function passphraseKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await subtle().importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** A data key from its bytes, for use only: it cannot be exported again. */
function importForUse(bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return subtle().importKey('raw', bytes, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function sealBytes(key: CryptoKey, bytes: Uint8Array<ArrayBuffer>, context: string): Promise<Sealed> {
  const iv = randomBytes(12);
  const data = await subtle().encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
    key,
    bytes,
  );
  return { iv, data };
}

/** Opens sealed bytes; a wrong key or changed bytes fail the GCM tag check and throw. */
export async function openBytes(key: CryptoKey, sealed: Sealed, context: string): Promise<Uint8Array<ArrayBuffer>> {
  const plain = await subtle().decrypt(
    { name: 'AES-GCM', iv: sealed.iv, additionalData: new TextEncoder().encode(context) },
    key,
    sealed.data,
  );
  return new Uint8Array(plain);
}

/**
 * Wraps key bytes under a passphrase, with a fresh salt. AES-GCM over the raw bytes without
 * additional data is exactly what WebCrypto's `wrapKey('raw', …)` wrote before, so keys wrapped
 * either way open the same.
 */
async function wrapBytes(bytes: Uint8Array<ArrayBuffer>, passphrase: string, iterations: number): Promise<WrappedKey> {
  const salt = randomBytes(16);
  const wrappingKey = await passphraseKey(passphrase, salt, iterations);
  const iv = randomBytes(12);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv }, wrappingKey, bytes);
  return {
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt },
    wrapped: { iv, data },
    check: await sealBytes(await importForUse(bytes), new TextEncoder().encode(keyCheckText), 'key-check'),
  };
}

async function unwrapBytes(stored: WrappedKey, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  const wrappingKey = await passphraseKey(passphrase, stored.kdf.salt, stored.kdf.iterations);
  try {
    const bytes = new Uint8Array(
      await subtle().decrypt({ name: 'AES-GCM', iv: stored.wrapped.iv }, wrappingKey, stored.wrapped.data),
    );
    if (bytes.length !== dataKeyLength) throw new Error('not a data key');
    return bytes;
  } catch {
    throw new WrongKey('That passphrase does not unlock Chorus.');
  }
}

/** A new random data key, wrapped under a passphrase. */
export async function createDataKey(passphrase: string, iterations = pbkdf2Iterations): Promise<NewDataKey> {
  const bytes = randomBytes(dataKeyLength);
  const wrapped = await wrapBytes(bytes, passphrase, iterations);
  const key = await importForUse(bytes);
  bytes.fill(0);
  return { key, wrapped };
}

/** Opens the data key with a passphrase, or throws `WrongKey`. */
export async function unwrapDataKey(stored: WrappedKey, passphrase: string): Promise<CryptoKey> {
  const bytes = await unwrapBytes(stored, passphrase);
  const key = await importForUse(bytes);
  bytes.fill(0);
  return key;
}

/**
 * The data key's bytes, in base64, for "Remember on this device" to hand to the OS keychain: only
 * with the passphrase, never from a key in use.
 */
export async function exportDataKeyWithPassphrase(stored: WrappedKey, passphrase: string): Promise<string> {
  const bytes = await unwrapBytes(stored, passphrase);
  const base64 = bytesToBase64(bytes);
  bytes.fill(0);
  return base64;
}

/** What a passphrase change makes: a new data key, and the old one sealed under it. */
export interface ReplacedDataKey extends NewDataKey {
  previousKey: CryptoKey;
  /** The old key's bytes sealed by the new key, so the new passphrase opens both while records move. */
  previous: Sealed;
}

/** Opens the old data key with the current passphrase (or throws `WrongKey`), then makes a new one. */
export async function replaceDataKey(
  stored: WrappedKey,
  current: string,
  next: string,
  iterations = pbkdf2Iterations,
): Promise<ReplacedDataKey> {
  const oldBytes = await unwrapBytes(stored, current);
  const { key, wrapped } = await createDataKey(next, iterations);
  const previous = await sealBytes(key, oldBytes, previousKeyContext);
  const previousKey = await importForUse(oldBytes);
  oldBytes.fill(0);
  return { key, wrapped, previousKey, previous };
}

/** Opens the old key `replaceDataKey` kept. */
export async function openKeySealedUnder(sealed: Sealed, newKey: CryptoKey): Promise<CryptoKey> {
  const bytes = await openBytes(newKey, sealed, previousKeyContext);
  const key = await importForUse(bytes);
  bytes.fill(0);
  return key;
}

/** Whether a key (a remembered one, say) is this database's data key. */
export async function isDataKey(stored: WrappedKey, key: CryptoKey): Promise<boolean> {
  try {
    const text = new TextDecoder().decode(await openBytes(key, stored.check, 'key-check'));
    return text === keyCheckText;
  } catch {
    return false;
  }
}

/** A remembered key, for use only. */
export async function importDataKey(base64: string): Promise<CryptoKey> {
  const bytes = base64ToBytes(base64);
  if (bytes.length !== dataKeyLength) throw new WrongKey('That is not a data key.');
  return importForUse(bytes);
}

/**
 * A record's fields as bytes: JSON, with any Blob (an image) carried as raw bytes after it, so
 * sealing needs no base64 and opening gives back a Blob of the same type.
 * Layout: 4-byte big-endian JSON length, the JSON, then the blobs' bytes in order.
 */
export async function encodeFields(fields: Record<string, unknown>): Promise<Uint8Array<ArrayBuffer>> {
  const blobs: { field: string; type: string; size: number }[] = [];
  const parts: Uint8Array[] = [];
  const plain: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (value instanceof Blob) {
      blobs.push({ field, type: value.type, size: value.size });
      parts.push(new Uint8Array(await value.arrayBuffer()));
    } else {
      plain[field] = value;
    }
  }
  const json = new TextEncoder().encode(JSON.stringify({ fields: plain, blobs }));
  const total = 4 + json.length + parts.reduce((sum, part) => sum + part.length, 0);
  const bytes = new Uint8Array(total);
  new DataView(bytes.buffer).setUint32(0, json.length);
  bytes.set(json, 4);
  let offset = 4 + json.length;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

export function decodeFields(bytes: Uint8Array): Record<string, unknown> {
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const { fields, blobs } = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as {
    fields: Record<string, unknown>;
    blobs: { field: string; type: string; size: number }[];
  };
  let offset = 4 + length;
  for (const blob of blobs) {
    fields[blob.field] = new Blob([bytes.slice(offset, offset + blob.size)], { type: blob.type });
    offset += blob.size;
  }
  return fields;
}
