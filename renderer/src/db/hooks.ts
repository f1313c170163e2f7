import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from './DbProvider';
import type { ResourceRecord, SnapshotRecord } from './records';
import { documentTexts, getResource, listResources } from './resources';
import { listSnapshots } from './snapshots';

/** Live list of resources (or of the Trash), newest first; undefined while loading. */
export function useResourceList(inTrash: 0 | 1 = 0): ResourceRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listResources(db, inTrash), [db, inTrash]);
}

/** Live plain text of every document, only while `enabled` (a search is being typed). */
export function useDocumentTexts(enabled: boolean): Map<string, string> | undefined {
  const db = useDb();
  return useLiveQuery(() => (enabled ? documentTexts(db) : undefined), [db, enabled]);
}

export function useTrashCount(): number | undefined {
  const db = useDb();
  return useLiveQuery(
    () => db.resources.where('[inTrash+updatedAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).count(),
    [db],
  );
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
