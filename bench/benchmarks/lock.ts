// The app lock's cost, on the data layer in Node (Dexie over fake-indexeddb, WebCrypto from Node),
// not in Chromium: unlocking against a bare PBKDF2 derivation, reading the Drafts list's first page
// of 2,000 drafts sealed against the same drafts in the clear, and sealing 1,000 drafts again under
// a new key (a passphrase change) against sealing them the first time (turning the lock on).
import type { ChorusDb } from '../../renderer/src/db/database';
import { compare, runInterleaved, type BenchResult, type Benchmark } from '../harness';
import { roundsFromEnv } from '../lib/util';

const name = 'lock';
const description =
  'The app lock on the data layer (Node, fake-indexeddb): unlock with the real PBKDF2 cost, the Drafts list’s first page of 2,000 drafts sealed against in the clear, and sealing 1,000 drafts again after a passphrase change against the first sealing.';

const warmupRounds = 1;
const measuredRounds = roundsFromEnv('BENCH_LOCK_ROUNDS', 5);
const passphrase = 'otter kettle meadow';
/** Cheap for the sealing rows, so they time the records, not the passphrase. */
const cheap = { iterations: 1000 };

type Db = ChorusDb;

async function load() {
  // Installs IndexedDB in Node for Dexie; only this benchmark uses it.
  // @ts-expect-error fake-indexeddb's package exports give this entry no types.
  await import('fake-indexeddb/auto');
  const [database, lock, resources] = await Promise.all([
    import('../../renderer/src/db/database'),
    import('../../renderer/src/db/lock'),
    import('../../renderer/src/db/resources'),
  ]);
  return { ...database, ...lock, ...resources };
}

let counter = 0;

async function seeded(modules: Awaited<ReturnType<typeof load>>, count: number): Promise<Db> {
  counter += 1;
  const db = new modules.ChorusDb(`bench-lock-${process.pid}-${counter}`);
  const now = 1_700_000_000_000;
  const ids = Array.from({ length: count }, (_, index) => `draft-${String(index).padStart(5, '0')}`);
  await db.resources.bulkPut(
    ids.map((id, index) => ({
      id,
      title: `Draft ${index}`,
      summary: 'A summary of the draft.',
      audiences: [],
      topics: ['safeguarding'],
      contentWarnings: [],
      reviewBy: '',
      status: 'draft' as const,
      version: 1,
      wordCount: 400,
      createdAt: now - index,
      updatedAt: now - index,
      inTrash: 0 as const,
      trashedAt: 0,
    })),
  );
  const text = 'The words of a story, kept on this device. '.repeat(60);
  await db.documents.bulkPut(
    ids.map((resourceId, index) => ({
      resourceId,
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
      text,
      updatedAt: now - index,
    })),
  );
  return db;
}

const time = async (work: () => Promise<unknown>): Promise<number> => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

export const lockBench: Benchmark = {
  name,
  description,
  async run(): Promise<BenchResult> {
    const modules = await load();
    const { pbkdf2Iterations } = await import('../../renderer/src/db/vault');
    const log = (line: string) => process.stderr.write(`[${name}] ${line}\n`);

    // Unlock, against a bare PBKDF2 derivation of the same cost.
    const locked = new modules.ChorusDb(`bench-lock-${process.pid}-unlock`);
    await modules.turnOnLock(locked, passphrase);
    const unlockSamples = await runInterleaved({
      keys: ['unlock'] as const,
      warmupRounds,
      measuredRounds,
      log,
      baseline: async () => ({
        unlock: await time(async () => {
          const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
            'deriveBits',
          ]);
          await crypto.subtle.deriveBits(
            { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(16), iterations: pbkdf2Iterations },
            material,
            256,
          );
        }),
      }),
      ours: async () => {
        modules.lock(locked);
        return { unlock: await time(() => modules.unlock(locked, passphrase)) };
      },
    });
    await locked.delete();

    // The Drafts list's first page (what it reads before its first paint), sealed and in the clear.
    const plainList = await seeded(modules, 2_000);
    const sealedList = await seeded(modules, 2_000);
    await modules.turnOnLock(sealedList, passphrase, undefined, cheap);
    const firstPage = (db: Db) =>
      time(() => Promise.all([modules.recentResources(db, 0, 100), modules.countResources(db, 0)]));
    const listSamples = await runInterleaved({
      keys: ['firstPage'] as const,
      warmupRounds,
      measuredRounds,
      log,
      baseline: async () => ({ firstPage: await firstPage(plainList) }),
      ours: async () => ({ firstPage: await firstPage(sealedList) }),
    });
    await Promise.all([plainList.delete(), sealedList.delete()]);

    // Sealing 1,000 drafts (2,000 records) again under a new key, against sealing them the first time.
    const resealSamples = await runInterleaved({
      keys: ['seal'] as const,
      warmupRounds,
      measuredRounds,
      log,
      baseline: async () => {
        const db = await seeded(modules, 1_000);
        const ms = await time(() => modules.turnOnLock(db, passphrase, undefined, cheap));
        await db.delete();
        return { seal: ms };
      },
      ours: async () => {
        const db = await seeded(modules, 1_000);
        await modules.turnOnLock(db, passphrase, undefined, cheap);
        const ms = await time(() => modules.changePassphrase(db, passphrase, 'a new passphrase', cheap));
        await db.delete();
        return { seal: ms };
      },
    });

    return {
      name,
      description,
      oursLabel: 'with the lock',
      baselineLabel: 'reference in the same run',
      warmupRounds,
      measuredRounds,
      rows: [
        compare(
          'unlock (600,000 PBKDF2 rounds)',
          'unlock(): read the lock record, derive the passphrase key, unwrap the data key; against one bare PBKDF2-SHA-256 derivation of the same cost',
          { ours: unlockSamples.ours.unlock, baseline: unlockSamples.baseline.unlock },
          null,
        ),
        compare(
          'Drafts list first page, 2,000 drafts, locked vs unlocked',
          'recentResources(100) and countResources, as the Drafts list reads before painting; sealed (lock on, unlocked) against the same drafts in the clear',
          { ours: listSamples.ours.firstPage, baseline: listSamples.baseline.firstPage },
          null,
        ),
        compare(
          're-seal 1,000 drafts (passphrase change)',
          'changePassphrase() over 1,000 drafts (2,000 records, cheap PBKDF2): every record opened and sealed again under a new key; against turnOnLock() sealing the same drafts the first time',
          { ours: resealSamples.ours.seal, baseline: resealSamples.baseline.seal },
          null,
        ),
      ],
      notes: [
        'Measured on the data layer in Node (fake-indexeddb), not in Chromium: Chromium’s IndexedDB and WebCrypto differ in speed, so read these as the lock’s share of the work rather than as on-screen times.',
      ],
    };
  },
};
