import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixedClock } from '@core/clock';
import {
  createResource,
  documentWriterFor,
  getDocument,
  getResource,
  type ChorusDb,
  type DocumentWriter,
} from '../../../renderer/src/db';
import { createProfile } from '../../../renderer/src/db/profiles';
import { auditTrail, moveResource, signOff } from '../../../renderer/src/db/review';
import { listSnapshots } from '../../../renderer/src/db/snapshots';
import { createDraftSession, type DraftSessionOptions } from '../../../renderer/src/features/drafting/draft-session';
import type { SaveStatus } from '../../../renderer/src/saving/autosave';
import { flushAllSaves } from '../../../renderer/src/saving/leaving';
import { openTestDb, paragraphBlocks, paragraphs } from '../../helpers/db';

const openedAt = Date.UTC(2026, 10, 24, 9, 0);
const minute = 60_000;

let db: ChorusDb;
let resourceId: string;
const clock = fixedClock(openedAt, 'Europe/London');

beforeEach(async () => {
  // Only the autosave's timers are faked: IndexedDB (fake-indexeddb) and Dexie keep their own.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  clock.set(openedAt);
  db = openTestDb();
  resourceId = await createResource(db, { title: 'T', doc: paragraphs('Ask twice.') }, openedAt);
});

afterEach(async () => {
  vi.useRealTimers();
  await db.delete();
});

/** The page's side of a session: what the editor holds, and the writer's calls. */
function openSession(overrides: Partial<DraftSessionOptions> & { failFirst?: number; gate?: Promise<void> } = {}) {
  const real = documentWriterFor(db);
  const editor = { document: paragraphBlocks('Ask twice.') };
  const writes: string[] = [];
  const forgotten: string[] = [];
  let failures = overrides.failFirst ?? 0;
  const writer: DocumentWriter = {
    async save(id, document, now) {
      writes.push(document.blocks.flatMap((block) => block.texts).join(' '));
      await overrides.gate;
      if (failures > 0) {
        failures -= 1;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return real.save(id, document, now);
    },
    keep: (id, document) => real.keep(id, document),
    forget: (id) => {
      forgotten.push(id);
      real.forget(id);
    },
  };
  const statuses: SaveStatus[] = [];
  const session = createDraftSession({ db, resourceId, clock, writer, leaving: () => () => undefined, ...overrides });
  session.documentStatus.subscribe(() => statuses.push(session.documentStatus.get()));
  session.attach(() => editor.document);
  const type = (...texts: string[]) => {
    editor.document = paragraphBlocks(...texts);
    session.documentChanged();
  };
  return { session, writes, forgotten, statuses, type };
}

const storedText = async () => (await getDocument(db, resourceId))?.text;

/** Lets the pause after the last change run out, and waits for what it started to finish. */
async function pauseAndSettle(status: () => SaveStatus) {
  await vi.advanceTimersByTimeAsync(300);
  await vi.waitFor(() => expect(['saved', 'failed']).toContain(status().state));
}

describe('a draft session', () => {
  it('saves once, after the pause that follows several quick changes', async () => {
    const { session, writes, type } = openSession();
    type('Ask');
    type('Ask twice, and');
    await vi.advanceTimersByTimeAsync(100);
    type('Ask twice, and listen.');
    await vi.advanceTimersByTimeAsync(299);
    expect(writes).toEqual([]);
    expect(session.documentStatus.get()).toEqual({ state: 'pending' });
    await pauseAndSettle(session.documentStatus.get);
    expect(writes).toEqual(['Ask twice, and listen.']);
    expect(session.documentStatus.get()).toEqual({ state: 'saved', at: openedAt });
    expect(await storedText()).toBe('Ask twice, and listen.');
    expect(session.saved.get().wordCount).toBe(4);
  });

  it('never says "Saved" before the write is stored', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { session, statuses, type } = openSession({ gate });
    const seen: { state: SaveStatus['state']; text: string | undefined }[] = [];
    session.documentStatus.subscribe(() => {
      const state = session.documentStatus.get().state;
      // A read started when "Saved" is said queues behind any write still open, so it shows what was stored.
      void storedText().then((text) => seen.push({ state, text }));
    });
    type('Ask twice, then wait.');
    await vi.advanceTimersByTimeAsync(300);
    expect(session.documentStatus.get()).toEqual({ state: 'saving' });
    expect(await storedText()).toBe('Ask twice.');
    release();
    await vi.waitFor(() => expect(session.documentStatus.get().state).toBe('saved'));
    await vi.waitFor(() => expect(seen.map((each) => each.state)).toContain('saved'));
    expect(seen.find((each) => each.state === 'saved')?.text).toBe('Ask twice, then wait.');
    expect(statuses.map((status) => status.state)).toEqual(['pending', 'saving', 'saved']);
  });

  it('saves what is unsaved when disposed, details too, and lets the writer forget the draft', async () => {
    const { session, forgotten, type } = openSession();
    session.open();
    type('Ask twice. Then wait.');
    session.detailsChanged({ title: 'Listening' });
    await session.dispose();
    expect(await storedText()).toBe('Ask twice. Then wait.');
    expect((await getResource(db, resourceId))?.title).toBe('Listening');
    expect(forgotten).toEqual([resourceId]);
  });

  it('saves at once when the page is left, and when the app lock flushes every open draft', async () => {
    const leave = { now: (): void => undefined };
    const { session, type } = openSession({
      leaving: (onLeave) => {
        leave.now = onLeave;
        return () => undefined;
      },
    });
    session.open();
    type('Ask twice.', 'Hidden.');
    leave.now();
    await vi.waitFor(() => expect(session.documentStatus.get().state).toBe('saved'));
    expect(await storedText()).toBe('Ask twice.\n\nHidden.');
    type('Ask twice.', 'Locked.');
    await flushAllSaves();
    expect(await storedText()).toBe('Ask twice.\n\nLocked.');
    await session.dispose();
  });

  it('shows a failed write, keeps the text, and saves it on "Try again"', async () => {
    const { session, writes, type } = openSession({ failFirst: 1 });
    type('Ask twice, kindly.');
    await pauseAndSettle(session.documentStatus.get);
    const failed = session.documentStatus.get();
    expect(failed.state).toBe('failed');
    expect(failed.state === 'failed' && failed.reason).toContain('storage is full');
    expect(await storedText()).toBe('Ask twice.');
    await session.flush();
    expect(session.documentStatus.get()).toEqual({ state: 'saved', at: openedAt });
    expect(writes).toEqual(['Ask twice, kindly.', 'Ask twice, kindly.']);
    expect(await storedText()).toBe('Ask twice, kindly.');
  });

  it('keeps an automatic snapshot of the draft every ten minutes of editing', async () => {
    const { session, type } = openSession();
    const saveAt = async (at: number, ...texts: string[]) => {
      clock.set(at);
      type(...texts);
      await pauseAndSettle(session.documentStatus.get);
    };
    await saveAt(openedAt + minute, 'One.');
    expect(await listSnapshots(db, resourceId)).toEqual([]);
    await saveAt(openedAt + 10 * minute, 'Two.');
    await saveAt(openedAt + 11 * minute, 'Three.');
    await saveAt(openedAt + 20 * minute, 'Four.');
    const snapshots = await listSnapshots(db, resourceId);
    expect(snapshots.map((snapshot) => [snapshot.kind, snapshot.text])).toEqual([
      ['auto', 'Four.'],
      ['auto', 'Two.'],
    ]);
  });

  it('saves a named version of what is on screen, and restores one after saving what is unsaved', async () => {
    const { session, type } = openSession();
    type('Before the session.');
    await session.saveVersion('  First go  ');
    const [named] = await listSnapshots(db, resourceId);
    expect(named).toMatchObject({ kind: 'named', label: 'First go', text: 'Before the session.' });
    type('After it.');
    await session.restore(named?.id ?? -1);
    expect(await storedText()).toBe('Before the session.');
    expect((await listSnapshots(db, resourceId)).map((snapshot) => snapshot.kind)).toEqual(['before-restore', 'named']);
    expect((await session.load())?.text).toBe('Before the session.');
  });
});

