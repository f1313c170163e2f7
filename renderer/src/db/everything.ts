import { archiveReadme, damageNote, draftPage, snapshotPage, type DamageNote } from '@core/document/archive';
import { systemClock, type Clock } from '@core/clock';
import type { IndexableType, Table } from 'dexie';
import type { ChorusDb } from './database';
import { isDocumentDamaged, readableDocument } from './repair';
import {
  statusLabels,
  type DocumentRecord,
  type ImageRecord,
  type ResourceRecord,
  type SnapshotRecord,
} from './records';

/** One file of the "everything of mine" archive: its path inside the zip and its contents. */
export interface ArchiveFile {
  path: string;
  content: string | Uint8Array;
  /** Already compressed (pictures): stored as it is rather than squeezed again. */
  compressed?: boolean;
}

const imageExtensions: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * A title made safe as part of a file name on every system: letters, digits, spaces, hyphens and
 * underscores only, at most 60 characters. The record's id follows it, so names never collide.
 */
export function safeFileTitle(title: string): string {
  const cleaned = title
    .replace(/[^\p{L}\p{N} _-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60)
    .trim();
  return cleaned === '' ? 'Untitled' : cleaned;
}

/** Ids come from this device, but a library copy came from elsewhere: keep paths to a safe alphabet. */
function safeId(id: string | number): string {
  return String(id).replace(/[^A-Za-z0-9_-]/g, '_');
}

function imagePath(image: ImageRecord): string {
  return `images/${safeId(image.id)}.${imageExtensions[image.blob.type] ?? 'bin'}`;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** A record's key, as the note names it. */
function keyText(key: unknown): string {
  return typeof key === 'string' || typeof key === 'number' ? String(key) : 'a record with no usable key';
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `make`; if it throws, notes why (`where`, `what`) and gives `fallback`. One record never stops the archive. */
function guarded<T>(notes: DamageNote[], where: string, what: string, make: () => T, fallback: T): T {
  try {
    return make();
  } catch (error) {
    notes.push({ where, what: `${what} (${reason(error)})` });
    return fallback;
  }
}

async function guardedAsync<T>(
  notes: DamageNote[],
  where: string,
  what: string,
  make: () => Promise<T>,
  fallback: T,
): Promise<T> {
  try {
    return await make();
  } catch (error) {
    notes.push({ where, what: `${what} (${reason(error)})` });
    return fallback;
  }
}

function isImage(record: unknown): record is ImageRecord {
  return typeof record === 'object' && record !== null && (record as Partial<ImageRecord>).blob instanceof Blob;
}

async function imageFiles(images: readonly unknown[], notes: DamageNote[]): Promise<ArchiveFile[]> {
  const files = await Promise.all(
    images.map(async (image) => {
      if (!isImage(image)) return null;
      return guardedAsync<ArchiveFile | null>(
        notes,
        `images/${keyText(image.id)}`,
        'the picture could not be read, so it has no file in images/; its entry is in data/images.json',
        async () => ({
          path: imagePath(image),
          content: new Uint8Array(await image.blob.arrayBuffer()),
          compressed: true,
        }),
        null,
      );
    }),
  );
  return files.filter((each) => each !== null);
}

/** The images table without its Blobs: each entry says which file in the archive holds the picture. */
function imagesJson(images: readonly unknown[], notes: DamageNote[]): string {
  return json(
    images.map((image) => {
      if (isImage(image)) {
        return {
          id: image.id,
          file: imagePath(image),
          type: image.blob.type,
          size: image.blob.size,
          createdAt: image.createdAt,
        };
      }
      const id = (image as Partial<ImageRecord> | null)?.id;
      notes.push({ where: `images/${keyText(id)}`, what: 'the record holds no picture; it is kept here as it was' });
      return image;
    }),
  );
}

/** A value as JSON can hold it: a BigInt as its digits, and an object met again (a cycle) as a few words. */
function asJsonValue(value: unknown): unknown {
  const seen = new WeakSet<object>();
  const text = JSON.stringify(value, (_field, each: unknown) => {
    if (typeof each === 'bigint') return each.toString();
    if (typeof each === 'object' && each !== null) {
      if (seen.has(each)) return '(repeated)';
      seen.add(each);
    }
    return each;
  }) as string | undefined;
  return text === undefined ? null : (JSON.parse(text) as unknown);
}

/** A table as JSON; a record JSON cannot hold as it is (a BigInt, a cycle) is kept as near as JSON allows. */
function tableJson(name: string, records: readonly unknown[], notes: DamageNote[]): string {
  try {
    return json(records);
  } catch {
    return json(
      records.map((record, index) => {
        try {
          return JSON.parse(JSON.stringify(record)) as unknown;
        } catch {
          notes.push({
            where: `${name}, record ${index + 1}`,
            what: 'the record holds something JSON cannot, so those parts are written as text in the data file',
          });
          return asJsonValue(record);
        }
      }),
    );
  }
}

function draftFiles(
  resources: readonly ResourceRecord[],
  documents: readonly DocumentRecord[],
  clock: Clock,
  notes: DamageNote[],
): ArchiveFile[] {
  const byId = new Map(documents.map((document) => [document.resourceId, document]));
  for (const resource of resources) {
    if (resource.damaged !== undefined) {
      notes.push({
        where: `resources/${keyText(resource.id)}`,
        what:
          `these details were missing or could not be read: ${resource.damaged.join(', ')}. The draft’s page and ` +
          'data/resources.json show safe values in their place; what was stored in them is under “found”',
      });
    }
  }
  for (const document of documents) {
    if (document.damaged === undefined) continue;
    notes.push({
      where: `documents/${keyText(document.resourceId)}`,
      what: isDocumentDamaged(document)
        ? 'the draft’s text could not be read as a document. Its page shows the plain text Chorus kept beside it; ' +
          'what was stored is in data/documents.json under “unreadableDoc”'
        : `these fields were missing or could not be read: ${document.damaged.join(', ')}`,
    });
  }
  return resources.flatMap((resource) => {
    const document = byId.get(resource.id);
    const path = `drafts/${safeFileTitle(resource.title)}-${safeId(resource.id)}.html`;
    return guarded(
      notes,
      path,
      'this page could not be made; the draft is in data/resources.json and data/documents.json',
      () => [
        {
          path,
          content: draftPage(
            {
              title: resource.title,
              status: resource.inTrash === 1 ? 'In the Trash' : statusLabels[resource.status],
              updatedAt: resource.updatedAt,
              contentWarnings: resource.contentWarnings,
            },
            document === undefined ? { type: 'doc' } : readableDocument(document),
            clock,
          ),
        },
      ],
      [],
    );
  });
}

function snapshotFiles(
  resources: readonly ResourceRecord[],
  snapshots: readonly SnapshotRecord[],
  clock: Clock,
  notes: DamageNote[],
): ArchiveFile[] {
  const titles = new Map(resources.map((resource) => [resource.id, resource.title]));
  return snapshots.flatMap((snapshot) =>
    guarded(
      notes,
      `snapshots/${keyText(snapshot.id)}`,
      'this saved version’s page could not be made; it is in data/snapshots.json as it was',
      () => {
        const title = titles.get(snapshot.resourceId) ?? 'A deleted draft';
        return [
          {
            path: `history/${safeFileTitle(title)}-${safeId(snapshot.resourceId)}/${safeId(snapshot.id ?? 0)}.html`,
            content: snapshotPage(title, snapshot, clock),
          },
        ];
      },
      [],
    ),
  );
}

/**
 * A table's records. When the table cannot be read at once (a record that cannot be opened), each
 * record is read on its own, and the ones that cannot be read are noted.
 */
async function readTable(table: Table, notes: DamageNote[]): Promise<unknown[]> {
  try {
    return (await table.toArray()) as unknown[];
  } catch {
    const keys = await guardedAsync<unknown[]>(
      notes,
      table.name,
      'the table could not be read, so it is not in this archive',
      () => table.toCollection().primaryKeys(),
      [],
    );
    const records = await Promise.all(
      keys.map((key) =>
        guardedAsync<unknown>(
          notes,
          `${table.name}/${keyText(key)}`,
          'the record could not be read, so it is not in this archive',
          () => table.get(key as IndexableType),
          undefined,
        ),
      ),
    );
    return records.filter((record) => record !== undefined);
  }
}

const asList = <T>(records: readonly unknown[], valid: (record: unknown) => boolean): T[] =>
  records.filter(valid) as T[];
const isObject = (record: unknown): boolean => typeof record === 'object' && record !== null;

/**
 * Every table Chorus keeps on this device, read in one transaction so the archive is one moment's
 * state: one JSON file per table, the pictures as files of their own, each draft and each saved
 * version as a readable web page, and a README saying what is what. Tables are found from the
 * schema, so a table added later is exported without changes here. It always completes: each
 * table, page and picture is made on its own, a damaged record is kept in `data/` as it was read,
 * and `DAMAGED.txt` says what was damaged and what was done.
 */
export async function collectEverything(db: ChorusDb, clock: Clock = systemClock): Promise<ArchiveFile[]> {
  const notes: DamageNote[] = [];
  const tables = [...db.tables].sort((a, b) => a.name.localeCompare(b.name));
  const contents = await db.transaction('r', tables, () =>
    Promise.all(tables.map(async (table) => ({ name: table.name, records: await readTable(table, notes) }))),
  );
  const recordsOf = (name: string): unknown[] => contents.find((each) => each.name === name)?.records ?? [];
  const resources = asList<ResourceRecord>(recordsOf('resources'), isObject);
  const images = recordsOf('images');

  const dataFiles = contents.map(({ name, records }) => ({
    path: `data/${name}.json`,
    content: name === 'images' ? imagesJson(images, notes) : tableJson(name, records, notes),
  }));
  const pictures = await imageFiles(images, notes);
  const drafts = draftFiles(resources, asList<DocumentRecord>(recordsOf('documents'), isObject), clock, notes);
  const history = snapshotFiles(resources, asList<SnapshotRecord>(recordsOf('snapshots'), isObject), clock, notes);
  return [
    {
      path: 'README.txt',
      content: archiveReadme(
        tables.map((table) => table.name),
        notes.length,
        clock,
      ),
    },
    ...(notes.length === 0 ? [] : [{ path: 'DAMAGED.txt', content: damageNote(notes) }]),
    ...dataFiles,
    ...pictures,
    ...drafts,
    ...history,
  ];
}

/**
 * Deletes Chorus's database and every other IndexedDB database of this origin, waiting until each
 * is gone. `onBlocked` is called when another window or tab keeps a database open: the deletion
 * then waits for it to close, and the person should be told why nothing is happening.
 */
export async function eraseDatabases(db: ChorusDb, onBlocked: () => void): Promise<void> {
  const blocked = () => onBlocked();
  db.on('blocked', blocked);
  try {
    db.close({ disableAutoOpen: true });
    await db.delete({ disableAutoOpen: true });
  } finally {
    db.on('blocked').unsubscribe(blocked);
  }
  // Anything else this origin keeps in IndexedDB, such as key material stored beside the database.
  const others = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : [];
  for (const { name } of others) {
    if (name !== undefined && name !== '') await deleteIndexedDb(name, onBlocked);
  }
}

function deleteIndexedDb(name: string, onBlocked: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`Could not delete ${name}`));
    request.onblocked = () => onBlocked();
  });
}
