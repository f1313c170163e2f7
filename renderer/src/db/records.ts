import type { Audience } from '@core/co-production/audiences';
import type { ApprovedVersion, ConsentRecord } from '@core/co-production/approved-version';
import type { Purpose } from '@core/co-production/consent';
import type { DocumentNode } from '@core/document/text';
import type { SnapshotKind } from '@core/document/archive';
import type { Role, SignOff } from '@core/co-production/workflow';
import type { KnownDetailKind } from '@core/findings/known-details';

export { audienceLabels, audiences, type Audience } from '@core/co-production/audiences';

/** Workflow states; the co-production work adds the moves between them. */
export const resourceStatuses = ['draft', 'in-review', 'changes-requested', 'approved', 'withdrawn'] as const;
export type ResourceStatus = (typeof resourceStatuses)[number];

export const statusLabels: Record<ResourceStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  'changes-requested': 'Changes requested',
  approved: 'Approved',
  withdrawn: 'Withdrawn',
};

/** The title of a draft that has none. */
export const untitled = 'Untitled draft';

/** A resource's details, without its document, so lists never load document bodies. */
export interface ResourceRecord {
  id: string;
  title: string;
  summary: string;
  audiences: Audience[];
  topics: string[];
  contentWarnings: string[];
  /** An ISO date (YYYY-MM-DD), or '' when none is set. */
  reviewBy: string;
  status: ResourceStatus;
  /** The version this draft will become when approved: 1, then one more after each approval. */
  version: number;
  wordCount: number;
  createdAt: number;
  updatedAt: number;
  /** 1 while in the Trash. A number, not a boolean, because IndexedDB cannot index booleans. */
  inTrash: 0 | 1;
  trashedAt: number;
  /**
   * Set only on a record as read, when it was damaged in storage: the fields that were missing or
   * not what Chorus writes, which now hold safe values (see `repair.ts`). Never stored.
   */
  damaged?: string[];
  /** With `damaged`: what was stored in those fields, if anything. Never stored. */
  found?: Record<string, unknown>;
}

export interface DocumentRecord {
  resourceId: string;
  doc: DocumentNode;
  /** Plain text of `doc`, for search and diffs. */
  text: string;
  updatedAt: number;
  /**
   * Set only on a record as read, when it was damaged in storage: `doc` when the stored document
   * could not be read (it then reads as empty, and `text` still has the words), `text`,
   * `updatedAt`. Never stored.
   */
  damaged?: string[];
  /** With `damaged` naming `doc`: the stored document as it was found, as text. Never stored. */
  unreadableDoc?: string;
}

export type { SnapshotKind };

export interface SnapshotRecord {
  id?: number;
  resourceId: string;
  kind: SnapshotKind;
  label: string;
  createdAt: number;
  doc: DocumentNode;
  text: string;
  wordCount: number;
}

