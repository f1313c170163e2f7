import { describe, expect, it } from 'vitest';
import { ChorusDb } from '../../../renderer/src/db/database';
import { migration001 } from '../../../renderer/src/db/migrations/001-initial';
import { migrations } from '../../../renderer/src/db/migrations';
import { dueOutboxEntries, getDocument, getResource, knownPaths, nextDueAt } from '../../../renderer/src/db';
import { listResources } from '../../../renderer/src/db/resources';
import { openTestDb, paragraphs } from '../../helpers/db';

describe('migrations', () => {
  it('are numbered in order without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, index) => index + 1));
  });

  it('moves version 1 documents into their own table, keeping every word', async () => {
    const old = openTestDb([migration001]);
    await old.open();
    const name = old.name;
    await old.table('resources').bulkAdd([
      {
        id: 'a1',
        title: 'Kept',
        summary: 's',
        audiences: ['police'],
        topics: [],
        contentWarnings: [],
        reviewBy: '',
        status: 'draft',
        createdAt: 1,
        updatedAt: 2,
        inTrash: 0,
        trashedAt: 0,
        doc: paragraphs('Nothing typed is ever lost', 'not even this'),
      },
      {
        id: 'b2',
        title: 'No document',
        summary: '',
        audiences: [],
        topics: [],
        contentWarnings: [],
        reviewBy: '',
        status: 'draft',
        createdAt: 1,
        updatedAt: 1,
        inTrash: 1,
        trashedAt: 3,
      },
    ]);
    old.close();

    const upgraded = new ChorusDb(name);
    await upgraded.open();
    expect(upgraded.verno).toBe(migrations.length);
    const resource = await getResource(upgraded, 'a1');
    expect(resource).toMatchObject({ title: 'Kept', wordCount: 8, audiences: ['police'], version: 1 });
    expect(resource).not.toHaveProperty('doc');
    expect(await getDocument(upgraded, 'a1')).toMatchObject({
      doc: paragraphs('Nothing typed is ever lost', 'not even this'),
      text: 'Nothing typed is ever lost\n\nnot even this',
      updatedAt: 2,
    });
    expect((await getDocument(upgraded, 'b2'))?.doc).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect((await listResources(upgraded, 1)).map((r) => r.id)).toEqual(['b2']);
    await upgraded.delete();
  });

  it('keeps a version 3 outbox waiting, with its attempts, when sync tables arrive', async () => {
    const old = openTestDb(migrations.slice(0, 3));
    await old.open();
    const name = old.name;
    await old.table('outbox').bulkAdd([
      { kind: 'version', itemId: 'v1', createdAt: 1, attempts: 2, lastError: 'offline', nextAttemptAt: 50 },
      { kind: 'withdrawal', itemId: 'w1', createdAt: 2, attempts: 0, lastError: '', nextAttemptAt: 10 },
    ]);
    old.close();

    const upgraded = new ChorusDb(name);
    await upgraded.open();
    expect((await dueOutboxEntries(upgraded, 20, false)).map((entry) => entry.itemId)).toEqual(['w1']);
    expect((await dueOutboxEntries(upgraded, 20, true)).map((entry) => entry.itemId)).toEqual(['v1', 'w1']);
    expect(await nextDueAt(upgraded)).toBe(10);
    expect(await knownPaths(upgraded)).toEqual([]);
    await upgraded.delete();
  });
});
