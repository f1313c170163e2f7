import type { PublishItem, PulledItem, SkippedFile } from '../../../electron/shared/contract';
import { freezeWithdrawal } from '@core/co-production/approved-version';
import type { Transaction } from 'dexie';
import type { ChorusDb } from './database';
import type { LibraryVersionRecord, OutboxRecord, SkippedFileRecord } from './records';

/**
 * The data side of sync: what waits in the outbox, marking what reached the repository, and
 * storing what was pulled from it. The engine that talks to the repository is
 * `features/sync/engine.ts`; this module only reads and writes IndexedDB.
 */

/** What the engine remembers between runs. */
export interface SyncState {
  /** Where the last complete pull stood (a git commit), so the next reads only what is new. */
  cursor: string | null;
  /** The last time a sync reached the repository and finished. */
  lastSyncAt: number | null;
  /** Why the last sync stopped, in plain words; empty when it finished. */
  lastProblem: string;
  /** Whether that problem may pass on its own (a network fault), so Chorus simply tries again. */
  problemWillPass: boolean;
}

const syncStateKey = 'sync';
const initialState: SyncState = { cursor: null, lastSyncAt: null, lastProblem: '', problemWillPass: false };

export async function getSyncState(db: ChorusDb): Promise<SyncState> {
  const stored = (await db.settings.get(syncStateKey))?.value as Partial<SyncState> | undefined;
  return { ...initialState, ...stored };
}

export async function updateSyncState(db: ChorusDb, change: Partial<SyncState>): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: syncStateKey, value: { ...(await getSyncState(db)), ...change } });
  });
}

/**
 * Outbox entries to publish now, oldest first: those due, or on "Sync now" every one, including
 * those waiting for attention and those backing off.
 */
export async function dueOutboxEntries(db: ChorusDb, now: number, everything: boolean): Promise<OutboxRecord[]> {
  const entries = await db.outbox.orderBy('seq').toArray();
  return everything ? entries : entries.filter((entry) => entry.needsAttention !== true && entry.nextAttemptAt <= now);
}

/** The record an outbox entry carries, as the repository takes it; null if it has gone. */
export async function outboxItem(db: ChorusDb, entry: OutboxRecord): Promise<PublishItem | null> {
  if (entry.kind === 'version') {
    const version = await db.approvedVersions.get(entry.itemId);
    return version === undefined ? null : { kind: 'version', record: version.approved };
  }
  const withdrawal = await db.withdrawals.get(entry.itemId);
  if (withdrawal === undefined) return null;
  // The shared record says only which resource and when; the reason stays on this device.
  return { kind: 'withdrawal', record: await freezeWithdrawal(withdrawal) };
}

/**
 * When the earliest entry that is backing off is due again, counting only times later than
 * `after`; null when none is waiting.
 */
export async function nextDueAt(db: ChorusDb, after = -Infinity): Promise<number | null> {
  // Read whole rather than filtered in a cursor: outbox entries are sealed while the lock is on.
  const entries = await db.outbox.where('nextAttemptAt').above(after).toArray();
  return entries.find((candidate) => candidate.needsAttention !== true)?.nextAttemptAt ?? null;
}

/** Calls `listener` after each transaction that adds to the outbox (an approval, a withdrawal). */
export function onOutboxAdded(db: ChorusDb, listener: () => void): () => void {
  const hook = (_key: unknown, _entry: OutboxRecord, transaction: Transaction) => {
    transaction.on('complete', listener);
  };
  db.outbox.hook('creating', hook);
  return () => db.outbox.hook('creating').unsubscribe(hook);
}

/** The entry reached the repository: it leaves the outbox, and its record remembers where it went. */
export async function completeOutboxEntry(db: ChorusDb, entry: OutboxRecord, path: string, now: number): Promise<void> {
  if (entry.seq === undefined) return;
  const seq = entry.seq;
  await db.transaction('rw', [db.outbox, db.approvedVersions, db.withdrawals], async () => {
    await db.outbox.delete(seq);
    const published = { at: now, path };
    if (entry.kind === 'version') await db.approvedVersions.update(entry.itemId, { published });
    else await db.withdrawals.update(entry.itemId, { published });
  });
}

/** It did not get through this time: count the attempt and wait until `nextAttemptAt`. */
export async function deferOutboxEntry(
  db: ChorusDb,
  entry: OutboxRecord,
  problem: string,
  nextAttemptAt: number,
): Promise<void> {
  if (entry.seq === undefined) return;
  await db.outbox.update(entry.seq, {
    attempts: entry.attempts + 1,
    lastError: problem,
    nextAttemptAt,
    needsAttention: false,
  });
}

/** Trying again on its own will not help: keep it, and say so until a person acts. */
export async function flagOutboxEntry(db: ChorusDb, entry: OutboxRecord, problem: string): Promise<void> {
  if (entry.seq === undefined) return;
  await db.outbox.update(entry.seq, { attempts: entry.attempts + 1, lastError: problem, needsAttention: true });
}

