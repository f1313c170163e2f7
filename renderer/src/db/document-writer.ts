import { assembleDocument, changeSince, type BlockDocument, type SerializedBlock } from '@core/document/blocks';
import type { ChorusDb } from './database';
import {
  failedAnswer,
  outOfStep,
  writeAnswerSchema,
  type ForgetRequest,
  type WriteAnswer,
  type WriteRequest,
} from './document-writer-protocol';
import { saveDocument } from './resources';
import { systemClock } from '@core/clock';

export interface DocumentWriter {
  /** Saves a draft as `saveDocument` does, and resolves when it is on disk. */
  save(resourceId: string, document: BlockDocument, now?: number): Promise<{ savedAt: number }>;
  /**
   * Hands over a draft just opened, without saving it, so that its first save sends only what
   * changed. Call it while nothing else is going on: it is the one time the whole draft is copied.
   */
  keep(resourceId: string, document: BlockDocument): void;
  /** The draft is closed: lets go of what is kept to send its next save as a change. */
  forget(resourceId: string): void;
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
 * page's main thread only the hand-over (typing stays smooth while it is stored). The worker keeps
 * each open draft's blocks, so a save sends only the blocks that changed since the last one: the
 * hand-over costs what was typed, not the length of the draft. Where there is no worker (tests in
 * Node), or it cannot start, it saves in the page, in the same way.
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

interface Waiting {
  resourceId: string;
  document: BlockDocument;
  now: number;
  settle: (answer: WriteAnswer) => void;
}

function createDocumentWriter(db: ChorusDb): DocumentWriter {
  const saveInPage = (resourceId: string, document: BlockDocument, now: number) =>
    saveDocument(db, resourceId, assembleDocument(document), now);
  const inPage: DocumentWriter = {
    save: (resourceId, document, now = systemClock.now()) => saveInPage(resourceId, document, now),
    keep: () => undefined,
    forget: () => undefined,
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
  // zod builds a schema's checks the first time it is used, about a millisecond here: that is done
  // now (the writer is made while a draft opens, in an idle moment), not in the first save's answer.
  writeAnswerSchema.safeParse({ seq: 0, ok: true, savedAt: 0 });
  let seq = 0;
  let broken = false;
  /** Per draft, the blocks the worker has been sent (it makes each change as the message arrives). */
  const sent = new Map<string, { seq: number; blocks: readonly SerializedBlock[] }>();
  const waiting = new Map<number, Waiting>();
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
    sent.clear();
    for (const { resourceId, document, now, settle } of waiting.values()) {
      saveInPage(resourceId, document, now).then(
        ({ savedAt }) => settle({ seq: 0, ok: true, savedAt }),
        (error: unknown) => settle(failedAnswer(0, error)),
      );
    }
    waiting.clear();
  };

  /** Posts the change from what the worker holds for the draft to `document`. */
  const post = (kind: WriteRequest['kind'], resourceId: string, document: BlockDocument, now: number) => {
    seq += 1;
    const before = sent.get(resourceId);
    const request: WriteRequest = {
      kind,
      seq,
      databaseName: db.name,
      resourceId,
      base: before?.seq ?? null,
      head: document.head,
      change: changeSince(before?.blocks ?? [], document),
      now,
      // Only a save writes, so only a save is handed the key.
      key: kind === 'save' ? db.vault.key : null,
      sealing: db.vault.sealing,
    };
    sent.set(resourceId, { seq, blocks: document.blocks });
    worker.postMessage(request);
    return request.seq;
  };
  const send = (resourceId: string, document: BlockDocument, now: number) =>
    new Promise<WriteAnswer>((settle) => {
      waiting.set(post('save', resourceId, document, now), { resourceId, document, now, settle });
    });

  return {
    async save(resourceId, document, now = systemClock.now()) {
      if (broken) return saveInPage(resourceId, document, now);
      let answer = await send(resourceId, document, now);
      if (!answer.ok && answer.name === outOfStep) {
        // The worker lost track of this draft: the whole of it goes, once.
        sent.delete(resourceId);
        answer = await send(resourceId, document, now);
      }
      if (answer.ok) return { savedAt: answer.savedAt };
      // A full disk is a full disk wherever the write runs; anything else may be the worker's own
      // trouble (no IndexedDB there, say), so the page saves it, and everything after.
      if (answer.name === 'QuotaExceededError') throw new WriteFailed(answer.name, answer.message);
      broken = true;
      sent.clear();
      return saveInPage(resourceId, document, now);
    },
    keep(resourceId, document) {
      if (!broken) post('keep', resourceId, document, systemClock.now());
    },
    forget(resourceId) {
      if (broken || !sent.delete(resourceId)) return;
      const request: ForgetRequest = { kind: 'forget', databaseName: db.name, resourceId };
      worker.postMessage(request);
    },
  };
}
