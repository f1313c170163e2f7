// Bundled by bench/lib/seed.ts into a script that runs inside the app's page (page.evaluate), so
// benchmark data goes into the app's own 'chorus' IndexedDB database through the app's own db code:
// the same Dexie schema and migrations, createResource (plain text and word count) and
// updateDetails. Never loaded by the app itself.
import { openChorusDb } from '../../renderer/src/db/database';
import { createResource, getDocument, updateDetails } from '../../renderer/src/db/resources';
import type { DraftSeed } from './corpus';
import type { DocumentNode } from '@core/document/text';

async function withDb<T>(work: (db: ReturnType<typeof openChorusDb>) => Promise<T>): Promise<T> {
  const db = openChorusDb();
  try {
    return await work(db);
  } finally {
    db.close();
  }
}

/** One resource holding `doc`; resolves with its id. */
function seedDocument(title: string, doc: DocumentNode): Promise<string> {
  return withDb((db) => createResource(db, { title, doc }));
}

/**
 * Many drafts in one transaction: each createResource and updateDetails joins it (Dexie nests a
 * transaction over the same tables into the outer one), so the run pays one strict-durability
 * flush, not four thousand.
 */
function seedDrafts(drafts: DraftSeed[]): Promise<string[]> {
  return withDb((db) =>
    db.transaction('rw', db.resources, db.documents, async () => {
      const ids: string[] = [];
      for (const draft of drafts) {
        const id = await createResource(db, { title: draft.title, doc: draft.doc }, draft.at);
        await updateDetails(
          db,
          id,
          { summary: draft.summary, audiences: draft.audiences, topics: draft.topics },
          draft.at,
        );
        ids.push(id);
      }
      return ids;
    }),
  );
}

/** The stored document of a resource (what "Import a file" made of a file, say). */
function readDocument(id: string): Promise<DocumentNode | undefined> {
  return withDb(async (db) => (await getDocument(db, id))?.doc);
}

/** How many resources (in or out of the Trash) and documents the database holds. */
function counts(): Promise<{ resources: number; documents: number }> {
  return withDb(async (db) => ({ resources: await db.resources.count(), documents: await db.documents.count() }));
}

Object.defineProperty(globalThis, '__chorusBenchSeed', { value: { seedDocument, seedDrafts, counts, readDocument } });
