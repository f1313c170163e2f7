import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { maxEntryHeaderBytes, readDeltaSizes, readEntryHeader, readLooseHeader } from './pack-format';
import { findInIdx } from './pack-index';

/**
 * How large an object in a local git folder is, from its header alone: a loose object's first
 * inflated bytes (`blob 1234\0`), or a packed object's entry header (for a delta, the result size
 * at the start of its data, from inflating only its first bytes). Nothing is inflated whole, so a
 * caller can refuse an object by its size before reading it. Null when the object is not here.
 */
export async function objectSize(gitdir: string, oid: string, indexes: Map<string, Buffer>): Promise<number | null> {
  if (!/^[0-9a-f]{40}$/.test(oid)) return null;
  const loose = await readStart(path.join(gitdir, 'objects', oid.slice(0, 2), oid.slice(2)), 0, 256);
  if (loose !== null) {
    const header = readLooseHeader(inflateStart(loose));
    return header.ok ? header.value.size : null;
  }
  const packDir = path.join(gitdir, 'objects', 'pack');
  const names = await readdir(packDir).catch(() => [] as string[]);
  for (const name of names.filter((entry) => /^pack-[0-9a-f]{40}\.idx$/.test(entry))) {
    let idx = indexes.get(name);
    if (idx === undefined) {
      idx = await readFile(path.join(packDir, name));
      indexes.set(name, idx);
    }
    const offset = findInIdx(idx, oid);
    if (offset === null) continue;
    const packFile = path.join(packDir, name.replace(/\.idx$/, '.pack'));
    const start = await readStart(packFile, offset, maxEntryHeaderBytes);
    const entry = start === null ? null : readEntryHeader(start, 0);
    if (entry === null || !entry.ok) return null;
    if (entry.value.kind === 'whole') return entry.value.size;
    const data = await readStart(packFile, offset + entry.value.length, 256);
    const sizes = data === null ? null : readDeltaSizes(inflateStart(data));
    return sizes?.ok === true ? sizes.value.resultSize : null;
  }
  return null;
}

async function readStart(file: string, position: number, length: number): Promise<Buffer | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return null;
  }
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** What the first compressed bytes of a zlib stream inflate to: at most about a thousand times their length. */
function inflateStart(bytes: Buffer): Buffer {
  try {
    return zlib.inflateSync(bytes, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  } catch {
    return Buffer.alloc(0);
  }
}
