import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApprovedVersion } from '@core/repository/records';
import {
  completeOutboxEntry,
  flagOutboxEntry,
  getLibraryResource,
  getResourceUse,
  storePulled,
  type ChorusDb,
} from '../../../renderer/src/db';
import { freezeWithdrawal } from '@core/co-production/approved-version';
import { openTestDb } from '../../helpers/db';
import { approveAll } from '../../helpers/sync';
import { libraryVersion } from '../features/library-fixtures';

const day = 86_400_000;
const start = 1_767_225_600_000;

async function pull(
  db: ChorusDb,
  versions: readonly ApprovedVersion[],
  withdrawals: { resourceId: string; at: number }[] = [],
) {
  const frozen = await Promise.all(withdrawals.map(freezeWithdrawal));
  await storePulled(
    db,
    {
      items: [
        ...versions.map((record) => ({
          kind: 'version' as const,
          path: `resources/${record.content.resourceId}/versions/${String(record.content.version).padStart(4, '0')}-${record.id.slice(0, 12)}.json`,
          record,
        })),
        ...frozen.map((record) => ({
          kind: 'withdrawal' as const,
          path: `resources/${record.resourceId}/withdrawals/${record.id.slice(0, 12)}.json`,
          record,
        })),
      ],
      skipped: [],
    },
    start,
  );
}

async function outboxEntryFor(db: ChorusDb, itemId: string) {
  const entry = await db.outbox.where('itemId').equals(itemId).first();
  if (entry === undefined) throw new Error(`nothing waiting for ${itemId}`);
  return entry;
}

describe('where a resource is used (for the consultee)', () => {
  let db: ChorusDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(() => {
    db.close();
  });

  it('says nothing was shared when no version was approved', async () => {
    expect(await getResourceUse(db, 'none')).toEqual({ versions: [], withdrawal: null });
  });

  it('lists approved versions newest first: when approved, and in the repository since when or waiting', async () => {
    const first = await libraryVersion('mine', { version: 1, at: start });
    const second = await libraryVersion('mine', { version: 2, at: start + 10 * day });
    const someoneElse = await libraryVersion('theirs', { version: 1 });
    await approveAll(db, [first, second, someoneElse]);
    await completeOutboxEntry(
      db,
      await outboxEntryFor(db, first.id),
      'resources/mine/versions/0001-x.json',
      start + day,
    );

    const use = await getResourceUse(db, 'mine');
    expect(use.withdrawal).toBeNull();
    expect(use.versions).toEqual([
      {
        id: second.id,
        version: 2,
        // The facilitator signed a second after the consultee: the later sign-off is the approval.
        approvedAt: start + 10 * day + 1000,
        published: null,
        waiting: true,
        needsAttention: false,
      },
      {
        id: first.id,
        version: 1,
        approvedAt: start + 1000,
        published: { at: start + day, path: 'resources/mine/versions/0001-x.json' },
        waiting: false,
        needsAttention: false,
      },
    ]);

    await flagOutboxEntry(db, await outboxEntryFor(db, second.id), 'A different file is already there.');
    expect((await getResourceUse(db, 'mine')).versions[0]).toMatchObject({ waiting: true, needsAttention: true });
  });

  it('says when the resource was withdrawn here, and whether the withdrawal has reached the repository', async () => {
    const version = await libraryVersion('mine');
    await approveAll(db, [version]);
    const withdrawal = await freezeWithdrawal({ resourceId: 'mine', at: start + 5 * day });
    await db.withdrawals.add({ id: withdrawal.id, resourceId: 'mine', at: withdrawal.at, reason: 'Not ready.' });
    expect((await getResourceUse(db, 'mine')).withdrawal).toEqual({ at: start + 5 * day, shared: false });

    await db.withdrawals.update(withdrawal.id, { published: { at: start + 6 * day, path: 'w.json' } });
    expect((await getResourceUse(db, 'mine')).withdrawal).toEqual({ at: start + 5 * day, shared: true });
  });

  it('counts a withdrawal pulled from the repository (made on another device) as shared', async () => {
    const version = await libraryVersion('mine');
    await approveAll(db, [version]);
    await pull(db, [version], [{ resourceId: 'mine', at: start + 3 * day }]);
    expect(await getResourceUse(db, 'mine')).toMatchObject({
      versions: [{ id: version.id }],
      withdrawal: { at: start + 3 * day, shared: true },
    });
  });
});

describe('one resource of the library', () => {
  let db: ChorusDb;
  beforeEach(() => {
    db = openTestDb();
  });
  afterEach(() => {
    db.close();
  });

  it('is null when this device knows nothing of it', async () => {
    expect(await getLibraryResource(db, 'unknown')).toBeNull();
  });

  it('holds every pulled version, newest first, and not those of other resources', async () => {
    const versions = await Promise.all([1, 3, 2].map((version) => libraryVersion('res', { version })));
    await pull(db, [...versions, await libraryVersion('other')]);
    const resource = await getLibraryResource(db, 'res');
    expect(resource?.withdrawnAt).toBeNull();
    expect(resource?.versions.map((each) => each.version)).toEqual([3, 2, 1]);
  });

  it('says when it was withdrawn, even when the withdrawal arrived before any version', async () => {
    await pull(db, [], [{ resourceId: 'gone', at: start + 2 * day }]);
    expect(await getLibraryResource(db, 'gone')).toEqual({
      resourceId: 'gone',
      versions: [],
      withdrawnAt: start + 2 * day,
    });
    await pull(db, [await libraryVersion('gone')], [{ resourceId: 'gone', at: start + 9 * day }]);
    const resource = await getLibraryResource(db, 'gone');
    expect(resource?.versions).toHaveLength(1);
    expect(resource?.withdrawnAt).toBe(start + 2 * day);
  });
});
