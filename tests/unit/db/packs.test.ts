import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addPackItem,
  choosePackPurpose,
  createPack,
  deletePack,
  duplicatePack,
  getPack,
  getPackView,
  getSupportContacts,
  listLibrary,
  listPacks,
  listPackSummaries,
  movePackItem,
  PackRefused,
  removePackItem,
  removeSupportContact,
  restorePack,
  restorePackItem,
  restoreSupportContact,
  saveSupportContact,
  switchPackItemVersion,
  updatePack,
  type ChorusDb,
} from '../../../renderer/src/db';
import { ChorusDb as Database } from '../../../renderer/src/db/database';
import { migrations } from '../../../renderer/src/db/migrations';
import { openTestDb } from '../../helpers/db';
import { packVersion, pullVersions, pullWithdrawal } from './packs-fixtures';

let db: ChorusDb;

beforeEach(() => {
  db = openTestDb();
});

afterEach(async () => {
  await db.delete();
});

/** A Social care pack with three resources in it, a, b and c, in that order. */
async function packOfThree(): Promise<{ packId: string; itemIds: string[] }> {
  await pullVersions(db, [await packVersion('a'), await packVersion('b'), await packVersion('c')]);
  const packId = await createPack(db, { name: 'Week one', audience: 'social-care', purpose: 'training-sessions' }, 100);
  const itemIds: string[] = [];
  for (const resourceId of ['a', 'b', 'c']) itemIds.push((await addPackItem(db, packId, resourceId, 200)).id);
  return { packId, itemIds };
}

async function order(packId: string): Promise<string[]> {
  const view = await getPackView(db, packId);
  return view?.items.map((each) => each.pinned?.resourceId ?? '?') ?? [];
}