describe("a draft session's sign-offs", () => {
  const none = { unresolvedFindings: 0, pendingSuggestions: 0 };
  const checklist = { 'no-identifying-details': true, 'jigsaw-checked': true };

  /** A resource in review with the facilitator's sign-off; the consultee edits it. */
  async function inReview() {
    const [consultee, facilitator] = await Promise.all([
      createProfile(db, 'Alex', 'consultee').then((id) => db.profiles.get(id)),
      createProfile(db, 'Sam', 'facilitator').then((id) => db.profiles.get(id)),
    ]);
    if (consultee === undefined || facilitator === undefined) throw new Error('profiles not stored');
    await moveResource(db, resourceId, 'submit', consultee, openedAt + 1);
    await signOff(db, resourceId, facilitator, none, { checklist }, openedAt + 2);
    clock.set(openedAt + minute);
    return { consultee, facilitator };
  }

  const signOffCount = () => db.signOffs.where('resourceId').equals(resourceId).count();

  async function saveEdit(type: (...texts: string[]) => void, status: () => SaveStatus, ...texts: string[]) {
    type(...texts);
    await pauseAndSettle(status);
    expect(status().state).toBe('saved');
  }

  it('are cancelled by an edit that changes the content in review, with a line in the audit trail', async () => {
    const { consultee } = await inReview();
    const { session, type } = openSession({ profile: consultee, status: 'in-review' });
    await saveEdit(type, session.documentStatus.get, 'Ask twice.');
    expect(await signOffCount()).toBe(1);
    await saveEdit(type, session.documentStatus.get, 'Ask twice. Then wait.');
    expect(await signOffCount()).toBe(0);
    const last = (await auditTrail(db, resourceId)).at(-1);
    expect(last).toMatchObject({ action: 'sign-offs-cancelled', profileName: 'Alex' });
  });

  it('are cancelled by a change of details in review', async () => {
    const { consultee } = await inReview();
    const { session } = openSession({ profile: consultee, status: 'in-review' });
    session.detailsChanged({ title: 'Listening' });
    await session.flush();
    expect(session.detailsStatus.get().state).toBe('saved');
    expect(await signOffCount()).toBe(0);
  });

  it('are left alone when the resource is not in review', async () => {
    const { consultee, facilitator } = await inReview();
    await moveResource(db, resourceId, 'request-changes', facilitator, openedAt + 3);
    const { session, type } = openSession({ profile: consultee, status: 'in-review' });
    session.follow({ profile: consultee, status: 'changes-requested' });
    await saveEdit(type, session.documentStatus.get, 'Ask twice. Then wait.');
    session.detailsChanged({ title: 'Listening' });
    await session.flush();
    expect(await signOffCount()).toBe(1);
    expect(await storedText()).toBe('Ask twice. Then wait.');
  });
});
