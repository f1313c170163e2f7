import { contentHash, type CanonicalValue } from './canonical-json';
import type { ApprovedVersion, VersionContent, Withdrawal } from './records';

/**
 * The hashes that seal a shared record, computed here and nowhere else: a version's content hash
 * (what a sign-off holds and what the record says it holds) and every record's id (the hash of all
 * of it but the id). Freezing, verifying on this device and checking a file from a remote use them.
 */

/** The hash of a version's content: its canonical JSON, hashed. */
export function hashContent(content: VersionContent): Promise<string> {
  return contentHash(content as unknown as CanonicalValue);
}

/** A record's id: the hash of everything in it but `id`. */
export function recordId(record: Omit<ApprovedVersion, 'id'> | Omit<Withdrawal, 'id'>): Promise<string> {
  const withoutId: Record<string, unknown> = { ...record };
  delete withoutId.id;
  return contentHash(withoutId as unknown as CanonicalValue);
}

/** Whether a record's id, and a version's content hash, match what it holds. */
export async function isSealed(record: ApprovedVersion | Withdrawal): Promise<boolean> {
  const [id, hash] = await Promise.all([
    recordId(record),
    'content' in record ? hashContent(record.content) : Promise.resolve(null),
  ]);
  return id === record.id && ('content' in record ? hash === record.contentHash : true);
}
