import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyDelta,
  readDeltaSizes,
  readEntryHeader,
  readLooseHeader,
} from '../../electron/services/repository/pack-format';

/** An entry header as git writes one: type in bits 6–4, the size four bits then seven a byte. */
function entryHeader(type: number, size: number): number[] {
  let rest = Math.floor(size / 16);
  const bytes = [(type << 4) | (size % 16) | (rest > 0 ? 0x80 : 0)];
  while (rest > 0) {
    const low = rest % 128;
    rest = Math.floor(rest / 128);
    bytes.push(low | (rest > 0 ? 0x80 : 0));
  }
  return bytes;
}

/** The distance back to an offset delta's base, as git writes it (big-endian, one added per byte). */
function ofsDistance(distance: number): number[] {
  let rest = distance;
  const bytes = [rest & 0x7f];
  rest = Math.floor(rest / 128);
  while (rest > 0) {
    rest -= 1;
    bytes.unshift(0x80 | (rest & 0x7f));
    rest = Math.floor(rest / 128);
  }
  return bytes;
}

function deltaVarint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    const low = rest % 128;
    rest = Math.floor(rest / 128);
    bytes.push(low | (rest > 0 ? 0x80 : 0));
  } while (rest > 0);
  return bytes;
}

const hostileBytes = fc.uint8Array({ maxLength: 64 });

describe('reading a pack entry header', () => {
  it('reads the type and the size git wrote, up to sizes past 4 GB', () => {
    fc.assert(
      fc.property(fc.constantFrom(1, 2, 3, 4), fc.nat({ max: 2 ** 40 }), (type, size) => {
        const parsed = readEntryHeader(Uint8Array.from(entryHeader(type, size)), 0);
        expect(parsed).toEqual({
          ok: true,
          value: {
            kind: 'whole',
            type: ['commit', 'tree', 'blob', 'tag'][type - 1],
            size,
            length: entryHeader(type, size).length,
          },
        });
      }),
    );
  });

  it('knows a 1.2 GB blob by its first bytes, without any of its data', () => {
    const size = 1_200 * 1024 * 1024;
    expect(readEntryHeader(Uint8Array.from(entryHeader(3, size)), 0)).toMatchObject({
      ok: true,
      value: { kind: 'whole', type: 'blob', size },
    });
  });

  it('reads the distance back to an offset delta’s base', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 40 }), fc.nat({ max: 2 ** 30 }), (size, distance) => {
        const bytes = Uint8Array.from([...entryHeader(6, size), ...ofsDistance(distance)]);
        expect(readEntryHeader(bytes, 0)).toEqual({
          ok: true,
          value: { kind: 'ofs-delta', size, baseDistance: distance, length: bytes.length },
        });
      }),
    );
  });

  it('reads a reference delta’s base id', () => {
    const oid = 'ab'.repeat(20);
    const bytes = Uint8Array.from([...entryHeader(7, 300), ...Buffer.from(oid, 'hex')]);
    expect(readEntryHeader(bytes, 0)).toMatchObject({
      ok: true,
      value: { kind: 'ref-delta', size: 300, baseOid: oid },
    });
    expect(readEntryHeader(bytes.subarray(0, bytes.length - 1), 0)).toMatchObject({ ok: false });
  });

  it('gives a reason, never an exception, for any bytes at any place', () => {
    fc.assert(
      fc.property(hostileBytes, fc.nat({ max: 70 }), (bytes, at) => {
        const parsed = readEntryHeader(bytes, at);
        if (parsed.ok) {
          expect(parsed.value.size).toBeLessThanOrEqual(2 ** 48);
          expect(at + parsed.value.length).toBeLessThanOrEqual(bytes.length);
        } else expect(parsed.reason).toMatch(/pack/);
      }),
    );
  });

  it('refuses a size varint that never ends or claims more than can be true', () => {
    expect(readEntryHeader(new Uint8Array(200).fill(0xff), 0)).toEqual({
      ok: false,
      reason: 'The pack claims a size too large to be true.',
    });
    expect(readEntryHeader(Uint8Array.from([0xb0, 0xff, 0xff]), 0)).toMatchObject({ ok: false, reason: /ends/ });
    expect(readEntryHeader(Uint8Array.from([0x00]), 0)).toMatchObject({ ok: false, reason: /unknown type 0/ });
    expect(readEntryHeader(Uint8Array.from([0x50]), 0)).toMatchObject({ ok: false, reason: /unknown type 5/ });
  });
});

describe('reading and applying a delta', () => {
  it('reads the base and result sizes from the first bytes alone', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 45 }), fc.nat({ max: 2 ** 45 }), (baseSize, resultSize) => {
        const bytes = Uint8Array.from([...deltaVarint(baseSize), ...deltaVarint(resultSize), 0x90]);
        expect(readDeltaSizes(bytes)).toEqual({
          ok: true,
          value: { baseSize, resultSize, length: bytes.length - 1 },
        });
      }),
    );
  });

  it('applies copies and inserts as git does', () => {
    const base = new TextEncoder().encode('Hello, world');
    // Copy 5 bytes from offset 0, insert ", there", copy 7 from offset 5.
    const delta = Uint8Array.from([
      ...deltaVarint(base.length),
      ...deltaVarint(19),
      0x90,
      5,
      7,
      ...new TextEncoder().encode(', there'),
      0x91,
      5,
      7,
    ]);
    const applied = applyDelta(delta, base, 1024);
    expect(applied.ok && new TextDecoder().decode(applied.value)).toBe('Hello, there, world');
  });

  it('never allocates a result larger than allowed, whatever the delta claims', () => {
    const claimsHuge = Uint8Array.from([...deltaVarint(0), ...deltaVarint(1_200 * 1024 * 1024), 0x01, 0x41]);
    expect(applyDelta(claimsHuge, new Uint8Array(0), 5 * 1024 * 1024)).toEqual({
      ok: false,
      reason: 'A delta makes an object larger than allowed.',
    });
  });

  it('gives a reason, never an exception or an out-of-bounds read, for hostile deltas', () => {
    fc.assert(
      fc.property(hostileBytes, fc.uint8Array({ maxLength: 32 }), (delta, base) => {
        const applied = applyDelta(delta, base, 4096);
        if (applied.ok) expect(applied.value.byteLength).toBeLessThanOrEqual(4096);
        else expect(applied.reason).toMatch(/delta|pack/i);
        const sizes = readDeltaSizes(delta);
        if (sizes.ok) expect(sizes.value.length).toBeLessThanOrEqual(delta.length);
      }),
    );
  });

  it('gives a reason for a delta whose base is another size, or that copies past its base', () => {
    const base = new Uint8Array(4);
    expect(applyDelta(Uint8Array.from([5, 4, 0x90, 4]), base, 64)).toMatchObject({ ok: false, reason: /fit/ });
    expect(applyDelta(Uint8Array.from([4, 8, 0x90, 8]), base, 64)).toMatchObject({ ok: false, reason: /damaged/ });
  });
});

describe('reading a loose object header', () => {
  it('reads the type and size, and refuses anything else', () => {
    expect(readLooseHeader(new TextEncoder().encode('blob 1258291200\0zeros'))).toEqual({
      ok: true,
      value: { type: 'blob', size: 1_258_291_200 },
    });
    fc.assert(
      fc.property(hostileBytes, (bytes) => {
        const parsed = readLooseHeader(bytes);
        if (parsed.ok) expect(parsed.value.size).toBeLessThanOrEqual(2 ** 48);
      }),
    );
    expect(readLooseHeader(new TextEncoder().encode('blob 01\0'))).toMatchObject({ ok: false });
  });
});
