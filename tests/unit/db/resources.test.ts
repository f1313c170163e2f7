import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  autoSnapshotIntervalMs,
  createImageStore,
  createResource,
  duplicateResource,
  emptyTrash,
  getDocument,
  getResource,
  moveToTrash,
  restoreFromTrash,
  restoreSnapshot,
  saveDocument,
  takeSnapshot,
  updateDetails,
  type ChorusDb,
} from '../../../renderer/src/db';
import { countResources, listResources, recentResources } from '../../../renderer/src/db/resources';
import { listSnapshots } from '../../../renderer/src/db/snapshots';
import { openTestDb, paragraphs } from '../../helpers/db';

let db: ChorusDb;

beforeEach(() => {
  db = openTestDb();
});

afterEach(async () => {
  await db.delete();
});

describe('resources', () => {
  it('creates a draft with an empty document and lists newest first', async () => {
    const first = await createResource(db, { title: 'First' }, 1000);
    const second = await createResource(db, {}, 2000);
    const list = await listResources(db);
    expect(list.map((r) => r.id)).toEqual([second, first]);
    expect(list[0]).toMatchObject({ title: 'Untitled draft', status: 'draft', wordCount: 0, inTrash: 0 });
    expect((await getDocument(db, first))?.doc).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('reads the newest page and counts the rest without reading it, leaving the Trash apart', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 12; index += 1) ids.push(await createResource(db, { title: `Draft ${index}` }, index));
    await moveToTrash(db, ids[11] ?? '');
    await moveToTrash(db, ids[3] ?? '');
    const recent = await recentResources(db, 0, 5);
    expect(recent.items.map((r) => r.title)).toEqual(['Draft 10', 'Draft 9', 'Draft 8', 'Draft 7', 'Draft 6']);
    expect(recent.total).toBe(10);
    expect((await listResources(db)).slice(0, 5)).toEqual(recent.items);
    expect(await countResources(db, 1)).toBe(2);
    expect((await recentResources(db, 0, 50)).items).toHaveLength(10);
  });

  it('saves the document, its text, word count and updatedAt together', async () => {
    const id = await createResource(db, {}, 1000);
    await saveDocument(db, id, paragraphs('What I wish you knew', 'is this.'), 5000);
    const document = await getDocument(db, id);
    expect(document).toMatchObject({ text: 'What I wish you knew\n\nis this.', updatedAt: 5000 });
    expect(await getResource(db, id)).toMatchObject({ updatedAt: 5000, wordCount: 7 });
  });

  it('stores a serialised document as JSON text, and reads it back as the same document', async () => {
    const id = await createResource(db, {}, 1000);
    const doc = paragraphs('Typed in one piece', 'and kept whole.');
    const text = 'Typed in one piece\n\nand kept whole.';
    await saveDocument(db, id, { json: JSON.stringify(doc), text, wordCount: 7 }, 5000);
    expect(await getDocument(db, id)).toEqual({ resourceId: id, doc, text, updatedAt: 5000 });
    expect(await db.documents.toArray()).toEqual([{ resourceId: id, doc, text, updatedAt: 5000 }]);
    expect(await getResource(db, id)).toMatchObject({ updatedAt: 5000, wordCount: 7 });
    // Under the reading layer, the document is one string.
    const raw = new Dexie(db.name);
    await raw.open();
    const [stored] = (await raw.table('documents').toArray()) as Record<string, unknown>[];
    raw.close();
    expect(Object.keys(stored ?? {}).sort()).toEqual(
      process.env.CHORUS_TEST_SEALED === '1'
        ? ['$sealed', 'resourceId']
        : ['docJson', 'resourceId', 'text', 'updatedAt'],
    );
  });

  it('rolls the whole save back when the resource does not exist', async () => {
    await expect(saveDocument(db, 'missing', paragraphs('x'))).rejects.toThrow('No resource missing');
    expect(await getDocument(db, 'missing')).toBeUndefined();
  });

  it('takes an automatic snapshot once ten minutes of editing have passed', async () => {
    const id = await createResource(db, {}, 0);
    await saveDocument(db, id, paragraphs('one'), 1000);
    await saveDocument(db, id, paragraphs('two'), autoSnapshotIntervalMs - 1);
    expect(await listSnapshots(db, id)).toEqual([]);
    await saveDocument(db, id, paragraphs('three'), autoSnapshotIntervalMs);
    await saveDocument(db, id, paragraphs('four'), autoSnapshotIntervalMs + 60_000);
    const snapshots = await listSnapshots(db, id);
    expect(snapshots.map((s) => [s.kind, s.text])).toEqual([['auto', 'three']]);
    await saveDocument(db, id, paragraphs('five'), 2 * autoSnapshotIntervalMs + 1);
    expect((await listSnapshots(db, id)).map((s) => s.text)).toEqual(['five', 'three']);
  });

  it('restores a snapshot after snapshotting the current state', async () => {
    const id = await createResource(db, {}, 0);
    await saveDocument(db, id, paragraphs('the old words'), 100);
    const named = await takeSnapshot(db, id, 'named', '  Before the session  ', 200);
    await saveDocument(db, id, paragraphs('the new words'), 300);
    await restoreSnapshot(db, named, 400);
    expect((await getDocument(db, id))?.text).toBe('the old words');
    const snapshots = await listSnapshots(db, id);
    expect(snapshots.map((s) => [s.kind, s.label, s.text])).toEqual([
      ['before-restore', '', 'the new words'],
      ['named', 'Before the session', 'the old words'],
    ]);
    expect((await getResource(db, id))?.updatedAt).toBeGreaterThan(400);
  });

  it('renames and updates details, never leaving an empty title', async () => {
    const id = await createResource(db, { title: 'A' }, 0);
    await updateDetails(db, id, { title: '   ', audiences: ['police', 'health'], reviewBy: '2027-03-01' }, 10);
    expect(await getResource(db, id)).toMatchObject({
      title: 'Untitled draft',
      audiences: ['police', 'health'],
      reviewBy: '2027-03-01',
      updatedAt: 10,
    });
    await expect(updateDetails(db, 'missing', { title: 'x' })).rejects.toThrow();
  });

  it('duplicates a resource with its document as a new draft', async () => {
    const id = await createResource(db, { title: 'Original' }, 0);
    await saveDocument(db, id, paragraphs('Shared words'), 10);
    const copy = await duplicateResource(db, id, 20);
    expect(await getResource(db, copy)).toMatchObject({ title: 'Copy of Original', status: 'draft', createdAt: 20 });
    expect((await getDocument(db, copy))?.text).toBe('Shared words');
  });

  it('moves to the Trash, restores, and empties the Trash with documents, snapshots and unused images', async () => {
    const images = createImageStore(db);
    const png = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
    const keptImage = await images.store(png);
    const droppedImage = await images.store(png);
    const image = (imageId: string) => ({
      type: 'doc',
      content: [{ type: 'chorusImage', attrs: { imageId, alt: '' } }],
    });
    const keep = await createResource(db, { doc: image(keptImage) }, 0);
    const drop = await createResource(db, { doc: image(droppedImage) }, 0);
    await takeSnapshot(db, drop, 'named', 'x', 1);
    await moveToTrash(db, drop, 5);
    expect((await listResources(db)).map((r) => r.id)).toEqual([keep]);
    expect((await listResources(db, 1)).map((r) => r.id)).toEqual([drop]);
    await restoreFromTrash(db, drop);
    expect(await listResources(db, 1)).toEqual([]);
    await moveToTrash(db, drop, 6);
    expect(await emptyTrash(db)).toBe(1);
    expect(await getResource(db, drop)).toBeUndefined();
    expect(await getDocument(db, drop)).toBeUndefined();
    expect(await listSnapshots(db, drop)).toEqual([]);
    expect(await db.images.get(droppedImage)).toBeUndefined();
    expect(await db.images.get(keptImage)).toBeDefined();
  });

  it('refuses images of other types or too large', async () => {
    const images = createImageStore(db);
    await expect(images.store(new Blob(['<svg/>'], { type: 'image/svg+xml' }))).rejects.toThrow('Only PNG');
    await expect(images.resolve('nothing')).resolves.toBeNull();
  });
});
