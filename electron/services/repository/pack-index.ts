import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import zlib from 'node:zlib';
import {
  applyDelta,
  maxEntryHeaderBytes,
  readDeltaSizes,
  readEntryHeader,
  type EntryHeader,
  type PackObjectType,
} from './pack-format';

/**
 * Indexing a pack received from a remote without ever holding an object larger than
 * `maxObjectBytes`: each entry's header gives its type and inflated size before anything is
 * inflated. An object within the limit is inflated whole (it may be the base of a delta); a larger
 * one is inflated in chunks while it is hashed, so it gets its id and its place in the index but is
 * never in memory. A delta whose own data, base or result is over the limit is not applied: the
 * object it would make is left out of the index, and counted in `unresolved`.
 *
 * isomorphic-git's `GitPackIndex.fromPack` inflates every object whole to hash it (and copies it
 * once more to prefix its header), which took a 1.2 GB blob that compresses to a megabyte to
 * 4.9 GB of memory; this replaces it for fetches (see docs/repository-format.md).
 */

/** The pack could not be read as a pack: damaged or hostile. */
export class PackError extends Error {
  override name = 'PackError';
}

export interface IndexedPack {
  /** The pack's own checksum (its last 20 bytes), which names its files. */
  packSha: string;
  /** The index file's bytes (version 2). */
  idx: Buffer;
  objectCount: number;
  /** Objects over the limit that are in the index, by id, with their size. */
  oversized: Map<string, number>;
  /** Deltas that were not applied, with the size each claimed to make (null when unknown). */
  unresolved: { offset: number; resultSize: number | null; reason: string }[];
}

export interface IndexPackOptions {
  maxObjectBytes: number;
}

/** How much of the file is read at a time while inflating in chunks. */
const chunkBytes = 256 * 1024;
/** Memory kept for resolved objects that later deltas may use as their base. */
const baseCacheBytes = 32 * 1024 * 1024;
/** Deeper chains than git ever writes (its default is 50) are not followed. */
const maxDeltaDepth = 128;

interface Entry {
  offset: number;
  header: EntryHeader;
  dataStart: number;
  end: number;
  crc: number;
  oid?: string;
  type?: PackObjectType;
}

function objectId(type: PackObjectType, data: Uint8Array): string {
  return createHash('sha1').update(`${type} ${data.byteLength}\0`).update(data).digest('hex');
}

class BaseCache {
  private bytes = 0;
  private readonly map = new Map<number, { type: PackObjectType; data: Uint8Array }>();
  get(offset: number) {
    const value = this.map.get(offset);
    if (value !== undefined) {
      this.map.delete(offset);
      this.map.set(offset, value);
    }
    return value;
  }
  set(offset: number, value: { type: PackObjectType; data: Uint8Array }) {
    if (value.data.byteLength > baseCacheBytes / 4 || this.map.has(offset)) return;
    this.map.set(offset, value);
    this.bytes += value.data.byteLength;
    for (const [key, old] of this.map) {
      if (this.bytes <= baseCacheBytes) break;
      this.map.delete(key);
      this.bytes -= old.data.byteLength;
    }
  }
}

