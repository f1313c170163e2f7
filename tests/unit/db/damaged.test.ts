import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  collectEverything,
  createResource,
  documentFromText,
  duplicateResource,
  emptyTrash,
  getDocument,
  getResource,
  moveToTrash,
  restoreSnapshot,
  saveDocument,
  takeSnapshot,
  type ArchiveFile,
  type ChorusDb,
} from '../../../renderer/src/db';
import { countResources, documentTexts, listResources, recentResources } from '../../../renderer/src/db/resources';
import { listSnapshots } from '../../../renderer/src/db/snapshots';
import { documentText } from '@core/document/text';
import { fixedClock } from '@core/clock';
import { openTestDb, paragraphs } from '../../helpers/db';

let db: ChorusDb;

beforeEach(() => {
  db = openTestDb();
});

afterEach(async () => {
  await db.delete();
});

/**
 * Puts a record into a table as it is, past every named function: as damaged storage, an old bug
 * or another program would leave it. (Through the table, so with the lock on it is sealed like any
 * other record, and the damage is inside.)
 */
async function plant(database: ChorusDb, table: 'resources' | 'documents' | 'snapshots' | 'images', record: object) {
  await database.table(table).put(record);
}

/** A stored resource record as `createResource` writes it, to damage. */
function soundResource(id: string, at: number): Record<string, unknown> {
  return {
    id,
    title: `Draft ${id}`,
    summary: '',
    audiences: [],
    topics: [],
    contentWarnings: [],
    reviewBy: '',
    status: 'draft',
    version: 1,
    wordCount: 3,
    createdAt: at,
    updatedAt: at,
    inTrash: 0,
    trashedAt: 0,
  };
}

function without(record: Record<string, unknown>, ...fields: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([field]) => !fields.includes(field)));
}

/** The record as stored, under any middleware; with the lock on its content is sealed and only keys show. */
function rawRecord(database: ChorusDb, table: string, key: string): Promise<Record<string, unknown> | undefined> {
  return new Promise((resolve, reject) => {
    const request = database.backendDB().transaction(table, 'readonly').objectStore(table).get(key);
    request.onsuccess = () => resolve(request.result as Record<string, unknown> | undefined);
    request.onerror = () => reject(request.error ?? new Error('raw read failed'));
  });
}

function fileText(files: readonly ArchiveFile[], path: string): string {
  const found = files.find((each) => each.path === path);
  if (found === undefined || typeof found.content !== 'string') {
    throw new Error(`No ${path} in ${files.map((each) => each.path).join(', ')}`);
  }
  return found.content;
}

