import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitRemote } from '../../electron/services/repository/git-remote';
import { findInIdx, indexPack, PackError } from '../../electron/services/repository/pack-index';
import { FileTooLargeError } from '../../electron/services/repository/remote';
import { nativeGit, startTestGitRemote, tempDir, type TestGitRemote } from '../helpers/repository';

let work: string;
let pack: string;
let nativeIdx: Buffer;
/** Every object native git put in the pack, with its offset. */
let nativeObjects: Map<string, number>;

/** Lines that change a little from version to version, so git stores the later ones as deltas. */
function versionText(version: number, lines: number): string {
  return Array.from(
    { length: lines },
    (_, line) => `Line ${line} of a record${line % 50 === version ? ` v${version}` : ''}.\n`,
  ).join('');
}

beforeAll(async () => {
  work = await tempDir('pack-index');
  await nativeGit(['init', '--quiet', '--initial-branch=main', work]);
  for (let version = 0; version < 6; version += 1) {
    await writeFile(path.join(work, 'record.json'), versionText(version, 2_000));
    await writeFile(path.join(work, 'small.json'), `{"version":${version}}`);
    await nativeGit(['add', '--all'], work);
    await nativeGit(['commit', '--quiet', '-m', `Version ${version}`], work);
  }
  await nativeGit(['repack', '-adf', '--depth=10', '--window=10'], work);
  const packDir = path.join(work, '.git', 'objects', 'pack');
  const name = (await readdir(packDir)).find((file) => file.endsWith('.pack'));
  if (name === undefined) throw new Error('git made no pack');
  pack = path.join(packDir, name);
  nativeIdx = await readFile(pack.replace(/\.pack$/, '.idx'));
  const shown = await nativeGit(['verify-pack', '-v', pack], work);
  nativeObjects = new Map();
  for (const line of shown.stdout.split('\n')) {
    const match = /^([0-9a-f]{40}) \S+\s+\d+ \d+ (\d+)/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) nativeObjects.set(match[1], Number(match[2]));
  }
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('indexing a received pack', () => {
  it('writes the same index as native git, deltas and all, when every object is within the limit', async () => {
    const indexed = await indexPack(pack, { maxObjectBytes: 1024 * 1024 });
    expect(indexed.unresolved).toEqual([]);
    expect(indexed.oversized.size).toBe(0);
    expect(indexed.idx.equals(nativeIdx)).toBe(true);
  });

  it('hashes objects over the limit without holding them, and leaves out deltas that would make one', async () => {
    const recordBytes = versionText(0, 2_000).length;
    const indexed = await indexPack(pack, { maxObjectBytes: recordBytes / 2 });
    // Every version of record.json is over the limit: the one stored whole is indexed by its
    // streamed hash, the ones stored as deltas of it are left out.
    expect([...indexed.oversized.values()].every((size) => size > recordBytes / 2)).toBe(true);
    expect(indexed.oversized.size).toBeGreaterThanOrEqual(1);
    expect(indexed.unresolved.length).toBeGreaterThanOrEqual(1);
    let found = 0;
    for (const [oid, offset] of nativeObjects) {
      const ours = findInIdx(indexed.idx, oid);
      if (ours === null) continue;
      expect(ours).toBe(offset);
      found += 1;
    }
    expect(found + indexed.unresolved.length).toBe(nativeObjects.size);
  });

  it('refuses a damaged or hostile pack with a PackError, never another exception', async () => {
    const bytes = await readFile(pack);
    const damaged = path.join(work, 'damaged.pack');
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: bytes.length - 21 }),
        fc.integer({ min: 1, max: 255 }),
        fc.boolean(),
        async (at, flip, truncate) => {
          const copy = Buffer.from(bytes);
          copy[at] = (copy[at] ?? 0) ^ flip;
          await writeFile(damaged, truncate ? copy.subarray(0, at + 20) : copy);
          try {
            await indexPack(damaged, { maxObjectBytes: 64 * 1024 });
          } catch (error) {
            expect(error).toBeInstanceOf(PackError);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a pack whose header claims more objects than it could hold', async () => {
    const copy = path.join(work, 'count.pack');
    await copyFile(pack, copy);
    const bytes = await readFile(copy);
    bytes.writeUInt32BE(0xffffffff, 8);
    await writeFile(copy, bytes);
    await expect(indexPack(copy, { maxObjectBytes: 1024 })).rejects.toThrow(/more objects than it holds/);
  });
});

describe('a git remote whose fetch left out a delta too large to make', () => {
  let remote: TestGitRemote;
  let cacheDir: string;

  beforeAll(async () => {
    remote = await startTestGitRemote();
    cacheDir = await tempDir('unresolved-cache');
    const clone = await tempDir('unresolved-work');
    await nativeGit(['clone', '--quiet', remote.authenticatedUrl, clone]);
    const folder = path.join(clone, 'resources', 'big', 'versions');
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, '0001-aaaaaaaaaaaa.json'), versionText(1, 2_000));
    await writeFile(path.join(folder, '0002-bbbbbbbbbbbb.json'), versionText(2, 2_000));
    await writeFile(path.join(folder, '0003-cccccccccccc.json'), '{"small":true}');
    await nativeGit(['add', '--all'], clone);
    await nativeGit(['commit', '--quiet', '-m', 'Plant'], clone);
    await nativeGit(['push', '--quiet', 'origin', 'HEAD:main'], clone);
    await rm(clone, { recursive: true, force: true });
    // Packed on the server with deltas, which it then sends as they are.
    await nativeGit(['--git-dir', remote.server.repositoryPath, 'repack', '-adf', '--window=10']);
  });
  afterAll(async () => {
    await remote.close();
    await rm(cacheDir, { recursive: true, force: true });
  });

  it('refuses by header size, and calls the object it lacks too large, while small files read', async () => {
    const { url, username, token } = remote.settings;
    const git = createGitRemote({ url, username, token, cacheDir, maxObjectBytes: 8 * 1024 });
    const listing = await git.list(null);
    const paths = listing.files.map((file) => file.path).sort();
    expect(paths).toHaveLength(3);
    const [first, second, small] = paths as [string, string, string];
    expect(new TextDecoder().decode(await git.read(small, 1024))).toBe('{"small":true}');
    const outcomes = await Promise.all(
      [first, second].map((file) =>
        git.read(file, 1024 * 1024).then(
          (bytes) => new TextDecoder().decode(bytes),
          (error: unknown) => error,
        ),
      ),
    );
    // One of the two versions is stored whole (over the limit, so hashed as it streamed), the other
    // as a delta of it, which was not applied.
    expect(outcomes.filter((outcome) => outcome instanceof FileTooLargeError)).toHaveLength(1);
    expect(outcomes.filter((outcome) => typeof outcome === 'string' && outcome.startsWith('Line 0'))).toHaveLength(1);
    // The one stored whole is refused by the size in its header when the caller's limit is lower.
    const whole = outcomes[0] instanceof FileTooLargeError ? second : first;
    await expect(git.read(whole, 10_000)).rejects.toBeInstanceOf(FileTooLargeError);
  });
});
