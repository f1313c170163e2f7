// @vitest-environment happy-dom
import { act, createElement, type ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createResource,
  DbProvider,
  getDocument,
  getResource,
  saveDocument,
  takeSnapshot,
  type ChorusDb,
  type ResourceRecord,
} from '../../../renderer/src/db';
import { fixedClock } from '@core/clock';
import { ClockProvider } from '../../../renderer/src/features/clock';
import { DamagedDraft } from '../../../renderer/src/features/drafting/DamagedDraft';
import { DraftsList } from '../../../renderer/src/features/drafting/DraftsList';
import { ResourcePage } from '../../../renderer/src/features/drafting/ResourcePage';
import { openTestDb, paragraphs } from '../../helpers/db';
import { useReactRoot } from '../../helpers/react';

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 150)));
const clock = fixedClock(Date.UTC(2026, 10, 24, 18, 30), 'Europe/London');
const kept = 'What I wanted to say\n\nAnd the rest of it';

let db: ChorusDb | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

function wrapped(database: ChorusDb, path: string, children: ReactNode) {
  return createElement(
    MemoryRouter,
    { initialEntries: [path] },
    createElement(DbProvider, { db: database, children: createElement(ClockProvider, { clock, children }) }),
  );
}

/** A draft whose saved document is not JSON, its plain text intact, with a version in its history. */
async function damagedDraft(database: ChorusDb): Promise<string> {
  const id = await createResource(database, { title: 'My story' }, 1_000);
  await saveDocument(database, id, paragraphs('An earlier version'), 2_000);
  await takeSnapshot(database, id, 'named', 'Earlier', 3_000);
  await database.table('documents').put({ resourceId: id, docJson: '{not json', text: kept, updatedAt: 4_000 });
  return id;
}

function button(container: HTMLElement, name: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((each) => each.textContent.trim() === name);
  if (found === undefined) throw new Error(`No button “${name}”`);
  return found;
}

describe('a damaged draft', () => {
  const view = useReactRoot();

  it('opens as a calm page with its recovered words, not the editor, and not “Opening the draft…” for good', async () => {
    db = openTestDb();
    const id = await damagedDraft(db);
    await act(async () => {
      view.root.render(
        wrapped(
          db as ChorusDb,
          `/drafts/${id}`,
          createElement(
            Routes,
            null,
            createElement(Route, { path: '/drafts/:resourceId', element: createElement(ResourcePage) }),
          ),
        ),
      );
      await Promise.resolve();
    });
    await settle();
    const { container } = view;
    expect(container.textContent).not.toContain('Opening the draft…');
    expect(container.querySelector('h1')?.textContent).toBe('This draft could not be opened');
    expect(container.textContent).toContain('The saved text of “My story” is damaged');
    expect([...container.querySelectorAll('h2')].map((heading) => heading.textContent)).toEqual([
      'The words Chorus could recover',
      'What you can do',
    ]);
    const words = container.querySelector('textarea');
    expect(words?.readOnly).toBe(true);
    expect(words?.value).toBe(kept);
    expect(container.querySelector(`label[for="${words?.id ?? ''}"]`)?.textContent).toBe('The last saved words');
    expect(button(container, 'Restore the last saved version').disabled).toBe(false);
    expect(button(container, 'Start again from this text').disabled).toBe(false);
    expect(container.querySelector('[contenteditable]')).toBeNull();
  });

  it('starts again from its words, or restores the last saved version, only when asked', async () => {
    db = openTestDb();
    const id = await damagedDraft(db);
    const resource = (await getResource(db, id)) as ResourceRecord;
    const onRecovered = vi.fn();
    const render = () =>
      act(async () => {
        view.root.render(
          wrapped(db as ChorusDb, '/', createElement(DamagedDraft, { resource, text: kept, onRecovered })),
        );
        await Promise.resolve();
      });
    await render();
    await settle();
    expect((await getDocument(db, id))?.damaged).toEqual(['doc']);

    await act(async () => {
      button(view.container, 'Start again from this text').click();
      await Promise.resolve();
    });
    // Saving builds the document schema on first use, which takes longer than a fixed pause on a loaded machine.
    await act(() => vi.waitFor(() => expect(onRecovered).toHaveBeenCalledTimes(1), { timeout: 10_000 }));
    const startedAgain = await getDocument(db, id);
    expect(startedAgain?.damaged).toBeUndefined();
    expect(startedAgain?.text).toBe(kept);

    await act(async () => {
      button(view.container, 'Restore the last saved version').click();
      await Promise.resolve();
    });
    await act(() => vi.waitFor(() => expect(onRecovered).toHaveBeenCalledTimes(2), { timeout: 10_000 }));
    expect((await getDocument(db, id))?.text).toBe('An earlier version');
  });
});

describe('the Drafts list with a damaged draft', () => {
  const view = useReactRoot();

  it('marks it “Damaged”, says why, and keeps listing the others', async () => {
    db = openTestDb();
    await createResource(db, { title: 'A whole draft' }, 1_000);
    await db.table('resources').put({
      id: 'damaged',
      title: 42,
      summary: null,
      audiences: 'police',
      topics: null,
      contentWarnings: null,
      reviewBy: 7,
      status: 'weird',
      version: 'x',
      wordCount: 'lots',
      createdAt: 1,
      inTrash: 0,
      trashedAt: 0,
    });
    await act(async () => {
      view.root.render(wrapped(db as ChorusDb, '/drafts', createElement(DraftsList)));
      await Promise.resolve();
    });
    await settle();
    await settle();
    const { container } = view;
    expect(container.textContent).not.toContain('Something went wrong');
    const rows = [...container.querySelectorAll('ul[aria-label="Drafts"] > li')];
    expect(rows.map((row) => row.querySelector('h2')?.textContent)).toEqual(['A whole draft', 'Untitled draft']);
    expect(rows[0]?.textContent).not.toContain('Damaged');
    const damagedRow = rows[1];
    const explanation = damagedRow?.querySelector('.badge-due')?.parentElement;
    expect(explanation?.textContent).toContain('Damaged');
    expect(explanation?.textContent).toContain('could not be read (title, summary, audiences');
    const link = damagedRow?.querySelector('a');
    expect(link?.getAttribute('aria-describedby')).toBe(explanation?.id);
  });
});