async function readAt(handle: FileHandle, position: number, length: number, fileSize: number): Promise<Buffer> {
  const wanted = Math.max(0, Math.min(length, fileSize - position));
  const buffer = Buffer.alloc(wanted);
  let done = 0;
  while (done < wanted) {
    const { bytesRead } = await handle.read(buffer, done, wanted - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return buffer.subarray(0, done);
}

/**
 * Inflates the zlib stream at `position` chunk by chunk, handing each piece of output to `onData`,
 * and stops with an error once more than `maxOutput` bytes come out. Answers how many compressed
 * bytes the stream took (zlib stops at its end, so what follows is never read as part of it).
 */
function inflateFrom(
  handle: FileHandle,
  position: number,
  fileSize: number,
  maxOutput: number,
  onData: (chunk: Buffer) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflate();
    let produced = 0;
    let ended = false;
    let failed = false;
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.byteLength;
      if (produced > maxOutput) {
        failed = true;
        inflate.destroy();
        reject(new PackError('An object in the pack is larger than its header says.'));
        return;
      }
      onData(chunk);
    });
    inflate.on('error', (error) => {
      if (failed) return;
      failed = true;
      reject(new PackError(`An object in the pack could not be inflated (${error.message}).`));
    });
    inflate.on('end', () => {
      ended = true;
      if (!failed) resolve(inflate.bytesWritten);
    });
    const pump = async () => {
      let at = position;
      while (!ended && !failed && at < fileSize) {
        const chunk = await readAt(handle, at, chunkBytes, fileSize);
        at += chunk.byteLength;
        await new Promise<void>((done) => {
          if (!inflate.write(chunk)) inflate.once('drain', done);
          else done();
        });
        // Let zlib's output and its end arrive before deciding whether to read on.
        await new Promise<void>((done) => setImmediate(done));
      }
      if (!ended && !failed) inflate.end();
    };
    pump().catch((error: unknown) => {
      if (failed) return;
      failed = true;
      inflate.destroy();
      reject(error instanceof Error ? error : new PackError(String(error)));
    });
  });
}

/** The whole object at `dataStart`, whose inflated size is `size` (at most the limit); and the bytes it took. */
async function inflateWhole(
  handle: FileHandle,
  dataStart: number,
  size: number,
  fileSize: number,
  knownEnd?: number,
): Promise<{ data: Buffer; consumed: number }> {
  // Most entries are small: one read and one synchronous inflate. Deflate adds at most a few bytes
  // per 16 KB block, so this window nearly always holds the whole stream; when it does not (or the
  // stream is odd), the chunked path below decides.
  const window = knownEnd ?? dataStart + size + Math.ceil(size / 1024) + 1024;
  const input = await readAt(handle, dataStart, window - dataStart, fileSize);
  try {
    const { buffer, engine } = zlib.inflateSync(input, {
      info: true,
      maxOutputLength: Math.max(1, size),
    }) as unknown as {
      buffer: Buffer;
      engine: { bytesWritten: number };
    };
    if (buffer.byteLength === size) return { data: buffer, consumed: engine.bytesWritten };
  } catch {
    // Too short a window, or a damaged stream: the chunked path gives the verdict.
  }
  const chunks: Buffer[] = [];
  const consumed = await inflateFrom(handle, dataStart, fileSize, size, (chunk) => chunks.push(chunk));
  const data = Buffer.concat(chunks);
  if (data.byteLength !== size) throw new PackError('An object in the pack is shorter than its header says.');
  return { data, consumed };
}

async function crcOf(handle: FileHandle, start: number, end: number, fileSize: number): Promise<number> {
  let crc = 0;
  for (let at = start; at < end; at += chunkBytes) {
    crc = zlib.crc32(await readAt(handle, at, Math.min(chunkBytes, end - at), fileSize), crc);
  }
  return crc >>> 0;
}

