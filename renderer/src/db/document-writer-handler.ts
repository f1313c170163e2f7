import { z } from 'zod';
import { applyBlockChange, assembleDocument, type SerializedBlock } from '@core/document/blocks';
import type { ChorusDb } from './database';
import { failedAnswer, outOfStep, writerRequestSchema, type WriteAnswer } from './document-writer-protocol';
import { saveDocument } from './resources';

const seqOnly = z.object({ seq: z.number().int() });

/**
 * The document writer's worker side: keeps each open draft's blocks as the page last sent them,
 * makes each change to them, and saves the whole draft with the same `saveDocument` (and so the
 * same transaction, snapshot rule and sealing) as everything else. The key comes with each save
 * and is dropped straight after, so a locked app leaves no key here; a closed draft is forgotten.
 *
 * A change is made to the blocks the moment its message arrives, before any waiting, so the
 * blocks always follow the page's messages in order, whatever becomes of each write.
 */
export function createWriteHandler(
  open: (databaseName: string) => ChorusDb,
): (message: unknown) => Promise<WriteAnswer | null> {
  const databases = new Map<string, ChorusDb>();
  const drafts = new Map<string, { seq: number; blocks: SerializedBlock[] }>();

  return async (message) => {
    const parsed = writerRequestSchema.safeParse(message);
    if (!parsed.success) {
      const seq = seqOnly.safeParse(message);
      return seq.success ? failedAnswer(seq.data.seq, new TypeError('The writer could not read the save')) : null;
    }
    const request = parsed.data;
    const draftKey = `${request.databaseName}\n${request.resourceId}`;
    if (request.kind === 'forget') {
      drafts.delete(draftKey);
      return null;
    }
    const known = drafts.get(draftKey);
    const base = request.base === null ? [] : known?.seq === request.base ? known.blocks : null;
    const blocks = base === null ? null : applyBlockChange(base, request.change);
    if (blocks === null) {
      drafts.delete(draftKey);
      return { seq: request.seq, ok: false, name: outOfStep, message: 'The writer does not hold that draft' };
    }
    drafts.set(draftKey, { seq: request.seq, blocks });
    if (request.kind === 'keep') return null;
    const wordCount = blocks.reduce((sum, block) => sum + block.words, 0);
    const document = assembleDocument({ head: request.head, blocks, wordCount });

    let db = databases.get(request.databaseName);
    if (db === undefined) {
      db = open(request.databaseName);
      databases.set(request.databaseName, db);
    }
    db.vault.key = request.key;
    db.vault.sealing = request.sealing;
    try {
      const { savedAt } = await saveDocument(db, request.resourceId, document, request.now);
      return { seq: request.seq, ok: true, savedAt };
    } catch (error) {
      return failedAnswer(request.seq, error);
    } finally {
      db.vault.key = null;
      db.vault.sealing = false;
    }
  };
}
