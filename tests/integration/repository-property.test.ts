import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBytes } from '@core/repository/format';
import type { ApprovedVersion, DocumentNode, Withdrawal } from '@core/repository/records';
import { makeService, makeVersion, makeWithdrawal, pullAll, tempDir } from '../helpers/repository';

const encoder = new TextEncoder();

function versionPath(version: ApprovedVersion, resourceId = version.content.resourceId): string {
  const number = String(version.content.version).padStart(4, '0');
  return `resources/${resourceId}/versions/${number}-${version.id.slice(0, 12)}.json`;
}

function withdrawalPath(withdrawal: Withdrawal): string {
  return `resources/${withdrawal.resourceId}/withdrawals/${withdrawal.id.slice(0, 12)}.json`;
}

function pick<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`Nothing at ${index}`);
  return item;
}

function nested(levels: number): string {
  return `${'{"content":['.repeat(levels)}{}${']}'.repeat(levels)}`;
}

/** Anything someone with write access could put where a record belongs. */
const garbage: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.jsonValue().map((value) => encoder.encode(JSON.stringify(value))),
  fc.string({ unit: 'grapheme', maxLength: 200 }).map((text) => encoder.encode(text)),
  fc.uint8Array({ maxLength: 300 }),
  fc.integer({ min: 65, max: 20_000 }).map((levels) => encoder.encode(nested(levels))),
  fc.integer({ min: 200, max: 50_000 }).map((levels) => encoder.encode(`${'['.repeat(levels)}${']'.repeat(levels)}`)),
  fc
    .record({ format: fc.anything(), id: fc.anything(), resourceId: fc.anything(), at: fc.anything() })
    .map((record) => encoder.encode(JSON.stringify(record))),
  fc.constant(encoder.encode(`{"format":1,"title":"${'x'.repeat(600_000)}"}`)),
);

const hex12 = fc.stringMatching(/^[0-9a-f]{12}$/);
const safeId = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);
const garbagePath = fc.oneof(
  fc
    .tuple(safeId, fc.integer({ min: 1, max: 9999 }), hex12)
    .map(([id, number, hash]) => `resources/${id}/versions/${String(number).padStart(4, '0')}-${hash}.json`),
  fc.tuple(safeId, hex12).map(([id, hash]) => `resources/${id}/withdrawals/${hash}.json`),
);

/** A record with one field swapped for a value of another type: well-formed JSON, the wrong shape. */
function wrongTypes(record: ApprovedVersion | Withdrawal): fc.Arbitrary<Uint8Array> {
  const keys = Object.keys(record);
  return fc
    .tuple(fc.constantFrom(...keys), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.boolean())))
    .map(([key, value]) => encoder.encode(JSON.stringify({ ...record, [key]: value })));
}

describe('pulling from a repository with anything in it', () => {
  let versions: ApprovedVersion[];
  let withdrawals: Withdrawal[];
  const dirs: string[] = [];

  beforeAll(async () => {
    const deepButAllowed: DocumentNode = { type: 'doc', content: [] };
    let node: DocumentNode = { type: 'paragraph', content: [{ type: 'text', text: 'Within the limit.' }] };
    for (let level = 0; level < 40; level += 1) node = { type: 'blockquote', content: [node] };
    deepButAllowed.content = [node];
    versions = await Promise.all([
      makeVersion('alpha', 1, { text: 'Zalgo: Z̷̢a̸l̵g̶o, emoji 🏳️‍🌈, RTL שלום, NUL-free.' }),
      makeVersion('alpha', 2),
      makeVersion('beta', 1, { document: deepButAllowed }),
      makeVersion('gamma', 1, { title: '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 title' }),
    ]);
    withdrawals = await Promise.all([makeWithdrawal('beta'), makeWithdrawal('delta', 1_800_000_000_000)]);
  });

  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('never throws, takes every valid record and withdrawal, and lists every other file as skipped', async () => {
    const plan = fc.record({
      valid: fc.subarray([0, 1, 2, 3]),
      withdrawn: fc.subarray([0, 1]),
      junk: fc.uniqueArray(fc.tuple(garbagePath, garbage), { maxLength: 12, selector: ([file]) => file }),
      mangled: fc.array(fc.constantFrom(0, 1, 2, 3), { maxLength: 3 }),
      // The same record again under another name or in another resource's folder.
      copies: fc.array(fc.tuple(fc.constantFrom(0, 1, 2, 3), safeId), { maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(plan, fc.context(), async ({ valid, withdrawn, junk, mangled, copies }, context) => {
        const root = await tempDir('property-folder');
        dirs.push(root);
        const files = new Map<string, Uint8Array>();
        for (const index of valid) files.set(versionPath(pick(versions, index)), recordBytes(pick(versions, index)));
        for (const index of withdrawn)
          files.set(withdrawalPath(pick(withdrawals, index)), recordBytes(pick(withdrawals, index)));
        for (const [index, count] of mangled.entries()) {
          const bytes = pick(fc.sample(wrongTypes(pick(versions, count)), { numRuns: 1, seed: index }), 0);
          files.set(`resources/mangled${index}/versions/0001-${'a'.repeat(12)}.json`, bytes);
        }
        for (const [index, resourceId] of copies) {
          const version = pick(versions, index);
          if (resourceId === version.content.resourceId) continue;
          files.set(versionPath(version, resourceId), recordBytes(version));
        }
        for (const [file, bytes] of junk) if (!files.has(file)) files.set(file, bytes);
        await writeFile(path.join(root, 'chorus-repository.json'), '{"format":1}');
        for (const [file, bytes] of files) {
          await mkdir(path.dirname(path.join(root, file)), { recursive: true });
          await writeFile(path.join(root, file), bytes);
        }
        context.log(`${files.size} files`);

        const client = await makeService();
        dirs.push(client.dataDir);
        expect((await client.service.configure({ kind: 'folder', path: root })).ok).toBe(true);
        const { items, skipped } = await pullAll(client.service);

        const pulledVersions = items.flatMap((item) => (item.kind === 'version' ? [item.record.id] : []));
        const pulledWithdrawals = items.flatMap((item) => (item.kind === 'withdrawal' ? [item.record.id] : []));
        expect(pulledVersions.sort()).toEqual(valid.map((index) => pick(versions, index).id).sort());
        expect(pulledWithdrawals.sort()).toEqual(withdrawn.map((index) => pick(withdrawals, index).id).sort());
        // Withdrawals come before any version.
        const firstVersion = items.findIndex((item) => item.kind === 'version');
        if (firstVersion >= 0) expect(items.slice(firstVersion).every((item) => item.kind === 'version')).toBe(true);
        // Everything else was looked at and skipped with a reason; nothing went unaccounted for.
        const accounted = new Set([...items.map((item) => item.path), ...skipped.map((file) => file.path)]);
        expect([...accounted].sort()).toEqual([...files.keys()].sort());
        for (const file of skipped) expect(file.reason).not.toBe('');
        expect(client.failures).toEqual([]);
        await rm(root, { recursive: true, force: true });
        await rm(client.dataDir, { recursive: true, force: true });
      }),
      { numRuns: 25 },
    );
  });
});