/** Indexes the pack in `packPath`, whose checksum the caller has already checked. */
export async function indexPack(packPath: string, options: IndexPackOptions): Promise<IndexedPack> {
  const max = options.maxObjectBytes;
  const handle = await open(packPath, 'r');
  try {
    const fileSize = (await handle.stat()).size;
    if (fileSize >= 2 ** 31) throw new PackError('The pack is larger than 2 GB.');
    const head = await readAt(handle, 0, 12, fileSize);
    if (fileSize < 32 || head.toString('latin1', 0, 4) !== 'PACK') {
      throw new PackError('This is not a git pack.');
    }
    const version = head.readUInt32BE(4);
    if (version !== 2 && version !== 3) throw new PackError(`The pack is of version ${version}, not 2 or 3.`);
    const count = head.readUInt32BE(8);
    const packEnd = fileSize - 20;
    // Each entry takes at least two bytes, so a count larger than the pack could hold is a lie.
    if (count > (packEnd - 12) / 2) throw new PackError('The pack claims more objects than it holds.');
    const packSha = (await readAt(handle, packEnd, 20, fileSize)).toString('hex');

    const entries: Entry[] = [];
    const byOffset = new Map<number, Entry>();
    const offsetByOid = new Map<string, number>();
    const oversized = new Map<string, number>();
    const cache = new BaseCache();

    /** The object at `entry`, within the limit, or null; `inflated` is its data when the caller has it already. */
    const resolve = async (
      entry: Entry,
      depth: number,
      inflated?: Buffer,
    ): Promise<{ type: PackObjectType; data: Uint8Array } | null> => {
      const cached = cache.get(entry.offset);
      if (cached !== undefined) return cached;
      const { header } = entry;
      if (header.size > max) return null;
      const data = inflated ?? (await inflateWhole(handle, entry.dataStart, header.size, fileSize, entry.end)).data;
      if (header.kind === 'whole') {
        const value = { type: header.type, data };
        cache.set(entry.offset, value);
        return value;
      }
      const sizes = readDeltaSizes(data);
      if (!sizes.ok || sizes.value.resultSize > max || sizes.value.baseSize > max || depth > maxDeltaDepth) return null;
      let base: { type: PackObjectType; data: Uint8Array } | null = null;
      const baseOffset =
        header.kind === 'ofs-delta' ? entry.offset - header.baseDistance : offsetByOid.get(header.baseOid);
      // A base outside the pack would come only in a thin pack, which is never asked for.
      const baseEntry = baseOffset === undefined ? undefined : byOffset.get(baseOffset);
      if (baseEntry !== undefined) base = await resolve(baseEntry, depth + 1);
      if (base === null) return null;
      const applied = applyDelta(data, base.data, max);
      if (!applied.ok) return null;
      const value = { type: base.type, data: applied.value };
      cache.set(entry.offset, value);
      return value;
    };

    let offset = 12;
    for (let index = 0; index < count; index += 1) {
      if (offset >= packEnd) throw new PackError('The pack ends before all its objects.');
      const parsed = readEntryHeader(await readAt(handle, offset, maxEntryHeaderBytes, packEnd), 0);
      if (!parsed.ok) throw new PackError(parsed.reason);
      const header = parsed.value;
      if (header.kind === 'ofs-delta' && !byOffset.has(offset - header.baseDistance)) {
        throw new PackError('A delta in the pack names a base that is not there.');
      }
      const dataStart = offset + header.length;
      const entry: Entry = { offset, header, dataStart, end: 0, crc: 0 };
      if (header.size <= max) {
        const { data, consumed } = await inflateWhole(handle, dataStart, header.size, packEnd);
        entry.end = dataStart + consumed;
        if (header.kind === 'whole') {
          entry.type = header.type;
          entry.oid = objectId(header.type, data);
          cache.set(offset, { type: header.type, data });
        } else {
          // Most deltas name a base already read, so they are made now rather than inflated again later.
          const object = await resolve(entry, 0, data);
          if (object !== null) {
            entry.type = object.type;
            entry.oid = objectId(object.type, object.data);
          }
        }
      } else if (header.kind === 'whole') {
        const hash = createHash('sha1').update(`${header.type} ${header.size}\0`);
        let produced = 0;
        const consumed = await inflateFrom(handle, dataStart, packEnd, header.size, (chunk) => {
          produced += chunk.byteLength;
          hash.update(chunk);
        });
        if (produced !== header.size) throw new PackError('An object in the pack is shorter than its header says.');
        entry.end = dataStart + consumed;
        entry.type = header.type;
        entry.oid = hash.digest('hex');
        oversized.set(entry.oid, header.size);
      } else {
        entry.end = dataStart + (await inflateFrom(handle, dataStart, packEnd, header.size, () => undefined));
      }
      entry.crc = await crcOf(handle, offset, entry.end, packEnd);
      if (entry.oid !== undefined) offsetByOid.set(entry.oid, offset);
      entries.push(entry);
      byOffset.set(offset, entry);
      offset = entry.end;
    }
    if (offset !== packEnd) throw new PackError('The pack has bytes after its last object.');

    // Deltas, as often as one resolved lets another (a reference delta may name a later object).
    let pending = entries.filter((entry) => entry.oid === undefined);
    for (let progress = true; progress && pending.length > 0;) {
      progress = false;
      for (const entry of pending) {
        const object = await resolve(entry, 0);
        if (object === null) continue;
        entry.type = object.type;
        entry.oid = objectId(object.type, object.data);
        offsetByOid.set(entry.oid, entry.offset);
        progress = true;
      }
      pending = pending.filter((entry) => entry.oid === undefined);
    }

    const unresolved: IndexedPack['unresolved'] = [];
    for (const entry of pending) {
      let resultSize: number | null = null;
      if (entry.header.size <= max) {
        const { data } = await inflateWhole(handle, entry.dataStart, entry.header.size, packEnd, entry.end);
        const sizes = readDeltaSizes(data);
        if (sizes.ok) resultSize = sizes.value.resultSize;
      }
      unresolved.push({
        offset: entry.offset,
        resultSize,
        reason: resultSize !== null && resultSize <= max ? 'its base is too large or missing' : 'it is too large',
      });
    }
    const indexed = entries.filter((entry): entry is Entry & { oid: string } => entry.oid !== undefined);
    return { packSha, idx: writeIdx(indexed, packSha), objectCount: count, oversized, unresolved };
  } finally {
    await handle.close();
  }
}