export interface ImageRecord {
  id: string;
  blob: Blob;
  createdAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export interface ProfileRecord {
  id: string;
  displayName: string;
  role: Role;
  createdAt: number;
}

/** One entry of a resource's audit trail. Written once, never changed. */
export interface AuditEventRecord {
  id?: number;
  resourceId: string;
  at: number;
  profileId: string;
  profileName: string;
  role: Role;
  action: AuditAction;
  detail: string;
}

export type AuditAction =
  | 'submitted'
  | 'changes-requested'
  | 'resubmitted'
  | 'signed-off'
  | 'sign-offs-cancelled'
  | 'approved'
  | 'editing-started'
  | 'withdrawn';

export interface CommentThreadRecord {
  id: string;
  resourceId: string;
  createdAt: number;
  createdBy: string;
  /** The words the comment was anchored to when it was made. */
  quote: string;
  resolvedAt: number;
}

export interface CommentRecord {
  id?: number;
  threadId: string;
  resourceId: string;
  profileId: string;
  authorName: string;
  body: string;
  at: number;
}

export interface SignOffRecord extends SignOff {
  id?: number;
  resourceId: string;
  /** The consultee's consent, given with their sign-off. */
  consent?: ConsentRecord;
  /** The facilitator's safeguarding checklist answers, by question. */
  checklist?: Record<string, boolean>;
}

/**
 * One entry of the consultee's own list of people and places in their story (their name, family,
 * workers, school, streets), looked for by the identifying-details check in every draft on this
 * device. Sealed with the app lock on; never synced and never part of anything shared.
 */
export interface KnownDetailRecord {
  /** Random: a key holds no words, so the lock can seal them. */
  id: string;
  text: string;
  kind: KnownDetailKind;
  addedAt: number;
}

export interface FindingDecisionRecord {
  /** Random: a key holds no words, so the lock can seal them. */
  id: string;
  resourceId: string;
  /** What was found and where: the kind and the exact words, so an edit elsewhere keeps the decision. */
  findingKey: string;
  kind: string;
  text: string;
  decision: 'replaced' | 'kept';
  replacement: string;
  reason: string;
  profileId: string;
  at: number;
}

/** What was replaced with what. Stays on this device: never synced, never exported. */
export interface AnonymisationLogRecord {
  id?: number;
  resourceId: string;
  at: number;
  kind: string;
  original: string;
  replacement: string;
  profileId: string;
}

/** An approved version as frozen (`approved`, exactly what is shared), with keys for finding it. */
export interface ApprovedVersionRecord {
  id: string;
  resourceId: string;
  version: number;
  approved: ApprovedVersion;
  published?: PublishedMark;
}

export interface WithdrawalRecord {
  /** SHA-256 of the canonical withdrawal, as in the repository. */
  id: string;
  resourceId: string;
  at: number;
  reason: string;
  published?: PublishedMark;
}

/** One thing waiting to reach the shared repository, exactly once. */
export interface OutboxRecord {
  seq?: number;
  kind: 'version' | 'withdrawal';
  itemId: string;
  createdAt: number;
  attempts: number;
  lastError: string;
  nextAttemptAt: number;
  /**
   * Set when trying again on its own will not help (a conflict in the repository, a record it
   * refused): the entry waits for a person to look, and is tried again only on "Sync now".
   */
  needsAttention?: boolean;
}

/** Where a record of this device reached the repository, once it has. */
export interface PublishedMark {
  at: number;
  path: string;
}

/** An approved version from the shared repository, as pulled and checked. */
export interface LibraryVersionRecord {
  /** The version's id: the hash of what it holds. */
  id: string;
  resourceId: string;
  version: number;
  path: string;
  approved: ApprovedVersion;
  pulledAt: number;
  /** When a withdrawal of its resource was seen; a withdrawn version is never offered for use. */
  withdrawnAt?: number;
}

export interface LibraryWithdrawalRecord {
  id: string;
  resourceId: string;
  at: number;
  path: string;
}

/** A file in the repository the last pulls did not take, and why. */
export interface SkippedFileRecord {
  path: string;
  reason: string;
  seenAt: number;
}

/** One resource in a training pack: a library version, pinned, with the trainer's notes on it. */
export interface PackItem {
  /** Stays the same when the item moves or changes version, so notes being saved find it. */
  id: string;
  /** The library version's id. Never changes by itself: a newer version is only ever offered. */
  versionId: string;
  notes: string;
}

/** A training pack: approved resources, in order, for one audience. Stays on this device. */
export interface PackRecord {
  id: string;
  name: string;
  description: string;
  introduction: string;
  /** Who the pack is for, chosen when it is made; only resources consented for it may go in. */
  audience: Audience;
  /**
   * How the pack will be used, chosen when it is made; only resources consented for that use may go
   * in. Packs made before Chorus asked have none until the trainer chooses, and cannot be exported
   * until then.
   */
  purpose?: Purpose;
  items: PackItem[];
  createdAt: number;
  updatedAt: number;
}

/** A support service trainers signpost in session plans, kept in `settings`. */
export interface SupportContactRecord {
  id: string;
  name: string;
  /** What they offer. */
  description: string;
  /** A phone number, web address or email, as it should be printed. */
  contact: string;
}
