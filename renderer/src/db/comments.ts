import { newId } from '@core/ids';
import type { ChorusDb } from './database';
import type { CommentRecord, CommentThreadRecord, ProfileRecord } from './records';
import { systemClock } from '@core/clock';

/** Starts a thread with its first comment. The editor anchors it to the words by the returned id. */
export async function startThread(
  db: ChorusDb,
  resourceId: string,
  quote: string,
  body: string,
  profile: ProfileRecord,
  now = systemClock.now(),
): Promise<string> {
  const text = body.trim();
  if (text === '') throw new Error('A comment needs some words.');
  const id = newId();
  await db.transaction('rw', db.commentThreads, db.comments, async () => {
    await db.commentThreads.add({ id, resourceId, createdAt: now, createdBy: profile.id, quote, resolvedAt: 0 });
    await db.comments.add({
      threadId: id,
      resourceId,
      profileId: profile.id,
      authorName: profile.displayName,
      body: text,
      at: now,
    });
  });
  return id;
}

export async function reply(
  db: ChorusDb,
  threadId: string,
  body: string,
  profile: ProfileRecord,
  now = systemClock.now(),
) {
  const thread = await db.commentThreads.get(threadId);
  if (thread === undefined) throw new Error(`No thread ${threadId}`);
  const text = body.trim();
  if (text === '') throw new Error('A comment needs some words.');
  await db.comments.add({
    threadId,
    resourceId: thread.resourceId,
    profileId: profile.id,
    authorName: profile.displayName,
    body: text,
    at: now,
  });
}

export async function setThreadResolved(db: ChorusDb, threadId: string, resolved: boolean, now = systemClock.now()) {
  await db.commentThreads.update(threadId, { resolvedAt: resolved ? now : 0 });
}

export interface Thread extends CommentThreadRecord {
  comments: CommentRecord[];
}

/** A resource's threads, oldest first, each with its comments in order. */
export async function listThreads(db: ChorusDb, resourceId: string): Promise<Thread[]> {
  const [threads, comments] = await Promise.all([
    db.commentThreads.where('resourceId').equals(resourceId).toArray(),
    db.comments.where('resourceId').equals(resourceId).toArray(),
  ]);
  return threads
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((thread) => ({
      ...thread,
      comments: comments.filter((comment) => comment.threadId === thread.id).sort((a, b) => a.at - b.at),
    }));
}
