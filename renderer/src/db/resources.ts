import { Dexie } from 'dexie';
import {
  documentText,
  emptyDocument,
  imageIdsOf,
  type DocumentNode,
  type SerializedDocument,
} from '@core/document/text';
import { newId } from '@core/ids';
import { countWords } from '@core/document/text-stats';
import type { ChorusDb } from './database';
import { untitled, type DocumentRecord, type ResourceRecord } from './records';
import { readableDocument } from './repair';
import { autoSnapshotIntervalMs } from './snapshots';
import { systemClock } from '@core/clock';

export type ResourceDetails = Pick<
  ResourceRecord,
  'title' | 'summary' | 'audiences' | 'topics' | 'contentWarnings' | 'reviewBy'
>;

export { untitled };

export async function createResource(
  db: ChorusDb,
  init: { title?: string; doc?: DocumentNode } = {},
  now = systemClock.now(),
): Promise<string> {
  const id = newId();
  const doc = init.doc ?? emptyDocument();
  const text = documentText(doc);
  await db.transaction('rw', db.resources, db.documents, async () => {
    await db.resources.add({
      id,
      title: init.title?.trim() || untitled,
      summary: '',
      audiences: [],
      topics: [],
      contentWarnings: [],
      reviewBy: '',
      status: 'draft',
      version: 1,
      wordCount: countWords(text),
      createdAt: now,
      updatedAt: now,
      inTrash: 0,
      trashedAt: 0,
    });
    await db.documents.add({ resourceId: id, doc, text, updatedAt: now });
  });
  return id;
}

export async function getResource(db: ChorusDb, id: string): Promise<ResourceRecord | undefined> {
  return db.resources.get(id);
}

export async function getDocument(db: ChorusDb, id: string): Promise<DocumentRecord | undefined> {
  return db.documents.get(id);
}

/** Resources in or out of the Trash, in the order of the compound index: oldest edit first. */
function byLastEdited(db: ChorusDb, inTrash: 0 | 1) {
  return db.resources.where('[inTrash+updatedAt]').between([inTrash, Dexie.minKey], [inTrash, Dexie.maxKey]);
}

/**
 * How many resources the compound index holds in or out of the Trash, and the ones it leaves out
 * that belong there as read (see `repair.ts`): a record damaged in storage, whose `inTrash` or
 * `updatedAt` is missing or not a key IndexedDB can index, is in neither of its ranges. The common
 * case costs three counts; only when they do not add up are the keys compared and the strays read.
 */
async function indexGaps(db: ChorusDb, inTrash: 0 | 1): Promise<{ count: number; strays: ResourceRecord[] }> {
  const [count, others, all] = await Promise.all([
    byLastEdited(db, inTrash).count(),
    byLastEdited(db, inTrash === 0 ? 1 : 0).count(),
    db.resources.count(),
  ]);
  if (count + others === all) return { count, strays: [] };
  const [drafts, trashed, keys] = await Promise.all([
    byLastEdited(db, 0).primaryKeys(),
    byLastEdited(db, 1).primaryKeys(),
    db.resources.toCollection().primaryKeys(),
  ]);
  const indexed = new Set<string>([...drafts, ...trashed]);
  const found = await db.resources.bulkGet(keys.filter((key) => !indexed.has(key)));
  const strays = found.filter((record): record is ResourceRecord => record?.inTrash === inTrash);
  return { count, strays };
}

/** `indexed` (newest first, from the index) with `strays` put in their places by their repaired times. */
function withStrays(indexed: ResourceRecord[], strays: readonly ResourceRecord[]): ResourceRecord[] {
  if (strays.length === 0) return indexed;
  return [...indexed, ...strays].sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Resources newest-edited first, in or out of the Trash, read through the compound index. */
export async function listResources(db: ChorusDb, inTrash: 0 | 1 = 0): Promise<ResourceRecord[]> {
  return db.transaction('r', db.resources, async () => {
    const [items, { strays }] = await Promise.all([
      byLastEdited(db, inTrash).reverse().toArray(),
      indexGaps(db, inTrash),
    ]);
    return withStrays(items, strays);
  });
}

/** How many resources there are (in the Trash, or not), counted on the index without reading them. */
export async function countResources(db: ChorusDb, inTrash: 0 | 1): Promise<number> {
  return db.transaction('r', db.resources, async () => {
    const { count, strays } = await indexGaps(db, inTrash);
    return count + strays.length;
  });
}

/**
 * The `limit` most recently edited resources and how many there are in all: the first page of a
 * list, read without reading (or, with the lock on, opening) every record.
 */
export async function recentResources(
  db: ChorusDb,
  inTrash: 0 | 1,
  limit: number,
): Promise<{ items: ResourceRecord[]; total: number }> {
  return db.transaction('r', db.resources, async () => {
    const [items, { count, strays }] = await Promise.all([
      byLastEdited(db, inTrash).reverse().limit(limit).toArray(),
      indexGaps(db, inTrash),
    ]);
    if (strays.length === 0) return { items, total: count };
    // Only with damaged records: the whole list, put in order as `listResources` does, so both agree.
    const all = withStrays(await byLastEdited(db, inTrash).reverse().toArray(), strays);
    return { items: all.slice(0, limit), total: all.length };
  });
}

/** The plain text of every document, for full-text search in memory (indexes hold no content). */
export async function documentTexts(db: ChorusDb): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const record of await db.documents.toArray()) texts.set(record.resourceId, record.text);
  return texts;
}

