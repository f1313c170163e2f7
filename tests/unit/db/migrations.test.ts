import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ChorusDb } from '../../../renderer/src/db/database';
import { migrations } from '../../../renderer/src/db/migrations';
import {
  decideFinding,
  dueOutboxEntries,
  getDocument,
  getLibraryResource,
  getActiveProfile,
  getSupportContacts,
  getResource,
  knownPaths,
  listPacks,
  nextDueAt,
  type ProfileRecord,
} from '../../../renderer/src/db';
import { listDecisions } from '../../../renderer/src/db/findings';
import { addKnownDetail, listKnownDetails } from '../../../renderer/src/db/known-details';
import { listResources } from '../../../renderer/src/db/resources';
import { approvedVersion, devices, type DeviceData } from '../../fixtures/db/devices';
import { openTestDb, openUpgradedDb } from '../../helpers/db';

/**
 * Each migration is tested from a real database at the version before it: the schema as it was
 * (the migrations list up to there), holding what a device held then (`tests/fixtures/db/devices.ts`).
 * It is opened at the migration's version, and every table the migration does not name must come
 * out exactly as it went in; `after` checks the ones it changes. Then the same database opens at
 * the latest version and the app's own data functions read it (`latest`), with the lock turned on
 * first in the unit-sealed project.
 */
interface MigrationTest {
  /** The tables this migration adds, removes or rewrites. */
  changes: readonly string[];
  /** Straight after this migration, read raw (records as stored). */
  after(raw: Tables, before: DeviceData): void;
  /** At the latest version, through `renderer/src/db`. */
  latest(db: ChorusDb): Promise<void>;
}

type Tables = Record<string, Record<string, unknown>[]>;

const tested: Record<number, MigrationTest> = {
  1: {
    changes: ['resources', 'snapshots', 'images', 'settings'],
    after(raw) {
      expect(raw).toEqual({ resources: [], snapshots: [], images: [], settings: [] });
    },
    async latest(db) {
      expect(await listResources(db)).toEqual([]);
    },
  },

  2: {
    changes: ['resources', 'documents'],
    after(raw) {
      // What migration 2 makes is what version 2 wrote itself (the fixture of version 2), but for
      // `version`: it reads resources through the repair layer, which fills that field in already.
      expect(unordered(raw.resources)).toEqual(
        unordered(devices[2]?.resources?.map((resource) => ({ ...resource, version: 1 }))),
      );
      expect(unordered(raw.documents)).toEqual(unordered(devices[2]?.documents));
    },
    async latest(db) {
      expect(await getResource(db, 'res-wish')).toMatchObject({ title: 'What I wish you knew', wordCount: 11 });
      expect((await getDocument(db, 'res-wish'))?.text).toBe(
        'Mentions going missing.\n\nNobody asked me why I kept going missing.',
      );
      expect((await getDocument(db, 'res-old'))?.doc).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
      expect((await listResources(db, 1)).map((resource) => resource.id)).toEqual(['res-old']);
    },
  },

  3: {
    changes: [
      'resources',
      'profiles',
      'auditEvents',
      'commentThreads',
      'comments',
      'signOffs',
      'findingDecisions',
      'anonymisationLog',
      'approvedVersions',
      'withdrawals',
      'outbox',
    ],
    after(raw, before) {
      expect(unordered(raw.resources)).toEqual(
        unordered(before.resources?.map((resource) => ({ ...resource, version: 1 }))),
      );
      const added = Object.keys(raw).filter((table) => !['resources', ...Object.keys(before)].includes(table));
      expect(added).toHaveLength(10);
      for (const table of added) expect(raw[table], table).toEqual([]);
    },
    async latest(db) {
      expect((await listResources(db, 0)).map((resource) => [resource.id, resource.version])).toEqual([
        ['res-wish', 1],
      ]);
      expect((await getResource(db, 'res-old'))?.damaged).toBeUndefined();
    },
  },

  4: {
    changes: ['library', 'libraryWithdrawals', 'skippedFiles', 'outbox'],
    after(raw, before) {
      expect(unordered(raw.outbox)).toEqual(unordered(before.outbox));
      expect([raw.library, raw.libraryWithdrawals, raw.skippedFiles]).toEqual([[], [], []]);
    },
    async latest(db) {
      const entry = devices[3]?.outbox?.[0];
      const due = entry?.nextAttemptAt as number;
      // The new index on nextAttemptAt finds an entry written before it existed.
      expect(await nextDueAt(db)).toBe(due);
      expect(await dueOutboxEntries(db, due - 1, false)).toEqual([]);
      expect((await dueOutboxEntries(db, due, false)).map((each) => each.itemId)).toEqual([approvedVersion.id]);
      expect(await knownPaths(db)).toEqual([]);
    },
  },

  5: {
    changes: ['packs'],
    after(raw) {
      expect(raw.packs).toEqual([]);
    },
    async latest(db) {
      expect(await listPacks(db)).toEqual([]);
      expect((await getLibraryResource(db, 'res-wish'))?.versions.map((version) => version.id)).toEqual([
        approvedVersion.id,
      ]);
      expect(await knownPaths(db)).toEqual(
        [devices[4]?.library, devices[4]?.libraryWithdrawals, devices[4]?.skippedFiles].map(
          (table) => table?.[0]?.path,
        ),
      );
    },
  },

  6: {
    changes: ['findingDecisions', 'decisions'],
    after(raw, before) {
      expect(raw).not.toHaveProperty('findingDecisions');
      const moved = raw.decisions ?? [];
      expect(unordered(moved.map((decision) => ({ ...decision, id: typeof decision.id })))).toEqual(
        unordered(before.findingDecisions?.map((decision) => ({ ...decision, id: 'string' }))),
      );
      // A random id each, holding none of the words, so the lock can seal them.
      const ids = moved.map((decision) => decision.id);
      expect(new Set(ids).size).toBe(moved.length);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{8,}$/);
    },
    async latest(db) {
      const decisions = await listDecisions(db, 'res-wish');
      expect(decisions.map((decision) => [decision.findingKey, decision.decision, decision.reason])).toEqual(
        expect.arrayContaining([
          ['place:Leeds', 'replaced', ''],
          ['person:Fay', 'kept', 'Fay is a made-up name.'],
        ]),
      );
      // A decision made again on the same finding replaces the one that came through the migration.
      const fay = { id: 'prof-fay', displayName: 'Fay', role: 'facilitator', createdAt: 0 } satisfies ProfileRecord;
      await decideFinding(
        db,
        'res-wish',
        { kind: 'person', text: 'Fay' },
        { decision: 'kept', replacement: '', reason: 'Still made up.' },
        fay,
        1,
      );
      const again = await listDecisions(db, 'res-wish');
      expect(again).toHaveLength(2);
      expect(again.find((decision) => decision.findingKey === 'person:Fay')?.reason).toBe('Still made up.');
      expect((await getActiveProfile(db))?.displayName).toBe('Sam');
      expect((await getSupportContacts(db)).map((contact) => contact.name)).toEqual(['Local support line']);
    },
  },

  7: {
    changes: ['knownDetails'],
    after(raw) {
      expect(raw.knownDetails).toEqual([]);
    },
    async latest(db) {
      expect(await listKnownDetails(db)).toEqual([]);
      await addKnownDetail(db, 'Jade', 'person', 1);
      expect((await listKnownDetails(db)).map((entry) => entry.text)).toEqual(['Jade']);
      expect((await listDecisions(db, 'res-wish')).map((decision) => decision.findingKey)).toContain('place:Leeds');
    },
  },
};