describe('packs', () => {
  it('creates packs for one audience and lists the most recently changed first', async () => {
    const first = await createPack(
      db,
      { name: '  Week one ', audience: 'social-care', purpose: 'training-sessions' },
      100,
    );
    const second = await createPack(db, { name: '   ', audience: 'police', purpose: 'training-sessions' }, 200);
    expect((await listPacks(db)).map((pack) => pack.id)).toEqual([second, first]);
    expect(await getPack(db, first)).toMatchObject({
      name: 'Week one',
      audience: 'social-care',
      purpose: 'training-sessions',
      description: '',
      introduction: '',
      items: [],
      createdAt: 100,
      updatedAt: 100,
    });
    expect((await getPack(db, second))?.name).toBe('Untitled pack');
  });

  it('pins an added resource to its newest version at that moment, and never moves it on by itself', async () => {
    const [v1] = await pullVersions(db, [await packVersion('a', { version: 1 })]);
    const packId = await createPack(db, { name: 'P', audience: 'social-care', purpose: 'training-sessions' });
    await addPackItem(db, packId, 'a');
    const [v2] = await pullVersions(db, [await packVersion('a', { version: 2 })]);
    const view = await getPackView(db, packId);
    expect(view?.items[0]?.item.versionId).toBe(v1);
    expect(view?.items[0]?.pinned?.version).toBe(1);
    expect(view?.items[0]?.newest?.id).toBe(v2);

    const other = await createPack(db, { name: 'Q', audience: 'social-care', purpose: 'training-sessions' });
    await addPackItem(db, other, 'a');
    expect((await getPack(db, other))?.items[0]?.versionId).toBe(v2);
  });

  it('refuses resources not consented for the pack’s audience or use, withdrawn ones, unknown ones and repeats', async () => {
    await pullVersions(db, [
      await packVersion('ok'),
      await packVersion('police-only', { consented: ['police'] }),
      await packVersion('handout-only', { uses: ['written-materials'] }),
      await packVersion('gone'),
    ]);
    await pullWithdrawal(db, 'gone', 5000);
    const packId = await createPack(db, { name: 'P', audience: 'social-care', purpose: 'training-sessions' });
    await expect(addPackItem(db, packId, 'police-only')).rejects.toThrow(PackRefused);
    await expect(addPackItem(db, packId, 'police-only')).rejects.toThrow(/consent/);
    await expect(addPackItem(db, packId, 'handout-only')).rejects.toThrow(/how it will be used/);
    const handouts = await createPack(db, { name: 'H', audience: 'social-care', purpose: 'written-materials' });
    await addPackItem(db, handouts, 'handout-only');
    await expect(addPackItem(db, handouts, 'ok')).rejects.toThrow(/how it will be used/);
    await expect(addPackItem(db, packId, 'gone')).rejects.toThrow(/withdrawn/);
    await expect(addPackItem(db, packId, 'nowhere')).rejects.toThrow(/not in the library/);
    await addPackItem(db, packId, 'ok');
    await expect(addPackItem(db, packId, 'ok')).rejects.toThrow(/already in the pack/);
    expect((await getPack(db, packId))?.items).toHaveLength(1);
  });

  it('asks a pack made before packs had a use for one, once, and then holds its items to it', async () => {
    await pullVersions(db, [
      await packVersion('sessions'),
      await packVersion('handout', { uses: ['written-materials'] }),
    ]);
    const packId = await createPack(db, { name: 'Old', audience: 'social-care', purpose: 'training-sessions' });
    // As a pack made before Chorus asked: no use recorded.
    await db.packs.update(packId, { purpose: undefined });
    expect((await getPack(db, packId))?.purpose).toBeUndefined();
    // Without a use, only the audience is checked, as before.
    await addPackItem(db, packId, 'sessions');
    await addPackItem(db, packId, 'handout');
    await choosePackPurpose(db, packId, 'written-materials', 700);
    expect(await getPack(db, packId)).toMatchObject({ purpose: 'written-materials', updatedAt: 700 });
    await choosePackPurpose(db, packId, 'written-materials');
    await expect(choosePackPurpose(db, packId, 'training-sessions')).rejects.toThrow(/cannot change/);
    expect((await getPack(db, packId))?.purpose).toBe('written-materials');
    await expect(choosePackPurpose(db, 'no-such-pack', 'training-sessions')).rejects.toThrow(PackRefused);
  });

  it('moves items up and down one place, and stays put at either end', async () => {
    const { packId, itemIds } = await packOfThree();
    const [a, , c] = itemIds as [string, string, string];
    expect(await movePackItem(db, packId, c, -1, 300)).toEqual({ index: 1, count: 3 });
    expect(await order(packId)).toEqual(['a', 'c', 'b']);
    expect(await movePackItem(db, packId, c, -1)).toEqual({ index: 0, count: 3 });
    expect(await movePackItem(db, packId, c, -1)).toEqual({ index: 0, count: 3 });
    expect(await order(packId)).toEqual(['c', 'a', 'b']);
    expect(await movePackItem(db, packId, a, 1)).toEqual({ index: 2, count: 3 });
    expect(await movePackItem(db, packId, a, 1)).toEqual({ index: 2, count: 3 });
    expect(await order(packId)).toEqual(['c', 'b', 'a']);
    expect((await getPack(db, packId))?.updatedAt).toBeGreaterThanOrEqual(300);
    await expect(movePackItem(db, packId, 'not-there', 1)).rejects.toThrow(PackRefused);
  });

  it('removes an item, and Undo puts it back in its place with its notes and version', async () => {
    const { packId, itemIds } = await packOfThree();
    const b = itemIds[1] ?? '';
    await updatePack(db, packId, { notes: { [b]: 'Pause here for questions.' } });
    const removed = await removePackItem(db, packId, b);
    expect(removed?.index).toBe(1);
    expect(await order(packId)).toEqual(['a', 'c']);
    expect(await removePackItem(db, packId, b)).toBeUndefined();

    if (removed === undefined) throw new Error('nothing removed');
    await restorePackItem(db, packId, removed);
    await restorePackItem(db, packId, removed);
    expect(await order(packId)).toEqual(['a', 'b', 'c']);
    expect((await getPack(db, packId))?.items[1]).toEqual(removed.item);
    expect(removed.item.notes).toBe('Pause here for questions.');
  });

  it('saves details and notes by item, and drops notes for an item removed meanwhile', async () => {
    const { packId, itemIds } = await packOfThree();
    const [a, b] = itemIds as [string, string];
    await removePackItem(db, packId, b);
    await updatePack(
      db,
      packId,
      {
        details: { name: ' ', description: 'For new starters', introduction: 'Welcome.' },
        notes: { [a]: 'Start here', [b]: 'lost' },
      },
      900,
    );
    const pack = await getPack(db, packId);
    expect(pack).toMatchObject({
      name: 'Untitled pack',
      description: 'For new starters',
      introduction: 'Welcome.',
      updatedAt: 900,
    });
    expect(pack?.items.map((item) => item.notes)).toEqual(['Start here', '']);
    await expect(updatePack(db, 'nope', { details: { name: 'x' } })).rejects.toThrow(PackRefused);
  });

  it('switches an item to another version only when the trainer asks, and only to a usable one', async () => {
    await pullVersions(db, [await packVersion('a', { version: 1 }), await packVersion('b')]);
    const packId = await createPack(db, { name: 'P', audience: 'social-care', purpose: 'training-sessions' });
    const item = await addPackItem(db, packId, 'a');
    const [v2, v3] = await pullVersions(db, [
      await packVersion('a', { version: 2 }),
      await packVersion('a', { version: 3, consented: ['police'] }),
    ]);
    const [otherResource] = (await listLibrary(db)).filter((record) => record.resourceId === 'b').map((r) => r.id);
    await expect(switchPackItemVersion(db, packId, item.id, v3 ?? '')).rejects.toThrow(/consent/);
    await expect(switchPackItemVersion(db, packId, item.id, otherResource ?? '')).rejects.toThrow(/not a version/);
    await switchPackItemVersion(db, packId, item.id, v2 ?? '');
    expect((await getPack(db, packId))?.items[0]).toMatchObject({ id: item.id, versionId: v2 });

    await pullWithdrawal(db, 'a', 7000);
    const [v1] = (await db.library.where('resourceId').equals('a').toArray()).filter((r) => r.version === 1);
    await expect(switchPackItemVersion(db, packId, item.id, v1?.id ?? '')).rejects.toThrow(/withdrawn/);
  });

  it('sees a withdrawal on the pinned version or in the withdrawals pulled, the earliest first', async () => {
    const { packId } = await packOfThree();
    // A withdrawal row with no mark on the version yet still counts.
    await db.libraryWithdrawals.add({ id: 'w-b', resourceId: 'b', at: 4000, path: 'resources/b/withdrawals/w.json' });
    await pullWithdrawal(db, 'c', 6000);
    await pullWithdrawal(db, 'c', 5000);
    const view = await getPackView(db, packId);
    expect(view?.items.map((each) => each.withdrawnAt)).toEqual([undefined, 4000, 5000]);
    expect((await listPackSummaries(db)).map((summary) => summary.withdrawnCount)).toEqual([2]);
    expect(await getPackView(db, 'missing')).toBeNull();
  });

  it('deletes a pack with Undo, and duplicates one with the same resources and notes', async () => {
    const { packId, itemIds } = await packOfThree();
    await updatePack(db, packId, { notes: { [itemIds[0] ?? '']: 'Mine' } });
    const copyId = await duplicatePack(db, packId, 5000);
    const [original, copy] = [await getPack(db, packId), await getPack(db, copyId)];
    expect(copy).toMatchObject({ name: 'Copy of Week one', audience: 'social-care', createdAt: 5000 });
    expect(copy?.items.map((item) => [item.versionId, item.notes])).toEqual(
      original?.items.map((item) => [item.versionId, item.notes]),
    );
    expect(copy?.items.map((item) => item.id)).not.toEqual(original?.items.map((item) => item.id));

    const deleted = await deletePack(db, packId);
    expect(await getPack(db, packId)).toBeUndefined();
    expect(await db.library.count()).toBe(3);
    if (deleted === undefined) throw new Error('nothing deleted');
    await restorePack(db, deleted);
    expect(await getPack(db, packId)).toEqual(original);
    expect(await deletePack(db, 'nope')).toBeUndefined();
  });
});

