import type { Audience } from '../domain/audiences';
import type { DocumentNode } from '../domain/document-text';

export { audienceLabels, audiences, type Audience } from '../domain/audiences';

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
  wordCount: number;
  createdAt: number;
  updatedAt: number;
  /** 1 while in the Trash. A number, not a boolean, because IndexedDB cannot index booleans. */
  inTrash: 0 | 1;
  trashedAt: number;
}

export interface DocumentRecord {
  resourceId: string;
  doc: DocumentNode;
  /** Plain text of `doc`, for search and diffs. */
  text: string;
  updatedAt: number;
}

export type SnapshotKind = 'auto' | 'named' | 'before-restore';

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
