import type { SerializedDocument } from '../domain/document-text';
import type { ChorusDb } from './database';
import { failedAnswer, writeAnswerSchema, type WriteAnswer, type WriteRequest } from './document-writer-protocol';
import { saveDocument } from './resources';

export interface DocumentWriter {
  /** Saves a serialised draft as `saveDocument` does, and resolves when it is on disk. */
  save(resourceId: string, document: SerializedDocument, now?: number): Promise<{ savedAt: number }>;
}

/** A save that failed in the worker, with the error's name kept (a full disk is `QuotaExceededError`). */
class WriteFailed extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/**
 * Autosave's way to the database: a worker does the writing, so a long draft's save costs the
 * page's main thread only the hand-over (typing stays smooth while it is stored). Where there is
 * no worker (tests in Node), or it cannot start, it saves in the page, in the same way.
 */
export function documentWriterFor(db: ChorusDb): DocumentWriter {
  // One for the life of the database: a writer is never closed under a save still on its way.
  let writer = writers.get(db);
  if (writer === undefined) {
    writer = createDocumentWriter(db);
    writers.set(db, writer);
  }
  return writer;
}

const writers = new WeakMap<ChorusDb, DocumentWriter>();

function createDocumentWriter(db: ChorusDb): DocumentWriter {
  const inPage: DocumentWriter = {
    save: (resourceId, document, now = Date.now()) => saveDocument(db, resourceId, document, now),
  };
  if (typeof Worker === 'undefined') return inPage;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./document-writer.worker.ts', import.meta.url), {
      type: 'module',
      name: 'chorus-writer',
    });
  } catch {
    return inPage;
  }
  let seq = 0;
  let broken = false;
  const waiting = new Map<number, { request: WriteRequest; settle: (answer: WriteAnswer) => void }>();
  worker.onmessage = (event: MessageEvent<unknown>) => {
    const answer = writeAnswerSchema.safeParse(event.data);
    if (!answer.success) return;
    waiting.get(answer.data.seq)?.settle(answer.data);
    waiting.delete(answer.data.seq);
  };
  worker.onerror = (event) => {
    // The worker could not run (it failed to load, say): what it was given is saved in the page
    // instead, and so is everything after, so no save is lost or reported failed for this.
    event.preventDefault();
    broken = true;
    for (const { request, settle } of waiting.values()) {
      inPage.save(request.resourceId, request, request.now).then(
        ({ savedAt }) => settle({ seq: request.seq, ok: true, savedAt }),
        (error: unknown) => settle(failedAnswer(request.seq, error)),
      );
    }
    waiting.clear();
  };

  return {
    async save(resourceId, document, now = Date.now()) {
      if (broken) return inPage.save(resourceId, document, now);
      seq += 1;
      const request: WriteRequest = {
        seq,
        databaseName: db.name,
        resourceId,
        ...document,
        now,
        key: db.vault.key,
        sealing: db.vault.sealing,
      };
      const answer = await new Promise<WriteAnswer>((settle) => {
        waiting.set(request.seq, { request, settle });
        worker.postMessage(request);
      });
      if (answer.ok) return { savedAt: answer.savedAt };
      // A full disk is a full disk wherever the write runs; anything else may be the worker's own
      // trouble (no IndexedDB there, say), so the page saves it, and everything after.
      if (answer.name === 'QuotaExceededError') throw new WriteFailed(answer.name, answer.message);
      broken = true;
      return inPage.save(resourceId, document, now);
    },
  };
}
