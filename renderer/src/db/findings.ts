import { documentText } from '@core/document/text';
import { replaceInDocument } from '@core/document/replace-text';
import { countWords } from '@core/document/text-stats';
import { newId } from '@core/ids';
import type { ChorusDb } from './database';
import type { FindingDecisionRecord, ProfileRecord } from './records';
import { systemClock } from '@core/clock';

/** The key of a finding's decision: its kind and exact words, so moving text around keeps it. */
export function findingKey(kind: string, text: string): string {
  return `${kind}:${text}`;
}

/** Records "keep, because…" (or any decision that leaves the text as it is). */
export async function decideFinding(
  db: ChorusDb,
  resourceId: string,
  finding: { kind: string; text: string },
  decision: Pick<FindingDecisionRecord, 'decision' | 'replacement' | 'reason'>,
  profile: ProfileRecord,
  now = systemClock.now(),
): Promise<void> {
  await db.transaction('rw', db.decisions, () => putDecision(db, resourceId, finding, decision, profile, now));
}

/** Decisions of one resource; the words are sealed with the lock on, so matching happens here. */
export async function listDecisions(db: ChorusDb, resourceId: string): Promise<FindingDecisionRecord[]> {
  return db.decisions.where('resourceId').equals(resourceId).toArray();
}

/**
 * Records a decision on a finding, replacing the one already made on it (one decision per
 * finding, found by its words in memory). Runs inside the caller's transaction.
 */
async function putDecision(
  db: ChorusDb,
  resourceId: string,
  finding: { kind: string; text: string },
  decision: Pick<FindingDecisionRecord, 'decision' | 'replacement' | 'reason'>,
  profile: ProfileRecord,
  now: number,
): Promise<void> {
  const key = findingKey(finding.kind, finding.text);
  const existing = (await listDecisions(db, resourceId)).find((each) => each.findingKey === key);
  await db.decisions.put({
    id: existing?.id ?? newId(),
    resourceId,
    findingKey: key,
    kind: finding.kind,
    text: finding.text,
    ...decision,
    profileId: profile.id,
    at: now,
  });
}

/** Replaces every occurrence of `original` in one detail; counts them into `count`. */
function replaceInText(text: string, original: string, replacement: string, count: { value: number }): string {
  const parts = text.split(original);
  count.value += parts.length - 1;
  return parts.join(replacement);
}

/**
 * Replaces a finding everywhere it is shared: the saved document (its text and pictures'
 * descriptions) and the resource's title, summary, topics and content warnings. Records the decision
 * and the anonymisation log entry in the same transaction. Returns how many places changed.
 */
export async function replaceEverywhere(
  db: ChorusDb,
  resourceId: string,
  finding: { kind: string; text: string },
  replacement: string,
  profile: ProfileRecord,
  now = systemClock.now(),
): Promise<number> {
  return db.transaction('rw', [db.documents, db.resources, db.decisions, db.anonymisationLog], async () => {
    const document = await db.documents.get(resourceId);
    if (document === undefined) throw new Error(`No resource ${resourceId}`);
    const resource = await db.resources.get(resourceId);
    const { doc, count: inDocument } = replaceInDocument(document.doc, finding.text, replacement);
    const inDetails = { value: 0 };
    const replace = (text: string) => replaceInText(text, finding.text, replacement, inDetails);
    const details =
      resource === undefined || finding.text === ''
        ? {}
        : {
            title: replace(resource.title),
            summary: replace(resource.summary),
            topics: resource.topics.map(replace),
            contentWarnings: resource.contentWarnings.map(replace),
          };
    const count = inDocument + inDetails.value;
    if (count === 0) return 0;
    const text = documentText(doc);
    if (inDocument > 0) await db.documents.put({ resourceId, doc, text, updatedAt: now });
    await db.resources.update(resourceId, {
      ...(inDetails.value > 0 ? details : {}),
      updatedAt: now,
      wordCount: countWords(text),
    });
    await putDecision(db, resourceId, finding, { decision: 'replaced', replacement, reason: '' }, profile, now);
    await db.anonymisationLog.add({
      resourceId,
      at: now,
      kind: finding.kind,
      original: finding.text,
      replacement,
      profileId: profile.id,
    });
    return count;
  });
}