describe('damaged resources', () => {
  it('are listed with safe values and a marker, never hidden, whatever their indexed fields hold', async () => {
    const sound = await createResource(db, { title: 'Sound' }, 1_000);
    await plant(db, 'resources', { ...soundResource('wrong-types', 2_000), title: 42, audiences: 'x', summary: null });
    await plant(db, 'resources', without(soundResource('no-time', 3_000), 'updatedAt'));
    await plant(db, 'resources', { ...soundResource('bad-trash', 4_000), inTrash: true, status: 'weird' });
    await plant(db, 'resources', { ...soundResource('mixed', 500), audiences: ['police', 7, 'nobody'], topics: [1] });
    await plant(
      db,
      'resources',
      without({ ...soundResource('trashed-no-time', 600), inTrash: 1 }, 'updatedAt', 'title'),
    );
    await plant(db, 'resources', { id: 'bare' });

    const drafts = await listResources(db);
    expect(drafts.map((draft) => draft.id)).toEqual(['bad-trash', 'no-time', 'wrong-types', sound, 'mixed', 'bare']);
    const byId = new Map(drafts.map((draft) => [draft.id, draft]));
    expect(byId.get(sound)?.damaged).toBeUndefined();
    expect(byId.get('wrong-types')).toMatchObject({
      title: 'Untitled draft',
      summary: '',
      audiences: [],
      damaged: ['title', 'summary', 'audiences'],
      found: { title: 42, audiences: 'x', summary: null },
    });
    // Missing times fall back on each other, so the draft keeps its place in the list.
    expect(byId.get('no-time')).toMatchObject({ updatedAt: 3_000, createdAt: 3_000, damaged: ['updatedAt'] });
    expect(byId.get('bad-trash')).toMatchObject({ inTrash: 0, status: 'draft', damaged: ['status', 'inTrash'] });
    // The good entries of a damaged list are kept.
    expect(byId.get('mixed')).toMatchObject({ audiences: ['police'], topics: [], damaged: ['audiences', 'topics'] });
    expect(byId.get('bare')).toMatchObject({
      title: 'Untitled draft',
      status: 'draft',
      version: 1,
      wordCount: 0,
      inTrash: 0,
      updatedAt: 0,
      audiences: [],
    });
    expect(byId.get('bare')?.damaged).toHaveLength(13);

    expect(await countResources(db, 0)).toBe(6);
    expect(await countResources(db, 1)).toBe(1);
    expect((await listResources(db, 1)).map((draft) => draft.id)).toEqual(['trashed-no-time']);
    const firstPage = await recentResources(db, 0, 3);
    expect(firstPage.total).toBe(6);
    expect(firstPage.items.map((draft) => draft.id)).toEqual(['bad-trash', 'no-time', 'wrong-types']);
    expect((await getResource(db, 'wrong-types'))?.damaged).toEqual(['title', 'summary', 'audiences']);
  });

  it('are whole again after a save, and the marker is never stored', async () => {
    await plant(db, 'resources', without({ ...soundResource('damaged', 1_000), title: 42 }, 'updatedAt'));
    await plant(db, 'documents', { resourceId: 'damaged', docJson: JSON.stringify(paragraphs('x')), text: 'x' });
    await saveDocument(db, 'damaged', paragraphs('Now it is whole'), 5_000);
    const saved = await getResource(db, 'damaged');
    expect(saved).toMatchObject({ title: 'Untitled draft', updatedAt: 5_000, wordCount: 4 });
    expect(saved).not.toHaveProperty('damaged');
    expect(saved).not.toHaveProperty('found');
    // A write of a record as read, marker and all, stores it without.
    await db.resources.put({ ...soundResource('copy', 1), damaged: ['title'], found: { title: 1 } } as never);
    for (const id of ['damaged', 'copy']) {
      const raw = await rawRecord(db, 'resources', id);
      expect(raw).toBeDefined();
      expect(raw).not.toHaveProperty('damaged');
      expect(raw).not.toHaveProperty('found');
    }
    expect((await getResource(db, 'copy'))?.damaged).toBeUndefined();
  });

  it('left out of the index can be moved to the Trash and emptied from it', async () => {
    await plant(db, 'resources', without(soundResource('stray', 1_000), 'updatedAt', 'inTrash'));
    await plant(db, 'documents', { resourceId: 'stray', docJson: '{not json', text: 'words' });
    await moveToTrash(db, 'stray', 2_000);
    expect((await listResources(db, 1)).map((draft) => draft.id)).toEqual(['stray']);
    await plant(db, 'resources', without({ ...soundResource('stray-2', 1_000), inTrash: 1 }, 'updatedAt'));
    expect(await countResources(db, 1)).toBe(2);
    expect(await emptyTrash(db)).toBe(2);
    expect(await listResources(db, 1)).toEqual([]);
    expect(await getDocument(db, 'stray')).toBeUndefined();
  });
});

