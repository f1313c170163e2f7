import { Dexie } from 'dexie';
import {
  freezeApprovedVersion,
  freezeWithdrawal,
  hashContent,
  type ConsentRecord,
  type VersionContent,
} from '@core/co-production/approved-version';
import { stripReviewMarks } from '@core/document/strip';
import {
  decide,
  decideStatusMove,
  decideWithdrawal,
  staleSignOffs,
  type Decision,
  type StatusMove,
  type WorkflowAction,
  type WorkflowContext,
} from '@core/co-production/workflow';
import type { ChorusDb } from './database';
import type { AuditAction, AuditEventRecord, ProfileRecord, ResourceRecord, SignOffRecord } from './records';
import { systemClock } from '@core/clock';

export class ReviewRefused extends Error {
  override name = 'ReviewRefused';
}

const auditActions: Record<Exclude<WorkflowAction, 'sign-off'>, AuditAction> = {
  submit: 'submitted',
  'request-changes': 'changes-requested',
  resubmit: 'resubmitted',
  'start-editing': 'editing-started',
  withdraw: 'withdrawn',
};

/**
 * The content that would be frozen now, from the stored resource and document as it may leave the
 * device (`stripReviewMarks`: pending suggestions rejected, comment anchors removed).
 */
export async function currentVersionContent(db: ChorusDb, resourceId: string): Promise<VersionContent> {
  const [resource, document] = await Promise.all([db.resources.get(resourceId), db.documents.get(resourceId)]);
  if (resource === undefined || document === undefined) throw new Error(`No resource ${resourceId}`);
  return {
    resourceId,
    version: resource.version,
    title: resource.title,
    summary: resource.summary,
    audiences: resource.audiences,
    topics: resource.topics,
    contentWarnings: resource.contentWarnings,
    reviewBy: resource.reviewBy,
    document: stripReviewMarks(document.doc),
  };
}

export interface ReviewCounts {
  unresolvedFindings: number;
  pendingSuggestions: number;
}

async function workflowContext(db: ChorusDb, resourceId: string, counts: ReviewCounts): Promise<WorkflowContext> {
  const [hash, signOffs] = await Promise.all([
    hashContent(await currentVersionContent(db, resourceId)),
    db.signOffs.where('resourceId').equals(resourceId).toArray(),
  ]);
  return { contentHash: hash, signOffs, ...counts };
}

function audit(
  db: ChorusDb,
  resource: ResourceRecord,
  profile: ProfileRecord,
  action: AuditAction,
  detail: string,
  at: number,
): Promise<number> {
  return db.auditEvents.add({
    resourceId: resource.id,
    at,
    profileId: profile.id,
    profileName: profile.displayName,
    role: profile.role,
    action,
    detail,
  });
}

/** How many approved versions of a resource this device holds (each was frozen with its consent). */
export function countApprovedVersions(db: ChorusDb, resourceId: string): Promise<number> {
  return db.approvedVersions.where('resourceId').equals(resourceId).count();
}

/** Whether the acting profile may make a move other than a sign-off now. */
async function decideMove(
  db: ChorusDb,
  resourceId: string,
  action: StatusMove,
  profile: ProfileRecord,
): Promise<Decision> {
  const resource = await db.resources.get(resourceId);
  if (resource === undefined) return { allowed: false, reason: 'This resource is not on this device.' };
  return decideStatusMove(resource.status, action, profile.role);
}

/**
 * Makes one workflow move other than a sign-off, and records it in the audit trail, in one
 * transaction. Refused moves throw `ReviewRefused` with the plain reason.
 */
export async function moveResource(
  db: ChorusDb,
  resourceId: string,
  action: Exclude<WorkflowAction, 'sign-off' | 'withdraw'>,
  profile: ProfileRecord,
  now = systemClock.now(),
): Promise<void> {
  const decision = await decideMove(db, resourceId, action, profile);
  if (!decision.allowed) throw new ReviewRefused(decision.reason);
  await db.transaction('rw', db.resources, db.auditEvents, db.signOffs, async () => {
    const resource = await db.resources.get(resourceId);
    if (resource === undefined) throw new Error(`No resource ${resourceId}`);
    const patch: Partial<ResourceRecord> = { status: decision.next };
    // A new draft starts a new version with no sign-offs.
    if (action === 'start-editing') {
      patch.version = resource.version + 1;
      await db.signOffs.where('resourceId').equals(resourceId).delete();
    }
    await db.resources.update(resourceId, patch);
    await audit(db, resource, profile, auditActions[action], '', now);
  });
}

/**
 * Gives the acting profile's sign-off for the content as it is now. The second matching sign-off
 * approves: the version is frozen with its consent and put in the outbox in the same transaction.
 */
