import { ChorusDb } from './database';
import { failedAnswer, writeRequestSchema, type WriteAnswer } from './document-writer-protocol';
import { saveDocument } from './resources';

/** The parts of a dedicated worker's global scope this uses (the renderer's types are the page's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: WriteAnswer): void;
}

const scope = globalThis as unknown as WorkerScope;
const databases = new Map<string, ChorusDb>();

/**
 * Writes drafts for the page, off its main thread: the IndexedDB transaction, the copy of a long
 * document into it, and the encryption when the lock is on. It uses the same `saveDocument` (and
 * so the same transaction, snapshot rule and sealing) as everything else; Dexie tells the page's
 * live queries what changed. The key comes with each save and is dropped straight after, so a
 * locked app leaves no key here.
 */
scope.onmessage = (event) => {
  const parsed = writeRequestSchema.safeParse(event.data);
  if (!parsed.success) return;
  const request = parsed.data;
  void (async () => {
    let db = databases.get(request.databaseName);
    if (db === undefined) {
      db = new ChorusDb(request.databaseName);
      databases.set(request.databaseName, db);
    }
    db.vault.key = request.key;
    db.vault.sealing = request.sealing;
    try {
      const { savedAt } = await saveDocument(
        db,
        request.resourceId,
        { json: request.json, text: request.text, wordCount: request.wordCount },
        request.now,
      );
      scope.postMessage({ seq: request.seq, ok: true, savedAt });
    } catch (error) {
      scope.postMessage(failedAnswer(request.seq, error));
    } finally {
      db.vault.key = null;
      db.vault.sealing = false;
    }
  })();
};
