import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { listThreads, type Thread } from './comments';
import { useDb } from './DbProvider';
import { listDecisions } from './findings';
import { listKnownDetails } from './known-details';
import { getLibraryResource, getResourceUse, type LibraryResource, type ResourceUse } from './library';
import { getPackView, getSupportContacts, listPackSummaries, type PackSummary, type PackView } from './packs';
import { getActiveProfile, listProfiles } from './profiles';
import type {
  AuditEventRecord,
  DocumentRecord,
  FindingDecisionRecord,
  KnownDetailRecord,
  LibraryVersionRecord,
  ProfileRecord,
  ResourceRecord,
  SignOffRecord,
  SkippedFileRecord,
  SnapshotRecord,
  SupportContactRecord,
} from './records';
import { auditTrail, countApprovedVersions } from './review';
import { countResources, documentTexts, getResource, listResources, recentResources } from './resources';
import { listSnapshots } from './snapshots';
import {
  getSyncState,
  listLibrary,
  listOutbox,
  listWithdrawnLibrary,
  listSkippedFiles,
  type OutboxView,
  type SyncState,
} from './sync';

/** Live list of resources (or of the Trash), newest first; undefined while loading or not `enabled`. */
export function useResourceList(inTrash: 0 | 1 = 0, enabled = true): ResourceRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => (enabled ? listResources(db, inTrash) : undefined), [db, inTrash, enabled]);
}

/** Live first page of resources (not in the Trash), newest first, with how many there are in all. */
export function useRecentResources(limit: number): { items: ResourceRecord[]; total: number } | undefined {
  const db = useDb();
  return useLiveQuery(() => recentResources(db, 0, limit), [db, limit]);
}

/** Live plain text of every document, only while `enabled` (a search is being typed). */
export function useDocumentTexts(enabled: boolean): Map<string, string> | undefined {
  const db = useDb();
  return useLiveQuery(() => (enabled ? documentTexts(db) : undefined), [db, enabled]);
}

export function useTrashCount(): number | undefined {
  const db = useDb();
  return useLiveQuery(() => countResources(db, 1), [db]);
}

/**
 * The details of a draft open for editing: read when it opens, and again whenever the window comes
 * back into view or focus (another window, in the web host, may have changed them meanwhile).
 *
 * Not a live query, on purpose. While a draft is open its page is the only thing that changes its
 * row (the app has one window; status moves are made in Review, another screen), and autosave
 * rewrites the row with every save to move `updatedAt` and `wordCount`: a live query would read the
 * row again after every save only to find nothing the page shows had changed, about 2 ms of a
 * save's main-thread time in a long draft. Those two fields are as they were when the details were
 * last read; use the live `useResource` where they matter. undefined while loading, null when the
 * draft does not exist.
 */
export function useResourceDetails(id: string): ResourceRecord | null | undefined {
  const db = useDb();
  const [read, setRead] = useState<{ id: string; record: ResourceRecord | null }>();
  useEffect(() => {
    let live = true;
    const readAgain = () => {
      getResource(db, id).then(
        (found) => {
          const record = found ?? null;
          if (!live) return;
          // The same object while only the volatile fields moved, so nothing around the editor renders.
          setRead((current) => (current?.id === id && sameDetails(current.record, record) ? current : { id, record }));
        },
        // A read refused (the app locking, say) leaves what is shown; the next read puts it right.
        () => undefined,
      );
    };
    const whenVisible = () => {
      if (document.visibilityState === 'visible') readAgain();
    };
    readAgain();
    document.addEventListener('visibilitychange', whenVisible);
    window.addEventListener('focus', readAgain);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', whenVisible);
      window.removeEventListener('focus', readAgain);
    };
  }, [db, id]);
  return read?.id === id ? read.record : undefined;
}

function sameDetails(a: ResourceRecord | null, b: ResourceRecord | null): boolean {
  if (a === null || b === null) return a === b;
  const volatile = (record: ResourceRecord) => JSON.stringify({ ...record, updatedAt: 0, wordCount: 0 });
  return volatile(a) === volatile(b);
}

/** Live details of one resource; null when it does not exist, undefined while loading. */
export function useResource(id: string): ResourceRecord | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await getResource(db, id)) ?? null, [db, id]);
}

export function useSnapshots(resourceId: string): SnapshotRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listSnapshots(db, resourceId), [db, resourceId]);
}

export function useProfiles(): ProfileRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listProfiles(db), [db]);
}

/** The profile acting on this device now; null when none is chosen, undefined while loading. */
export function useActiveProfile(): ProfileRecord | null | undefined {
  const db = useDb();
  return useLiveQuery(() => getActiveProfile(db), [db]);
}

export function useAuditTrail(resourceId: string): AuditEventRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => auditTrail(db, resourceId), [db, resourceId]);
}

export function useSignOffs(resourceId: string): SignOffRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => db.signOffs.where('resourceId').equals(resourceId).toArray(), [db, resourceId]);
}

/** How many approved versions of a resource this device holds; undefined while loading. */
export function useApprovedVersionCount(resourceId: string): number | undefined {
  const db = useDb();
  return useLiveQuery(() => countApprovedVersions(db, resourceId), [db, resourceId]);
}

/** The consultee's list of people and places in their story; undefined while loading. */
export function useKnownDetails(): KnownDetailRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listKnownDetails(db), [db]);
}

export function useFindingDecisions(resourceId: string): FindingDecisionRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listDecisions(db, resourceId), [db, resourceId]);
}

/** Live saved document of a resource; null when it does not exist, undefined while loading. */
export function useSavedDocument(resourceId: string): DocumentRecord | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await db.documents.get(resourceId)) ?? null, [db, resourceId]);
}

export function useThreads(resourceId: string): Thread[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listThreads(db, resourceId), [db, resourceId]);
}

/** Live outbox, oldest first, with titles; undefined while loading. */
export function useOutbox(): OutboxView[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listOutbox(db), [db]);
}

export function useSkippedFiles(): SkippedFileRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listSkippedFiles(db), [db]);
}

export function useSyncState(): SyncState | undefined {
  const db = useDb();
  return useLiveQuery(() => getSyncState(db), [db]);
}

export function useLibrary(): LibraryVersionRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listLibrary(db), [db]);
}

/** Live: the library's withdrawn resources, the latest withdrawal first. */
export function useWithdrawnLibrary(): LibraryVersionRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listWithdrawnLibrary(db), [db]);
}

/** Live training packs, most recently changed first, with how many of their resources were withdrawn. */
export function usePackSummaries(): PackSummary[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listPackSummaries(db), [db]);
}

/** Live pack with what the library says about each item; null when there is none, undefined while loading. */
export function usePackView(id: string): PackView | null | undefined {
  const db = useDb();
  return useLiveQuery(() => getPackView(db, id), [db, id]);
}

export function useSupportContacts(): SupportContactRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => getSupportContacts(db), [db]);
}

/** Live versions of one library resource; null when this device has none, undefined while loading. */
export function useLibraryResource(resourceId: string): LibraryResource | null | undefined {
  const db = useDb();
  return useLiveQuery(() => getLibraryResource(db, resourceId), [db, resourceId]);
}

/** Live list of where a resource's approved versions are: shared, waiting, withdrawn. */
export function useResourceUse(resourceId: string): ResourceUse | undefined {
  const db = useDb();
  return useLiveQuery(() => getResourceUse(db, resourceId), [db, resourceId]);
}
