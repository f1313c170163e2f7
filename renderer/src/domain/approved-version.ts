import type { Audience } from './audiences';
import { canonicalJson, contentHash, type CanonicalValue } from './canonical-json';
import { attributionLine, type ConsentChoices } from './consent';
import type { DocumentNode } from './document-text';

/** What is frozen at approval: the document and the details trainers see. */
export interface VersionContent {
  resourceId: string;
  version: number;
  title: string;
  summary: string;
  audiences: Audience[];
  topics: string[];
  contentWarnings: string[];
  reviewBy: string;
  document: DocumentNode;
}

export interface ConsentRecord {
  choices: ConsentChoices;
  /** The exact words shown to the consultee when they agreed. */
  wording: string;
  agreedAt: number;
}

/**
 * A sign-off as it is shared. The consultee appears only as their chosen attribution, never by a
 * profile name, so an anonymous consultee stays anonymous in the repository.
 */
export interface Approval {
  role: 'consultee' | 'facilitator';
  name: string;
  at: number;
}

export interface ApprovedVersion {
  format: 1;
  /** SHA-256 of the canonical JSON of everything below except `id`. */
  id: string;
  contentHash: string;
  content: VersionContent;
  consent: ConsentRecord;
  attribution: string;
  approvals: Approval[];
}

export function hashContent(content: VersionContent): Promise<string> {
  return contentHash(content as unknown as CanonicalValue);
}

/** Freezes an approved version: hashes the content, then hashes the whole record for its id. */
export async function freezeApprovedVersion(input: {
  content: VersionContent;
  consent: ConsentRecord;
  facilitator: { name: string; at: number };
}): Promise<ApprovedVersion> {
  const hash = await hashContent(input.content);
  const attribution = attributionLine(input.consent.choices.attribution);
  const withoutId = {
    format: 1 as const,
    contentHash: hash,
    content: input.content,
    consent: input.consent,
    attribution,
    approvals: [
      { role: 'consultee' as const, name: attribution, at: input.consent.agreedAt },
      { role: 'facilitator' as const, name: input.facilitator.name, at: input.facilitator.at },
    ],
  };
  const id = await contentHash(withoutId as unknown as CanonicalValue);
  return { id, ...withoutId };
}

/** Checks that a record's id and content hash match what it holds. */
export async function verifyApprovedVersion(version: ApprovedVersion): Promise<boolean> {
  const { id, ...withoutId } = version;
  const [expectedId, expectedContentHash] = await Promise.all([
    contentHash(withoutId as unknown as CanonicalValue),
    hashContent(version.content),
  ]);
  return id === expectedId && version.contentHash === expectedContentHash;
}

/** The canonical text of a version, as it is written to the repository. */
export function approvedVersionJson(version: ApprovedVersion): string {
  return canonicalJson(version as unknown as CanonicalValue);
}