/** Every repository path this device already holds, so a pull skips them. */
export async function knownPaths(db: ChorusDb): Promise<string[]> {
  // Read from the path indexes alone, without loading any document.
  const lists = await Promise.all([
    db.library.orderBy('path').keys(),
    db.libraryWithdrawals.orderBy('path').keys(),
    db.skippedFiles.toCollection().primaryKeys(),
  ]);
  return lists.flat().map(String);
}

/**
 * Stores one page of a pull in one transaction: withdrawals first, marking every version of their
 * resource, then new versions into the library, and the files that were skipped with the reason.
 */
export async function storePulled(
  db: ChorusDb,
  page: { items: readonly PulledItem[]; skipped: readonly SkippedFile[] },
  now: number,
): Promise<{ added: number; withdrawn: number }> {
  let added = 0;
  let withdrawn = 0;
  await db.transaction('rw', [db.library, db.libraryWithdrawals, db.skippedFiles], async () => {
    const withdrawalsFirst = [
      ...page.items.filter((item) => item.kind === 'withdrawal'),
      ...page.items.filter((item) => item.kind === 'version'),
    ];
    for (const item of withdrawalsFirst) {
      if (item.kind === 'version') {
        if ((await db.library.get(item.record.id)) !== undefined) continue;
        const earliest = await db.libraryWithdrawals.where('resourceId').equals(item.record.content.resourceId).first();
        const record: LibraryVersionRecord = {
          id: item.record.id,
          resourceId: item.record.content.resourceId,
          version: item.record.content.version,
          path: item.path,
          approved: item.record,
          pulledAt: now,
          ...(earliest === undefined ? {} : { withdrawnAt: earliest.at }),
        };
        await db.library.add(record);
        added += 1;
      } else {
        if ((await db.libraryWithdrawals.get(item.record.id)) !== undefined) continue;
        const { id, resourceId, at } = item.record;
        await db.libraryWithdrawals.add({ id, resourceId, at, path: item.path });
        await db.library
          .where('resourceId')
          .equals(resourceId)
          .modify((version) => {
            version.withdrawnAt = Math.min(version.withdrawnAt ?? at, at);
          });
        withdrawn += 1;
      }
    }
    for (const file of page.skipped) {
      await db.skippedFiles.put({ path: file.path, reason: file.reason, seenAt: now });
    }
  });
  return { added, withdrawn };
}

/** An outbox entry as the Sync panel lists it. */
export interface OutboxView {
  seq: number;
  kind: 'version' | 'withdrawal';
  title: string;
  version: number | null;
  attempts: number;
  lastError: string;
  nextAttemptAt: number;
  needsAttention: boolean;
}

export async function listOutbox(db: ChorusDb): Promise<OutboxView[]> {
  const entries = await db.outbox.orderBy('seq').toArray();
  return Promise.all(
    entries.map(async (entry): Promise<OutboxView> => {
      let title = 'Untitled';
      let version: number | null = null;
      if (entry.kind === 'version') {
        const record = await db.approvedVersions.get(entry.itemId);
        title = record?.approved.content.title ?? title;
        version = record?.version ?? null;
      } else {
        const withdrawal = await db.withdrawals.get(entry.itemId);
        const resource = withdrawal === undefined ? undefined : await db.resources.get(withdrawal.resourceId);
        title = resource?.title ?? title;
      }
      return {
        seq: entry.seq ?? 0,
        kind: entry.kind,
        title: title.trim() === '' ? 'Untitled' : title,
        version,
        attempts: entry.attempts,
        lastError: entry.lastError,
        nextAttemptAt: entry.nextAttemptAt,
        needsAttention: entry.needsAttention === true,
      };
    }),
  );
}

export function listSkippedFiles(db: ChorusDb): Promise<SkippedFileRecord[]> {
  return db.skippedFiles.orderBy('path').toArray();
}

/**
 * The library as trainers use it: the newest version of each resource that has not been
 * withdrawn, by title. Earlier versions stay in the table for the resource page.
 */
export async function listLibrary(db: ChorusDb): Promise<LibraryVersionRecord[]> {
  return (await newestPerResource(db))
    .filter((record) => record.withdrawnAt === undefined)
    .sort((a, b) => a.approved.content.title.localeCompare(b.approved.content.title, 'en-GB'));
}

/** The resources of the library that were withdrawn (their newest version), the latest withdrawal first. */
export async function listWithdrawnLibrary(db: ChorusDb): Promise<LibraryVersionRecord[]> {
  return (await newestPerResource(db))
    .filter((record) => record.withdrawnAt !== undefined)
    .sort((a, b) => (b.withdrawnAt ?? 0) - (a.withdrawnAt ?? 0));
}

async function newestPerResource(db: ChorusDb): Promise<LibraryVersionRecord[]> {
  const newest = new Map<string, LibraryVersionRecord>();
  for (const record of await db.library.toArray()) {
    const current = newest.get(record.resourceId);
    if (current === undefined || record.version > current.version) newest.set(record.resourceId, record);
  }
  return [...newest.values()];
}