describe('damaged documents', () => {
  const kept = 'The words I kept\n\nA second part\nwith a line break';

  it('open as an empty document with a marker, keeping the stored text and what was stored', async () => {
    const id = await createResource(db, { title: 'Broken' }, 1_000);
    await plant(db, 'documents', { resourceId: id, docJson: '{not json', text: kept, updatedAt: 2_000 });
    const document = await getDocument(db, id);
    expect(document).toMatchObject({
      resourceId: id,
      doc: { type: 'doc', content: [{ type: 'paragraph' }] },
      text: kept,
      updatedAt: 2_000,
      damaged: ['doc'],
      unreadableDoc: '{not json',
    });
    expect((await documentTexts(db)).get(id)).toBe(kept);
  });

  it('are found whether the document is not JSON, not a document, or missing, and never throw', async () => {
    const stored: Array<Record<string, unknown>> = [
      { docJson: 'null' },
      { docJson: '42' },
      { docJson: JSON.stringify({ type: 'doc', content: [null] }) },
      { docJson: JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: 'x' }] }) },
      { docJson: 7 },
      { doc: 'a string' },
      { doc: { type: 'paragraph' } },
      {},
    ];
    for (const [index, fields] of stored.entries()) {
      const id = `broken-${index}`;
      await plant(db, 'documents', { resourceId: id, text: 'words', updatedAt: 1, ...fields });
      const document = await getDocument(db, id);
      expect(document?.damaged, JSON.stringify(fields)).toEqual(['doc']);
      expect(document?.doc).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    }
    await plant(db, 'documents', { resourceId: 'no-text', docJson: JSON.stringify(paragraphs('Only here')) });
    expect(await getDocument(db, 'no-text')).toMatchObject({ text: 'Only here', updatedAt: 0 });
    expect((await getDocument(db, 'no-text'))?.damaged).toEqual(['text', 'updatedAt']);
  });

  it('restore the last saved version, keeping the recovered words in the history', async () => {
    const id = await createResource(db, {}, 0);
    await saveDocument(db, id, paragraphs('An earlier version'), 100);
    const snapshot = await takeSnapshot(db, id, 'named', 'Before', 200);
    await plant(db, 'documents', { resourceId: id, docJson: '{"type":"doc"', text: kept, updatedAt: 300 });
    await restoreSnapshot(db, snapshot, 400);
    const document = await getDocument(db, id);
    expect(document?.damaged).toBeUndefined();
    expect(document?.text).toBe('An earlier version');
    const [beforeRestore] = await listSnapshots(db, id);
    expect(beforeRestore).toMatchObject({ kind: 'before-restore', text: kept });
    expect(documentText(beforeRestore?.doc ?? {})).toBe(kept);
  });

  it('start again from their words through the save, and copy as their words', async () => {
    const id = await createResource(db, {}, 0);
    await plant(db, 'documents', { resourceId: id, docJson: '{not json', text: kept, updatedAt: 1 });
    const copy = await duplicateResource(db, id, 2);
    expect((await getDocument(db, copy))?.doc).toEqual(documentFromText(kept));
    await saveDocument(db, id, documentFromText(kept), 3);
    const document = await getDocument(db, id);
    expect(document?.damaged).toBeUndefined();
    expect(document?.text).toBe(kept);
    expect(document?.doc).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'The words I kept' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'A second part' },
            { type: 'hardBreak' },
            { type: 'text', text: 'with a line break' },
          ],
        },
      ],
    });
  });
});

describe('exporting everything with damaged records', () => {
  it('completes, keeps every record in data/, and says what was damaged and what was done', async () => {
    const sound = await createResource(db, { title: 'Sound' }, 1_000);
    await saveDocument(db, sound, paragraphs('Sound words'), 1_500);
    await plant(db, 'resources', { ...soundResource('wrong-title', 2_000), title: 42 });
    await plant(db, 'documents', {
      resourceId: 'wrong-title',
      docJson: JSON.stringify(paragraphs('Fine')),
      text: 'Fine',
      updatedAt: 2,
    });
    await plant(db, 'resources', soundResource('broken-doc', 3_000));
    await plant(db, 'documents', {
      resourceId: 'broken-doc',
      docJson: '{not json',
      text: 'Recovered words',
      updatedAt: 3,
    });
    await plant(db, 'snapshots', { id: 99, resourceId: sound, kind: 'weird', createdAt: 'never', doc: null });
    await plant(db, 'images', { id: 'no-picture', createdAt: 1 });
    // Only a setting in the clear can hold what JSON cannot: with the lock on, settings are sealed, as JSON.
    const clear = process.env.CHORUS_TEST_SEALED !== '1';
    if (clear) await db.settings.put({ key: 'from another program', value: 10n });

    const files = await collectEverything(db, fixedClock(10_000));
    const note = fileText(files, 'DAMAGED.txt');
    expect(note).toContain('resources/wrong-title: these details were missing or could not be read: title');
    expect(note).toContain('documents/broken-doc: the draft’s text could not be read as a document');
    expect(note).toContain('snapshots/99: this saved version’s page could not be made');
    expect(note).toContain('images/no-picture: the record holds no picture');
    if (clear) {
      expect(note).toContain('settings, record 1: the record holds something JSON cannot');
      expect(JSON.parse(fileText(files, 'data/settings.json'))).toEqual([{ key: 'from another program', value: '10' }]);
    }
    expect(fileText(files, 'README.txt')).toContain(`DAMAGED.txt: ${clear ? 5 : 4} things Chorus found damaged`);

    expect(JSON.parse(fileText(files, 'data/resources.json'))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'wrong-title', title: 'Untitled draft', found: { title: 42 } }),
      ]),
    );
    expect(JSON.parse(fileText(files, 'data/documents.json'))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resourceId: 'broken-doc', unreadableDoc: '{not json', text: 'Recovered words' }),
      ]),
    );
    expect(JSON.parse(fileText(files, 'data/snapshots.json'))).toEqual([
      expect.objectContaining({ id: 99, kind: 'weird', doc: null }),
    ]);
    expect(JSON.parse(fileText(files, 'data/images.json'))).toEqual([{ id: 'no-picture', createdAt: 1 }]);
    expect(fileText(files, 'drafts/Draft broken-doc-broken-doc.html')).toContain('<p>Recovered words</p>');
    expect(fileText(files, `drafts/Sound-${sound}.html`)).toContain('<p>Sound words</p>');
    expect(fileText(files, 'drafts/Untitled draft-wrong-title.html')).toContain('<p>Fine</p>');
  });
});