/** A pack index, version 2 (gitformat-pack): fan-out, sorted ids, CRCs, offsets, the pack's and its own checksums. */
function writeIdx(entries: readonly (Entry & { oid: string })[], packSha: string): Buffer {
  const unique = new Map(entries.map((entry) => [entry.oid, entry]));
  const sorted = [...unique.values()].sort((a, b) => (a.oid < b.oid ? -1 : a.oid > b.oid ? 1 : 0));
  const n = sorted.length;
  const body = Buffer.alloc(8 + 256 * 4 + n * 28 + 20);
  body.writeUInt32BE(0xff744f63, 0);
  body.writeUInt32BE(2, 4);
  // Entry `byte` of the fan-out counts the ids whose first byte is at most `byte`.
  let counted = 0;
  for (let byte = 0; byte < 256; byte += 1) {
    while (counted < n && Number.parseInt(sorted[counted]?.oid.slice(0, 2) ?? 'ff', 16) <= byte) counted += 1;
    body.writeUInt32BE(counted, 8 + byte * 4);
  }
  const ids = 8 + 256 * 4;
  sorted.forEach((entry, index) => {
    body.write(entry.oid, ids + index * 20, 'hex');
    body.writeUInt32BE(entry.crc, ids + n * 20 + index * 4);
    body.writeUInt32BE(entry.offset, ids + n * 24 + index * 4);
  });
  body.write(packSha, ids + n * 28, 'hex');
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

/** Where `oid` sits in a pack, from that pack's version 2 index, or null when it is not there. */
export function findInIdx(idx: Buffer, oid: string): number | null {
  if (idx.byteLength < 8 + 1024 + 40 || idx.readUInt32BE(0) !== 0xff744f63 || idx.readUInt32BE(4) !== 2) return null;
  const first = Number.parseInt(oid.slice(0, 2), 16);
  const n = idx.readUInt32BE(8 + 255 * 4);
  if (idx.byteLength < 8 + 1024 + n * 28 + 40) return null;
  let low = first === 0 ? 0 : idx.readUInt32BE(8 + (first - 1) * 4);
  let high = idx.readUInt32BE(8 + first * 4);
  const target = Buffer.from(oid, 'hex');
  const ids = 8 + 1024;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = Buffer.compare(idx.subarray(ids + middle * 20, ids + middle * 20 + 20), target);
    if (order === 0) {
      const offset = idx.readUInt32BE(ids + n * 24 + middle * 4);
      // Offsets of 2 GB and more sit in a further table; packs that large are refused here.
      return offset & 0x80000000 ? null : offset;
    }
    if (order < 0) low = middle + 1;
    else high = middle;
  }
  return null;
}
