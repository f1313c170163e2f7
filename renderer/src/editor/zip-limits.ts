/**
 * A Word document is a zip, and a small zip can unpack to gigabytes. Before any zip library
 * inflates it, its central directory is read for the sizes each file claims, and each deflated
 * file is then inflated as a stream that is stopped the moment it passes its claim or the limit,
 * so a lying directory cannot make the page hold more than `maxBytes` at once.
 */

/** Why a zip was refused: unreadable as a zip, or larger than allowed once unpacked. */
export type ZipRefusal = 'damaged' | 'too-large';

export class ZipRefused extends Error {
  override readonly name = 'ZipRefused';
  readonly reason: ZipRefusal;

  constructor(reason: ZipRefusal, message: string) {
    super(message);
    this.reason = reason;
  }
}

interface Entry {
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const endOfDirectorySignature = 0x06054b50;
const directorySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
/** ZIP64 marks a size or offset with all bits set; no Word document needs it. */
const zip64Marker = 0xffffffff;

function readEntries(bytes: Uint8Array): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (view.getUint32(at, true) === endOfDirectorySignature) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new ZipRefused('damaged', 'no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: Entry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== directorySignature) {
      throw new ZipRefused('damaged', 'central directory entry out of place');
    }
    const entry = {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    if ([entry.compressedSize, entry.uncompressedSize, entry.localHeaderOffset].includes(zip64Marker)) {
      throw new ZipRefused('too-large', 'ZIP64 entry');
    }
    entries.push(entry);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

function compressedData(bytes: Uint8Array, entry: Entry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== localHeaderSignature) {
    throw new ZipRefused('damaged', 'local header out of place');
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipRefused('damaged', 'entry runs past the end');
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Inflates one entry as a stream, counting, and stops as soon as it outgrows `limit`. */
async function inflatedSize(data: Uint8Array, limit: number): Promise<number> {
  const stream = new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let total = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return total;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        return total;
      }
    }
  } catch {
    throw new ZipRefused('damaged', 'an entry does not inflate');
  }
}

/**
 * Refuses a zip whose files, unpacked, would hold more than `maxBytes` in all, by what its
 * directory claims and by what each deflated file really inflates to. Resolves when it is safe.
 */
export async function checkZipSizes(bytes: Uint8Array, maxBytes: number): Promise<void> {
  const entries = readEntries(bytes);
  let claimed = 0;
  for (const entry of entries) claimed += entry.uncompressedSize;
  if (claimed > maxBytes) throw new ZipRefused('too-large', `claims ${claimed} bytes unpacked`);
  let actual = 0;
  for (const entry of entries) {
    const data = compressedData(bytes, entry);
    if (entry.method === 0) {
      actual += data.byteLength;
    } else if (entry.method === 8) {
      // Never more than it claims (a lie is a damaged file) nor than what is left of the limit.
      const size = await inflatedSize(data, Math.min(entry.uncompressedSize, maxBytes - actual));
      if (size > entry.uncompressedSize) throw new ZipRefused('damaged', 'an entry inflates past its claimed size');
      actual += size;
    } else {
      throw new ZipRefused('damaged', `compression method ${entry.method}`);
    }
    if (actual > maxBytes) throw new ZipRefused('too-large', `unpacks past ${maxBytes} bytes`);
  }
}