export async function signOff(
  db: ChorusDb,
  resourceId: string,
  profile: ProfileRecord,
  counts: ReviewCounts,
  given: { consent?: Omit<ConsentRecord, 'agreedAt'>; checklist?: Record<string, boolean> },
  now = systemClock.now(),
): Promise<{ approved: boolean }> {
  // Consent is dated by the same clock as the sign-off it comes with.
  const extra = {
    ...(given.consent === undefined ? {} : { consent: { ...given.consent, agreedAt: now } }),
    ...(given.checklist === undefined ? {} : { checklist: given.checklist }),
  };
  if (profile.role === 'consultee' && extra.consent === undefined)
    throw new ReviewRefused('Consent is needed to sign off.');
  if (profile.role === 'facilitator' && extra.checklist === undefined) {
    throw new ReviewRefused('The safeguarding checklist is needed to sign off.');
  }
  const content = await currentVersionContent(db, resourceId);
  const context = await workflowContext(db, resourceId, counts);
  const [resource, document] = await Promise.all([db.resources.get(resourceId), db.documents.get(resourceId)]);
  if (resource === undefined || document === undefined) throw new Error(`No resource ${resourceId}`);
  const decision = decide(resource.status, 'sign-off', profile.role, context);
  if (!decision.allowed) throw new ReviewRefused(decision.reason);
  const role = profile.role === 'consultee' ? 'consultee' : 'facilitator';
  const mine: SignOffRecord = {
    resourceId,
    role,
    profileId: profile.id,
    contentHash: context.contentHash,
    at: now,
    ...extra,
  };

  let frozen: Awaited<ReturnType<typeof freezeApprovedVersion>> | null = null;
  if (decision.approves) {
    const all = [...context.signOffs.filter((s) => s.contentHash === context.contentHash), mine] as SignOffRecord[];
    const consultee = all.find((s) => s.role === 'consultee');
    const facilitator = all.find((s) => s.role === 'facilitator');
    const facilitatorProfile = facilitator === undefined ? undefined : await db.profiles.get(facilitator.profileId);
    if (consultee?.consent === undefined || facilitator === undefined || facilitatorProfile === undefined) {
      throw new ReviewRefused('Both sign-offs are needed to approve.');
    }
    frozen = await freezeApprovedVersion({
      content,
      consent: consultee.consent,
      facilitator: { name: facilitatorProfile.displayName, at: facilitator.at },
    });
  }

  await db.transaction(
    'rw',
    [db.resources, db.documents, db.signOffs, db.auditEvents, db.approvedVersions, db.outbox],
    async () => {
      // The content must still be what was hashed. Hashing is WebCrypto, which cannot run inside an
      // IndexedDB transaction, so the check compares the save times read before hashing.
      const [nowResource, nowDocument] = await Promise.all([
        db.resources.get(resourceId),
        db.documents.get(resourceId),
      ]);
      if (nowResource?.updatedAt !== resource.updatedAt || nowDocument?.updatedAt !== document.updatedAt) {
        throw new ReviewRefused('The draft changed while signing. Please check it and sign again.');
      }
      await db.signOffs.add(mine);
      await audit(
        db,
        resource,
        profile,
        'signed-off',
        role === 'consultee' ? 'Consent given' : 'Safeguarding checklist signed',
        now,
      );
      if (frozen !== null) {
        await db.approvedVersions.add({ id: frozen.id, resourceId, version: content.version, approved: frozen });
        await db.outbox.add({
          kind: 'version',
          itemId: frozen.id,
          createdAt: now,
          attempts: 0,
          lastError: '',
          nextAttemptAt: now,
        });
        await db.resources.update(resourceId, { status: 'approved' });
        await audit(db, resource, profile, 'approved', `Version ${content.version} approved`, now);
      }
    },
  );
  return { approved: frozen !== null };
}

/**
 * Cancels sign-offs given for content that has since changed, and records that it happened. Called
 * after saving a document or details of a resource in review.
 */
export async function cancelStaleSignOffs(
  db: ChorusDb,
  resourceId: string,
  profile: ProfileRecord | null,
  now = systemClock.now(),
): Promise<number> {
  const resource = await db.resources.get(resourceId);
  if (resource === undefined || resource.status !== 'in-review') return 0;
  const hash = await hashContent(await currentVersionContent(db, resourceId));
  return db.transaction('rw', [db.signOffs, db.auditEvents], async () => {
    const signOffs = await db.signOffs.where('resourceId').equals(resourceId).toArray();
    const stale = staleSignOffs(resource.status, signOffs, hash)
      .map((signOff) => signOff.id)
      .filter((id) => id !== undefined);
    if (stale.length === 0) return 0;
    await db.signOffs.bulkDelete(stale);
    if (profile !== null) {
      await audit(db, resource, profile, 'sign-offs-cancelled', 'The draft was edited after a sign-off', now);
    }
    return stale.length;
  });
}

/**
 * Withdraws a resource and all its versions: a withdrawal record and its outbox entry, in one
 * transaction. Only the consultee can; it is as easy as consenting.
 */
export async function withdrawResource(
  db: ChorusDb,
  resourceId: string,
  profile: ProfileRecord,
  reason: string,
  now = systemClock.now(),
): Promise<void> {
  const resource = await db.resources.get(resourceId);
  if (resource === undefined) throw new ReviewRefused('This resource is not on this device.');
  const decision = decideWithdrawal(resource.status, profile.role, await countApprovedVersions(db, resourceId));
  if (!decision.allowed) throw new ReviewRefused(decision.reason);
  const { id } = await freezeWithdrawal({ resourceId, at: now });
  const withdrawal = { reason: reason.trim() };
  await db.transaction('rw', [db.resources, db.withdrawals, db.outbox, db.auditEvents], async () => {
    const resource = await db.resources.get(resourceId);
    if (resource === undefined) throw new Error(`No resource ${resourceId}`);
    await db.withdrawals.add({ id, resourceId, at: now, reason: withdrawal.reason });
    await db.outbox.add({
      kind: 'withdrawal',
      itemId: id,
      createdAt: now,
      attempts: 0,
      lastError: '',
      nextAttemptAt: now,
    });
    await db.resources.update(resourceId, { status: 'withdrawn' });
    await audit(
      db,
      resource,
      profile,
      'withdrawn',
      withdrawal.reason === '' ? '' : `Reason: ${withdrawal.reason}`,
      now,
    );
  });
}

export async function auditTrail(db: ChorusDb, resourceId: string): Promise<AuditEventRecord[]> {
  return db.auditEvents
    .where('[resourceId+at]')
    .between([resourceId, Dexie.minKey], [resourceId, Dexie.maxKey])
    .toArray();
}