describe('support contacts', () => {
  it('adds, edits, removes with Undo, in the order the trainer put them', async () => {
    expect(await getSupportContacts(db)).toEqual([]);
    const first = await saveSupportContact(db, {
      name: ' Local service ',
      description: 'Support',
      contact: '01234 567890',
    });
    const second = await saveSupportContact(db, { name: 'Helpline', description: '', contact: 'help@example.org' });
    await saveSupportContact(db, {
      id: first,
      name: 'Local service',
      description: 'Support for families',
      contact: '01234 567890',
    });
    expect(await getSupportContacts(db)).toEqual([
      { id: first, name: 'Local service', description: 'Support for families', contact: '01234 567890' },
      { id: second, name: 'Helpline', description: '', contact: 'help@example.org' },
    ]);
    const removed = await removeSupportContact(db, first);
    expect((await getSupportContacts(db)).map((contact) => contact.id)).toEqual([second]);
    if (removed === undefined) throw new Error('nothing removed');
    await restoreSupportContact(db, removed);
    expect((await getSupportContacts(db)).map((contact) => contact.id)).toEqual([first, second]);
    expect(await removeSupportContact(db, 'nobody')).toBeUndefined();
  });
});

describe('migration 5', () => {
  it('adds packs to a version 4 database and keeps its library, settings and drafts', async () => {
    const old = openTestDb(migrations.slice(0, 4));
    await old.open();
    const name = old.name;
    const version = await packVersion('kept');
    await old.table('library').add({
      id: version.id,
      resourceId: 'kept',
      version: 1,
      path: 'resources/kept/versions/0001-x.json',
      approved: version,
      pulledAt: 1,
    });
    await old.table('settings').add({ key: 'sync', value: { cursor: 'abc' } });
    await old.table('resources').add({ id: 'r1', title: 'Draft', updatedAt: 1, inTrash: 0 });
    old.close();

    const upgraded = new Database(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(migrations.length);
    expect((await listLibrary(upgraded)).map((record) => record.resourceId)).toEqual(['kept']);
    expect((await upgraded.settings.get('sync'))?.value).toEqual({ cursor: 'abc' });
    expect(await upgraded.resources.get('r1')).toMatchObject({ title: 'Draft' });
    expect(await listPacks(upgraded)).toEqual([]);
    const packId = await createPack(upgraded, {
      name: 'After upgrade',
      audience: 'social-care',
      purpose: 'training-sessions',
    });
    await addPackItem(upgraded, packId, 'kept');
    expect((await getPackView(upgraded, packId))?.items[0]?.pinned?.id).toBe(version.id);
    await upgraded.delete();
  });
});
