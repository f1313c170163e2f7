import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createResource, documentWriterFor, getDocument, getResource, type ChorusDb } from '../../../renderer/src/db';
import { ChorusDb as Database } from '../../../renderer/src/db/database';
import { createWriteHandler } from '../../../renderer/src/db/document-writer-handler';
import type { ForgetRequest, WriteAnswer, WriteRequest } from '../../../renderer/src/db/document-writer-protocol';
import type { BlockDocument, SerializedBlock } from '@core/document/blocks';
import { openTestDb } from '../../helpers/db';

let db: ChorusDb;
beforeEach(() => {
  db = openTestDb();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

const head = '{"type":"doc"';
const block = (text: string): SerializedBlock => ({
  json: JSON.stringify({ type: 'paragraph', content: [{ type: 'text', text }] }),
  texts: [text],
  words: text.split(' ').length,
});
const draft = (blocks: SerializedBlock[]): BlockDocument => ({
  head,
  blocks,
  wordCount: blocks.reduce((sum, each) => sum + each.words, 0),
});

function request(overrides: Partial<WriteRequest> & Pick<WriteRequest, 'seq' | 'resourceId'>): WriteRequest {
  return {
    kind: 'save',
    databaseName: db.name,
    base: null,
    head,
    change: { from: 0, removed: 0, added: [] },
    now: 5000,
    key: db.vault.key,
    sealing: db.vault.sealing,
    ...overrides,
  };
}

async function stored(id: string) {
  const record = await getDocument(db, id);
  return { doc: record?.doc, text: record?.text, wordCount: (await getResource(db, id))?.wordCount };
}

describe("the document writer's worker side", () => {
  it('saves a whole draft, then each change made to the blocks it keeps', async () => {
    const id = await createResource(db, {}, 1000);
    const handle = createWriteHandler((name) => new Database(name));
    const [one, two, three] = [block('One here'), block('Two'), block('Three more words')];
    expect(
      await handle(request({ seq: 1, resourceId: id, change: { from: 0, removed: 0, added: [one, two] } })),
    ).toEqual({
      seq: 1,
      ok: true,
      savedAt: 5000,
    });
    expect(await stored(id)).toEqual({
      doc: { type: 'doc', content: [JSON.parse(one.json), JSON.parse(two.json)] },
      text: 'One here\n\nTwo',
      wordCount: 3,
    });
    const answer = await handle(
      request({ seq: 2, resourceId: id, base: 1, now: 6000, change: { from: 1, removed: 1, added: [three] } }),
    );
    expect(answer).toMatchObject({ ok: true, savedAt: 6000 });
    expect(await stored(id)).toEqual({
      doc: { type: 'doc', content: [JSON.parse(one.json), JSON.parse(three.json)] },
      text: 'One here\n\nThree more words',
      wordCount: 5,
    });
  });

  it('writes nothing for a change to blocks it does not hold, and says so', async () => {
    const id = await createResource(db, {}, 1000);
    const before = await stored(id);
    const handle = createWriteHandler((name) => new Database(name));
    const change = { from: 0, removed: 0, added: [block('Lost')] };
    // A change against a save it never saw (it started afresh, say).
    expect(await handle(request({ seq: 4, resourceId: id, base: 3, change }))).toMatchObject({
      seq: 4,
      ok: false,
      name: 'OutOfStep',
    });
    await handle(request({ seq: 5, resourceId: id, change }));
    // A change that does not fit what it holds.
    expect(
      await handle(request({ seq: 6, resourceId: id, base: 5, change: { from: 3, removed: 1, added: [] } })),
    ).toMatchObject({
      name: 'OutOfStep',
    });
    // After that it holds nothing for the draft, until the whole of it comes again.
    expect(await handle(request({ seq: 7, resourceId: id, base: 5, change }))).toMatchObject({ name: 'OutOfStep' });
    // A closed draft is forgotten.
    await handle(request({ seq: 8, resourceId: id, change }));
    expect(await handle({ kind: 'forget', databaseName: db.name, resourceId: id })).toBeNull();
    expect(await handle(request({ seq: 9, resourceId: id, base: 8, change }))).toMatchObject({ name: 'OutOfStep' });
    expect((await stored(id)).text).toBe('Lost');
    expect(before.text).toBe('');
  });

  it('keeps a draft it is handed without writing it, and saves the next change to it', async () => {
    const id = await createResource(db, {}, 1000);
    const handle = createWriteHandler((name) => new Database(name));
    const kept = request({ seq: 1, resourceId: id, change: { from: 0, removed: 0, added: [block('Kept only')] } });
    expect(await handle({ ...kept, kind: 'keep' })).toBeNull();
    expect((await stored(id)).text).toBe('');
    await handle(
      request({ seq: 2, resourceId: id, base: 1, change: { from: 1, removed: 0, added: [block('Saved')] } }),
    );
    expect((await stored(id)).text).toBe('Kept only\n\nSaved');
  });

  it('answers a save it cannot read with a failure, and ignores what is not a save', async () => {
    const handle = createWriteHandler((name) => new Database(name));
    expect(await handle({ seq: 3, kind: 'save', json: 'old form' })).toMatchObject({
      seq: 3,
      ok: false,
      name: 'TypeError',
    });
    expect(await handle('nonsense')).toBeNull();
  });

  it('fails a save of a draft that is not there, and keeps its blocks for the next', async () => {
    const handle = createWriteHandler((name) => new Database(name));
    const change = { from: 0, removed: 0, added: [block('Gone')] };
    expect(await handle(request({ seq: 1, resourceId: 'no-such-draft', change }))).toMatchObject({
      ok: false,
      name: 'Error',
    });
    expect(
      await handle(
        request({ seq: 2, resourceId: 'no-such-draft', base: 1, change: { from: 1, removed: 0, added: [] } }),
      ),
    ).toMatchObject({
      ok: false,
      name: 'Error',
    });
  });
});

/**
 * A stand-in for the browser's Worker that runs the real worker side in this process: messages are
 * copied as postMessage copies them (the key apart, which Node cannot copy) and answered later.
 */
function installWorker(options: { fail?: boolean } = {}) {
  const sent: WriteRequest[] = [];
  const instances: Array<{ restart(): void }> = [];
  class StandInWorker {
    onmessage: ((event: { data: unknown }) => void) | null = null;
    onerror: ((event: { preventDefault(): void }) => void) | null = null;
    private handle = createWriteHandler((name) => new Database(name));
    constructor() {
      instances.push({ restart: () => (this.handle = createWriteHandler((name) => new Database(name))) });
    }
    postMessage(message: WriteRequest | ForgetRequest) {
      if (message.kind !== 'forget') sent.push(message);
      const copy =
        message.kind === 'forget'
          ? structuredClone(message)
          : { ...structuredClone({ ...message, key: null }), key: message.key };
      setTimeout(() => {
        if (options.fail === true) {
          this.onerror?.({ preventDefault: () => undefined });
          return;
        }
        void this.handle(copy).then((answer: WriteAnswer | null) => {
          if (answer !== null) this.onmessage?.({ data: structuredClone(answer) });
        });
      }, 1);
    }
  }
  vi.stubGlobal('Worker', StandInWorker);
  return { sent, restart: () => instances.forEach((instance) => instance.restart()) };
}

describe("the document writer's page side", () => {
  const blocks = Array.from({ length: 50 }, (_, index) => block(`Paragraph ${index} of the draft`));

  it('sends the whole draft once, then only the blocks that changed', async () => {
    const worker = installWorker();
    const id = await createResource(db, {}, 1000);
    const writer = documentWriterFor(db);
    await writer.save(id, draft(blocks), 2000);
    const rewritten = block('Paragraph 20, rewritten');
    const edited = [...blocks.slice(0, 20), rewritten, ...blocks.slice(21)];
    expect(await writer.save(id, draft(edited), 3000)).toEqual({ savedAt: 3000 });
    // A document that knows its change from what was sent hands over just that change.
    const again = [...edited.slice(0, 30), block('Paragraph 30, rewritten'), ...edited.slice(31)];
    const known = { since: edited, from: 30, removed: 1, added: again.slice(30, 31) };
    expect(await writer.save(id, { ...draft(again), change: known }, 4000)).toEqual({ savedAt: 4000 });
    expect(worker.sent.map((each) => [each.base, each.change.added.length])).toEqual([
      [null, 50],
      [1, 1],
      [2, 1],
    ]);
    expect(Object.keys(worker.sent[2]?.change ?? {}).sort()).toEqual(['added', 'from', 'removed']);
    expect((await stored(id)).text).toBe(again.flatMap((each) => each.texts).join('\n\n'));
  });

  it('hands over a draft as it opens, so that even its first save sends only what changed', async () => {
    const worker = installWorker();
    const id = await createResource(db, {}, 1000);
    const writer = documentWriterFor(db);
    writer.keep(id, draft(blocks));
    const edited = [block('A new first paragraph'), ...blocks.slice(1)];
    await writer.save(id, draft(edited), 2000);
    expect(worker.sent.map((each) => [each.kind, each.base, each.change.added.length])).toEqual([
      ['keep', null, 50],
      ['save', 1, 1],
    ]);
    // Keeping writes nothing, so it is never handed the key.
    expect(worker.sent[0]?.key).toBeNull();
    expect(worker.sent[1]?.key).toBe(db.vault.key);
    expect((await stored(id)).text).toBe(edited.flatMap((each) => each.texts).join('\n\n'));
  });

  it('sends the whole draft again when the worker has lost it, and saves it', async () => {
    const worker = installWorker();
    const id = await createResource(db, {}, 1000);
    const writer = documentWriterFor(db);
    await writer.save(id, draft(blocks), 2000);
    worker.restart();
    const shorter = blocks.slice(0, 10);
    expect(await writer.save(id, draft(shorter), 3000)).toEqual({ savedAt: 3000 });
    expect(worker.sent.map((each) => [each.base, each.change.added.length])).toEqual([
      [null, 50],
      [1, 0],
      [null, 10],
    ]);
    expect((await stored(id)).wordCount).toBe(50);
    // Forgetting a closed draft sends it whole the next time.
    writer.forget(id);
    await writer.save(id, draft(shorter), 4000);
    expect(worker.sent.at(-1)).toMatchObject({ base: null });
  });

  it('saves in the page when the worker cannot run, losing nothing', async () => {
    installWorker({ fail: true });
    const id = await createResource(db, {}, 1000);
    const writer = documentWriterFor(db);
    expect(await writer.save(id, draft(blocks.slice(0, 3)), 2000)).toMatchObject({ savedAt: 2000 });
    expect(await writer.save(id, draft(blocks.slice(0, 4)), 3000)).toMatchObject({ savedAt: 3000 });
    expect((await stored(id)).text?.split('\n\n')).toHaveLength(4);
  });
});
