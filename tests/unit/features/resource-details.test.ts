// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createResource,
  DbProvider,
  saveDocument,
  updateDetails,
  useResourceDetails,
  type ChorusDb,
  type ResourceRecord,
} from '../../../renderer/src/db';
import { openTestDb, paragraphs } from '../../helpers/db';
import { useReactRoot } from '../../helpers/react';

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

/** Waits, one React act() at a time, until `done` holds: the reads go to IndexedDB, which takes a few tasks. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 30_000) throw new Error('Gave up waiting for the details');
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

let db: ChorusDb | undefined;
afterEach(async () => {
  await db?.delete();
});

function Probe({ id, seen }: { id: string; seen: Array<ResourceRecord | null | undefined> }) {
  seen.push(useResourceDetails(id));
  return null;
}

describe('the details of a draft open for editing', () => {
  const view = useReactRoot();

  async function open(id: string, database: ChorusDb) {
    const seen: Array<ResourceRecord | null | undefined> = [];
    await act(async () => {
      view.root.render(createElement(DbProvider, { db: database, children: createElement(Probe, { id, seen }) }));
      await Promise.resolve();
    });
    await until(() => seen.length > 1 && seen.at(-1) !== undefined);
    return seen;
  }

  it('are read once, kept through autosaves, and read again when the window comes back', async () => {
    db = openTestDb();
    const id = await createResource(db, { title: 'First title' }, 1000);
    const seen = await open(id, db);
    expect(seen[0]).toBeUndefined();
    const first = seen.at(-1);
    expect(first?.title).toBe('First title');

    // Saves move updatedAt and the word count; the page keeps the same object.
    await saveDocument(db, id, paragraphs('Some words now'), 2000);
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
      await Promise.resolve();
    });
    // Nothing to wait for when nothing changes: a slow machine only makes this check weaker, never wrong.
    await settle();
    expect(seen.at(-1)).toBe(first);

    // A change made elsewhere shows when the window has focus again, or becomes visible.
    await updateDetails(db, id, { title: 'Changed in another window' });
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
      await Promise.resolve();
    });
    await until(() => seen.at(-1)?.title === 'Changed in another window');
    expect(seen.at(-1)?.title).toBe('Changed in another window');
    await db.resources.update(id, { status: 'in-review' });
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
      await Promise.resolve();
    });
    await until(() => seen.at(-1)?.status === 'in-review');
    expect(seen.at(-1)?.status).toBe('in-review');
  });

  it('are null for a draft that is not there', async () => {
    db = openTestDb();
    const seen = await open('no-such-draft', db);
    expect(seen.at(-1)).toBeNull();
  });
});
