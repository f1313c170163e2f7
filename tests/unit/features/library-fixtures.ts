import type { ApprovedVersion, Audience, DocumentNode } from '@core/repository/records';
import type { LibraryVersionRecord } from '../../../renderer/src/db';
import { freezeApprovedVersion } from '@core/co-production/approved-version';
import { consentWording } from '@core/co-production/consent';

export interface VersionOptions {
  version?: number;
  title?: string;
  summary?: string;
  text?: string | string[];
  document?: DocumentNode;
  topics?: string[];
  warnings?: string[];
  /** Who the consultee agreed may see it. */
  consented?: Audience[];
  reviewBy?: string;
  /** When the consultee agreed; the facilitator signs a second later. */
  at?: number;
}

function documentOf(options: VersionOptions, title: string): DocumentNode {
  if (options.document !== undefined) return options.document;
  const texts = options.text === undefined ? [`Words of ${title}.`] : [options.text].flat();
  return { type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) };
}

/** A real approved version (hashed as approval freezes it), with the details a test cares about. */
export function libraryVersion(resourceId: string, options: VersionOptions = {}): Promise<ApprovedVersion> {
  const version = options.version ?? 1;
  const title = options.title ?? `Resource ${resourceId}`;
  const choices = {
    audiences: options.consented ?? ['social-care' as const],
    purposes: ['training-sessions' as const],
    attribution: { kind: 'pseudonym' as const, value: 'Sam' },
  };
  const at = options.at ?? 1_767_225_600_000;
  return freezeApprovedVersion({
    content: {
      resourceId,
      version,
      title,
      summary: options.summary ?? '',
      audiences: choices.audiences,
      topics: options.topics ?? [],
      contentWarnings: options.warnings ?? [],
      reviewBy: options.reviewBy ?? '',
      document: documentOf(options, title),
    },
    consent: { choices, wording: consentWording(choices, { title, version }), agreedAt: at },
    facilitator: { name: 'Facilitator Fay', at: at + 1000 },
  });
}

/** A library record as a pull stores it. */
export function asLibraryRecord(approved: ApprovedVersion, path = `p/${approved.id}`): LibraryVersionRecord {
  return {
    id: approved.id,
    resourceId: approved.content.resourceId,
    version: approved.content.version,
    path,
    approved,
    pulledAt: 1000,
  };
}

export async function libraryRecord(resourceId: string, options: VersionOptions = {}): Promise<LibraryVersionRecord> {
  return asLibraryRecord(await libraryVersion(resourceId, options));
}

/**
 * A library record shaped like a real one but not hashed, for building a thousand quickly; only
 * the search index and the filters read it.
 */
export function unhashedRecord(id: string, options: VersionOptions = {}): LibraryVersionRecord {
  const title = options.title ?? `Resource ${id}`;
  const audiences = options.consented ?? ['social-care' as const];
  return {
    id,
    resourceId: `res-${id}`,
    version: options.version ?? 1,
    path: `p/${id}`,
    pulledAt: 1000,
    approved: {
      format: 1,
      id: '0'.repeat(64),
      contentHash: '0'.repeat(64),
      content: {
        resourceId: `res-${id}`,
        version: options.version ?? 1,
        title,
        summary: options.summary ?? '',
        audiences,
        topics: options.topics ?? [],
        contentWarnings: options.warnings ?? [],
        reviewBy: options.reviewBy ?? '',
        document: documentOf(options, title),
      },
      consent: {
        choices: { audiences, purposes: ['training-sessions'], attribution: { kind: 'anonymous', value: '' } },
        wording: '',
        agreedAt: 0,
      },
      attribution: 'Written by a person with lived experience (anonymous)',
      approvals: [],
    },
  };
}