export async function updateDetails(
  db: ChorusDb,
  id: string,
  patch: Partial<ResourceDetails>,
  now = systemClock.now(),
): Promise<void> {
  const clean: Partial<ResourceDetails> = { ...patch };
  if (clean.title !== undefined) clean.title = clean.title.trim() || untitled;
  const changed = await db.resources.update(id, { ...clean, updatedAt: now });
  if (changed === 0) throw new Error(`No resource ${id}`);
}

/**
 * Saves a document and its resource's `updatedAt` and word count in one transaction, and takes an
 * automatic snapshot when the last one is more than ten minutes old. The editor hands the document
 * over already serialised (see `editor/document-serializer.ts`), and it is stored as JSON text:
 * see `document-codec.ts`.
 */
export async function saveDocument(
  db: ChorusDb,
  id: string,
  document: DocumentNode | SerializedDocument,
  now = systemClock.now(),
): Promise<{ savedAt: number; text: string; wordCount: number }> {
  const { json, text, wordCount } = isSerialized(document) ? document : serialize(document);
  await db.transaction('rw', db.resources, db.documents, db.snapshots, async () => {
    const resource = await db.resources.get(id);
    if (resource === undefined) throw new Error(`No resource ${id}`);
    // Only the newest snapshot's key is read: loading whole documents here would cost every save.
    const lastKey = await db.snapshots
      .where('[resourceId+createdAt]')
      .between([id, Dexie.minKey], [id, Dexie.maxKey])
      .lastKey();
    const lastTime = Array.isArray(lastKey) && typeof lastKey[1] === 'number' ? lastKey[1] : resource.createdAt;
    // A snapshot is due after ten minutes of editing, and only if the words changed since the last save.
    const snapshotDue = now - lastTime >= autoSnapshotIntervalMs && (await db.documents.get(id))?.text !== text;
    // Stored as text, read back as `doc` (document-codec.ts); the table's type names the read form.
    const stored = { resourceId: id, docJson: json, text, updatedAt: now } as unknown as DocumentRecord;
    await db.documents.put(stored);
    // A put of the record just read, not `update`, which would read it again first.
    await db.resources.put({ ...resource, updatedAt: now, wordCount });
    if (snapshotDue) {
      const doc = JSON.parse(json) as DocumentNode;
      await db.snapshots.add({ resourceId: id, kind: 'auto', label: '', createdAt: now, doc, text, wordCount });
    }
  });
  return { savedAt: now, text, wordCount };
}

function isSerialized(document: DocumentNode | SerializedDocument): document is SerializedDocument {
  return typeof (document as Partial<SerializedDocument>).json === 'string';
}

function serialize(doc: DocumentNode): SerializedDocument {
  const text = documentText(doc);
  return { json: JSON.stringify(doc), text, wordCount: countWords(text) };
}

export async function duplicateResource(db: ChorusDb, id: string, now = systemClock.now()): Promise<string> {
  const [resource, document] = await Promise.all([db.resources.get(id), db.documents.get(id)]);
  if (resource === undefined || document === undefined) throw new Error(`No resource ${id}`);
  const copyId = newId();
  await db.transaction('rw', db.resources, db.documents, async () => {
    await db.resources.add({
      ...resource,
      id: copyId,
      title: `Copy of ${resource.title}`,
      status: 'draft',
      version: 1,
      createdAt: now,
      updatedAt: now,
      inTrash: 0,
      trashedAt: 0,
    });
    // A damaged document is copied as the words it still has (the copy's `doc` would be empty).
    await db.documents.add({ ...document, doc: readableDocument(document), resourceId: copyId, updatedAt: now });
  });
  return copyId;
}

export async function moveToTrash(db: ChorusDb, id: string, now = systemClock.now()): Promise<void> {
  await db.resources.update(id, { inTrash: 1, trashedAt: now });
}

export async function restoreFromTrash(db: ChorusDb, id: string): Promise<void> {
  await db.resources.update(id, { inTrash: 0, trashedAt: 0 });
}

/**
 * Deletes every resource in the Trash with its document and snapshots, then any image that no
 * remaining document or snapshot refers to. Returns how many resources were deleted.
 */
export async function emptyTrash(db: ChorusDb): Promise<number> {
  return db.transaction('rw', [db.resources, db.documents, db.snapshots, db.images], async () => {
    const [indexed, { strays }] = await Promise.all([byLastEdited(db, 1).primaryKeys(), indexGaps(db, 1)]);
    const ids = [...indexed, ...strays.map((resource) => resource.id)];
    await db.snapshots.where('resourceId').anyOf(ids).delete();
    await db.documents.bulkDelete(ids);
    await db.resources.bulkDelete(ids);
    const used = new Set<string>();
    // Read whole, not through a cursor: with the lock on these records are sealed (see sealing.ts).
    for (const record of [...(await db.documents.toArray()), ...(await db.snapshots.toArray())]) {
      imageIdsOf(record.doc).forEach((imageId) => used.add(imageId));
    }
    const unused = (await db.images.toCollection().primaryKeys()).filter((imageId) => !used.has(imageId));
    await db.images.bulkDelete(unused);
    return ids.length;
  });
}