/** Any JSON value, or the field left out. */
const damagedValue = fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined });
const resourceFields = [
  'title',
  'summary',
  'audiences',
  'topics',
  'contentWarnings',
  'reviewBy',
  'status',
  'version',
  'wordCount',
  'createdAt',
  'updatedAt',
  'inTrash',
  'trashedAt',
];
/** What a document's stored JSON may be: not JSON at all, any JSON, or left out. */
const damagedDocJson = fc.oneof(
  fc.string().map((text) => `{${text}`),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant(undefined),
);
const damage = fc.record({
  resource: fc.dictionary(fc.constantFrom(...resourceFields), damagedValue, { maxKeys: 6 }),
  document: fc.record({ docJson: damagedDocJson, text: damagedValue, updatedAt: damagedValue }, { requiredKeys: [] }),
});

/** `record` with `changes` made: a field set to undefined is left out. */
function damaged(record: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries({ ...record, ...changes }).filter(([field]) => !(field in changes) || changes[field] !== undefined),
  );
}

describe('random damage', () => {
  it('never stops the lists, a document opening or the export, and never hides a draft', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(damage, { nil: null }), { minLength: 1, maxLength: 5 }), async (damages) => {
        const database = openTestDb();
        try {
          const ids: string[] = [];
          for (const [index, change] of damages.entries()) {
            const id = await createResource(database, { title: `Draft ${index}` }, 1_000 + index);
            await saveDocument(database, id, paragraphs(`Words of draft ${index}`), 2_000 + index);
            ids.push(id);
            if (change === null) continue;
            const resource = (await database.table('resources').get(id)) as Record<string, unknown>;
            await plant(database, 'resources', damaged(resource, change.resource));
            const document = (await database.table('documents').get(id)) as Record<string, unknown>;
            await plant(database, 'documents', damaged(document, change.document));
          }

          const drafts = await listResources(database, 0);
          const trashed = await listResources(database, 1);
          expect([...drafts, ...trashed].map((draft) => draft.id).sort()).toEqual([...ids].sort());
          expect((await countResources(database, 0)) + (await countResources(database, 1))).toBe(ids.length);
          const firstPage = await recentResources(database, 0, 2);
          expect(firstPage.total).toBe(drafts.length);
          expect(firstPage.items).toEqual(drafts.slice(0, 2));
          for (const draft of [...drafts, ...trashed]) {
            expect(typeof draft.title).toBe('string');
            expect(Number.isFinite(draft.updatedAt)).toBe(true);
            expect(Array.isArray(draft.audiences)).toBe(true);
          }
          for (const id of ids) {
            const document = await getDocument(database, id);
            expect(document?.doc.type).toBe('doc');
            expect(typeof document?.text).toBe('string');
          }
          await documentTexts(database);

          const files = await collectEverything(database);
          const exported = JSON.parse(fileText(files, 'data/resources.json')) as Array<{ id: string }>;
          expect(exported.map((record) => record.id).sort()).toEqual([...ids].sort());
          const pages = files.filter((file) => file.path.startsWith('drafts/'));
          expect(pages).toHaveLength(ids.length);
        } finally {
          await database.delete();
        }
      }),
      { numRuns: 30 },
    );
  });
});
