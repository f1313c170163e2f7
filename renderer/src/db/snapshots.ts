import { Dexie } from 'dexie';
import { documentText } from '@core/document/text';
import { countWords } from '@core/document/text-stats';
import type { ChorusDb } from './database';
import type { SnapshotKind, SnapshotRecord } from './records';
import { readableDocument } from './repair';
import { systemClock } from '@core/clock';

/** An automatic snapshot is taken at most this often while someone is editing. */
export const autoSnapshotIntervalMs = 10 * 60 * 1000;

/** Snapshots of one resource, newest first. */
export async function listSnapshots(db: ChorusDb, resourceId: string): Promise<SnapshotRecord[]> {
  return db.snapshots
    .where('[resourceId+createdAt]')
    .between([resourceId, Dexie.minKey], [resourceId, Dexie.maxKey])
    .reverse()
    .toArray();
}

/** Freezes the resource's current document as a snapshot. */
export async function takeSnapshot(
  db: ChorusDb,
  resourceId: string,
  kind: SnapshotKind,
  label = '',
  now = systemClock.now(),
): Promise<number> {
  return db.transaction('rw', db.documents, db.snapshots, async () => {
    const current = await db.documents.get(resourceId);
    if (current === undefined) throw new Error(`No resource ${resourceId}`);
    return db.snapshots.add({
      resourceId,
      kind,
      label: label.trim(),
      createdAt: now,
      doc: readableDocument(current),
      text: current.text,
      wordCount: countWords(current.text),
    });
  });
}

/**
 * Puts a snapshot's document back as the current draft, after snapshotting the current state, in
 * one transaction: a restore can always be undone by restoring the "before restore" snapshot.
 */
export async function restoreSnapshot(db: ChorusDb, snapshotId: number, now = systemClock.now()): Promise<void> {
  await db.transaction('rw', db.resources, db.documents, db.snapshots, async () => {
    const snapshot = await db.snapshots.get(snapshotId);
    if (snapshot === undefined) throw new Error(`No snapshot ${snapshotId}`);
    const current = await db.documents.get(snapshot.resourceId);
    if (current === undefined) throw new Error(`No resource ${snapshot.resourceId}`);
    await db.snapshots.add({
      resourceId: snapshot.resourceId,
      kind: 'before-restore',
      label: '',
      createdAt: now,
      // A damaged document is kept as the words it still has: its `doc` reads as empty.
      doc: readableDocument(current),
      text: current.text,
      wordCount: countWords(current.text),
    });
    const text = documentText(snapshot.doc);
    await db.documents.put({ resourceId: snapshot.resourceId, doc: snapshot.doc, text, updatedAt: now + 1 });
    await db.resources.update(snapshot.resourceId, { updatedAt: now + 1, wordCount: countWords(text) });
  });
}