function before(version: number): DeviceData {
  const data = devices[version - 1];
  if (version > 1 && data === undefined) throw new Error(`No fixture of a device at version ${version - 1}`);
  return data ?? {};
}

/** Records in an order of their own, for comparing tables whatever their keys sort by. */
function unordered(records: readonly Record<string, unknown>[] | undefined): Record<string, unknown>[] {
  return [...(records ?? [])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Every table as stored, read with plain Dexie: no codec, no repair, no sealing. */
async function readRaw(name: string): Promise<Tables> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    const entries = await Promise.all(raw.tables.map(async (table) => [table.name, await table.toArray()] as const));
    return Object.fromEntries(entries);
  } finally {
    raw.close();
  }
}

const opened: ChorusDb[] = [];

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('migrations', () => {
  it('are numbered in order without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('each have a test here, from a device at the version before', () => {
    expect(Object.keys(tested).map(Number)).toEqual(migrations.map((m) => m.version));
  });

  for (const migration of migrations) {
    const test = tested[migration.version];
    if (test === undefined) continue;
    it(`version ${migration.version} keeps what a version ${migration.version - 1} device held`, async () => {
      const data = before(migration.version);
      const old = openTestDb(migrations.slice(0, migration.version - 1));
      opened.push(old);
      const name = old.name;
      if (migration.version > 1) {
        await old.open();
        for (const [table, records] of Object.entries(data)) await old.table(table).bulkAdd([...records]);
        old.close();
      }

      const upgraded = new ChorusDb(name, migrations.slice(0, migration.version));
      await upgraded.open();
      expect(upgraded.verno).toBe(migration.version);
      upgraded.close();
      const raw = await readRaw(name);
      const untouched = Object.keys(data).filter((table) => !test.changes.includes(table));
      for (const table of untouched) expect(unordered(raw[table]), table).toEqual(unordered(data[table]));
      test.after(raw, data);

      const latest = await openUpgradedDb(name);
      opened.push(latest);
      await test.latest(latest);
    });
  }
});
