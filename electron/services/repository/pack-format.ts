/**
 * Reading git's pack format (gitformat-pack) from bytes that came from outside: an entry's header,
 * the sizes at the start of a delta, and applying a delta. Every size here is a claim made by the
 * sender, so nothing is allocated by a claimed size until the caller has compared it with its
 * limit, and every reader returns a reason instead of throwing on bytes it cannot read.
 */

export type PackObjectType = 'commit' | 'tree' | 'blob' | 'tag';

export type EntryHeader =
  | { kind: 'whole'; type: PackObjectType; size: number; length: number }
  | { kind: 'ofs-delta'; size: number; baseDistance: number; length: number }
  | { kind: 'ref-delta'; size: number; baseOid: string; length: number };

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** The most bytes an entry header can take: a 10-byte size and a 20-byte base object id. */
export const maxEntryHeaderBytes = 32;

/**
 * The largest size accepted from a varint: git itself writes sizes up to 2^64, but JavaScript
 * counts exactly only to 2^53, and a repository file of that size is a lie whatever it holds.
 */
const maxVarintValue = 2 ** 48;

const wholeTypes: Record<number, PackObjectType> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag' };

const truncated = { ok: false as const, reason: 'The pack ends in the middle of an entry.' };
const tooBig = { ok: false as const, reason: 'The pack claims a size too large to be true.' };

/**
 * An entry's header at `at`: its type and inflated size (type in bits 6–4 of the first byte, the
 * size's low four bits below them, then seven bits a byte, least significant first), followed for
 * an offset delta by the distance back to its base, for a reference delta by its base's id.
 */
export function readEntryHeader(bytes: Uint8Array, at: number): Parsed<EntryHeader> {
  let position = at;
  const first = bytes[position];
  if (first === undefined) return truncated;
  position += 1;
  const typeNumber = (first >> 4) & 0b111;
  let size = first & 0b1111;
  let scale = 16;
  let byte = first;
  while (byte & 0x80) {
    const next = bytes[position];
    if (next === undefined) return truncated;
    position += 1;
    byte = next;
    size += (byte & 0x7f) * scale;
    scale *= 128;
    if (size > maxVarintValue || scale > 2 ** 56) return tooBig;
  }
  const type = wholeTypes[typeNumber];
  if (type !== undefined) return { ok: true, value: { kind: 'whole', type, size, length: position - at } };
  if (typeNumber === 6) {
    // The distance is big-endian, and each continuation adds one before shifting (gitformat-pack).
    const head = bytes[position];
    if (head === undefined) return truncated;
    position += 1;
    let distance = head & 0x7f;
    byte = head;
    while (byte & 0x80) {
      const next = bytes[position];
      if (next === undefined) return truncated;
      position += 1;
      byte = next;
      distance = (distance + 1) * 128 + (byte & 0x7f);
      if (distance > maxVarintValue) return tooBig;
    }
    return { ok: true, value: { kind: 'ofs-delta', size, baseDistance: distance, length: position - at } };
  }
  if (typeNumber === 7) {
    if (position + 20 > bytes.byteLength) return truncated;
    const baseOid = Buffer.from(bytes.buffer, bytes.byteOffset + position, 20).toString('hex');
    return { ok: true, value: { kind: 'ref-delta', size, baseOid, length: position + 20 - at } };
  }
  return { ok: false, reason: `The pack holds an entry of unknown type ${typeNumber}.` };
}

/** A little-endian base-128 number at `at`, as a delta's sizes are written. */
function readDeltaVarint(bytes: Uint8Array, at: number): Parsed<{ value: number; next: number }> {
  let value = 0;
  let scale = 1;
  let position = at;
  for (;;) {
    const byte = bytes[position];
    if (byte === undefined) return truncated;
    position += 1;
    value += (byte & 0x7f) * scale;
    if (value > maxVarintValue) return tooBig;
    if (!(byte & 0x80)) return { ok: true, value: { value, next: position } };
    scale *= 128;
  }
}

export interface DeltaSizes {
  baseSize: number;
  resultSize: number;
  /** Where the instructions begin. */
  length: number;
}

/** The base's and the result's sizes that open a delta: enough of it to know what applying it would cost. */
export function readDeltaSizes(delta: Uint8Array): Parsed<DeltaSizes> {
  const base = readDeltaVarint(delta, 0);
  if (!base.ok) return base;
  const result = readDeltaVarint(delta, base.value.next);
  if (!result.ok) return result;
  return { ok: true, value: { baseSize: base.value.value, resultSize: result.value.value, length: result.value.next } };
}

/**
 * The object a delta makes from `base`. The result is allocated at its declared size only when that
 * is at most `maxResultBytes`; every copy and insert is checked against the base, the delta and the
 * result, so a hostile delta gives a reason, never an exception or a read out of bounds.
 */
export function applyDelta(delta: Uint8Array, base: Uint8Array, maxResultBytes: number): Parsed<Uint8Array> {
  const sizes = readDeltaSizes(delta);
  if (!sizes.ok) return sizes;
  const { baseSize, resultSize } = sizes.value;
  if (baseSize !== base.byteLength) return { ok: false, reason: 'A delta does not fit the object it changes.' };
  if (resultSize > maxResultBytes) return { ok: false, reason: 'A delta makes an object larger than allowed.' };
  const result = new Uint8Array(resultSize);
  let written = 0;
  let at = sizes.value.length;
  const bad = { ok: false as const, reason: 'A delta in the pack is damaged.' };
  while (at < delta.byteLength) {
    const op = delta[at] ?? 0;
    at += 1;
    if (op & 0x80) {
      let offset = 0;
      let size = 0;
      for (let bit = 0; bit < 4; bit += 1) {
        if (op & (1 << bit)) {
          const byte = delta[at];
          if (byte === undefined) return bad;
          offset += byte * 2 ** (8 * bit);
          at += 1;
        }
      }
      for (let bit = 0; bit < 3; bit += 1) {
        if (op & (1 << (4 + bit))) {
          const byte = delta[at];
          if (byte === undefined) return bad;
          size += byte * 2 ** (8 * bit);
          at += 1;
        }
      }
      if (size === 0) size = 0x10000;
      if (offset + size > base.byteLength || written + size > resultSize) return bad;
      result.set(base.subarray(offset, offset + size), written);
      written += size;
    } else if (op !== 0) {
      if (at + op > delta.byteLength || written + op > resultSize) return bad;
      result.set(delta.subarray(at, at + op), written);
      written += op;
      at += op;
    } else {
      return bad;
    }
  }
  if (written !== resultSize) return bad;
  return { ok: true, value: result };
}

/** The header of a loose object once inflated: `<type> <size>\0`. */
export function readLooseHeader(bytes: Uint8Array): Parsed<{ type: PackObjectType; size: number }> {
  const nul = bytes.indexOf(0);
  if (nul === -1 || nul > 32) return { ok: false, reason: 'The object has no header.' };
  const match = /^(commit|tree|blob|tag) (0|[1-9]\d{0,15})$/.exec(new TextDecoder().decode(bytes.subarray(0, nul)));
  if (match === null) return { ok: false, reason: 'The object has no header.' };
  const size = Number(match[2]);
  if (size > maxVarintValue) return tooBig;
  return { ok: true, value: { type: match[1] as PackObjectType, size } };
}
