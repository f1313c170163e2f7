import { Dexie } from 'dexie';
import type { ChorusDb } from './database';
import type { LibraryVersionRecord, PublishedMark } from './records';

/**
 * Reading the library one resource at a time (for its page), and where a consultee's own
 * approved versions have gone (for the draft they came from). The list of the whole library is
 * `listLibrary` in `sync.ts`, beside the code that fills it.
 */

/** Every version of one resource this device has pulled, and whether it was withdrawn. */
export interface LibraryResource {
  resourceId: string;
  /** Newest first. Empty when only a withdrawal of the resource has arrived. */
  versions: LibraryVersionRecord[];
  /** When the resource was withdrawn (the earliest withdrawal seen); null when it was not. */
  withdrawnAt: number | null;
}

/** One resource of the library with all its versions; null when this device knows nothing of it. */
export async function getLibraryResource(db: ChorusDb, resourceId: string): Promise<LibraryResource | null> {
  return db.transaction('r', [db.library, db.libraryWithdrawals], async () => {
    const [versions, withdrawals] = await Promise.all([
      db.library.where('resourceId').equals(resourceId).toArray(),
      db.libraryWithdrawals.where('resourceId').equals(resourceId).toArray(),
    ]);
    if (versions.length === 0 && withdrawals.length === 0) return null;
    versions.sort((a, b) => b.version - a.version);
    const times = [...withdrawals.map((each) => each.at), ...versions.flatMap((each) => each.withdrawnAt ?? [])];
    return { resourceId, versions, withdrawnAt: times.length === 0 ? null : Math.min(...times) };
  });
}

/** Where one approved version of a consultee's resource stands, as they see it on their draft. */
export interface VersionUse {
  id: string;
  version: number;
  /** When the last of the two sign-offs was given. */
  approvedAt: number;
  /** Where and when it reached the shared repository; null while it has not. */
  published: PublishedMark | null;
  /** In the outbox, waiting to be sent. */
  waiting: boolean;
  /** Waiting, but held until someone looks at the Sync page (a conflict, a refused record). */
  needsAttention: boolean;
}

/** The approved versions of a resource and whether the resource was withdrawn. */
export interface ResourceUse {
  /** Newest first. */
  versions: VersionUse[];
  /** The earliest withdrawal, from this device or seen in the shared repository; null when none. */
  withdrawal: {
    at: number;
    /** Whether the withdrawal is in the shared repository: sent from here, or pulled from there. */
    shared: boolean;
  } | null;
}

/** When the last sign-off of a version was given: the moment it was approved. */
export function approvedAt(version: { approvals: readonly { at: number }[] }): number {
  return version.approvals.reduce((latest, approval) => Math.max(latest, approval.at), 0);
}

/**
 * Where the approved versions of one resource are: each version with when it was approved and
 * whether it has reached the shared repository or is still waiting to be sent, and whether the
 * resource was withdrawn (on this device, or by a withdrawal pulled from the repository).
 */
export async function getResourceUse(db: ChorusDb, resourceId: string): Promise<ResourceUse> {
  return db.transaction(
    'r',
    [db.approvedVersions, db.outbox, db.withdrawals, db.libraryWithdrawals],
    async (): Promise<ResourceUse> => {
      const [approved, localWithdrawals, pulledWithdrawals] = await Promise.all([
        db.approvedVersions
          .where('[resourceId+version]')
          .between([resourceId, Dexie.minKey], [resourceId, Dexie.maxKey])
          .reverse()
          .toArray(),
        db.withdrawals.where('resourceId').equals(resourceId).toArray(),
        db.libraryWithdrawals.where('resourceId').equals(resourceId).toArray(),
      ]);
      // One read per version rather than `anyOf`, which walks a cursor: outbox entries are sealed while the lock is on.
      const outbox = (
        await Promise.all(approved.map((each) => db.outbox.where('itemId').equals(each.id).toArray()))
      ).flat();
      const versions = approved.map((record): VersionUse => {
        const entry = outbox.find((each) => each.itemId === record.id && each.kind === 'version');
        return {
          id: record.id,
          version: record.version,
          approvedAt: approvedAt(record.approved),
          published: record.published ?? null,
          waiting: entry !== undefined && record.published === undefined,
          needsAttention: entry?.needsAttention === true,
        };
      });
      const withdrawals = [
        ...localWithdrawals.map((each) => ({ at: each.at, shared: each.published !== undefined })),
        ...pulledWithdrawals.map((each) => ({ at: each.at, shared: true })),
      ];
      const earliest = withdrawals.reduce<ResourceUse['withdrawal']>(
        (first, each) => (first === null || each.at < first.at ? each : first),
        null,
      );
      // A withdrawal written here and later pulled back is one withdrawal, and it is shared.
      const withdrawal =
        earliest === null ? null : { at: earliest.at, shared: withdrawals.some((each) => each.shared) };
      return { versions, withdrawal };
    },
  );
}
