import { useEffect, useLayoutEffect, useMemo } from 'react';
import { useDb, type ProfileRecord, type ResourceStatus } from '../../db';
import { useClock } from '../clock';
import { createDraftSession, type DraftSession } from './draft-session';

/**
 * The open draft's session for the life of the page: saving when the page is left, and once more
 * when the page goes away. It follows the profile and the resource's state as the page reads them.
 */
export function useDraftSession(
  resourceId: string,
  context: { profile: ProfileRecord | null; status: ResourceStatus | undefined },
): DraftSession {
  const db = useDb();
  const clock = useClock();
  const session = useMemo(() => createDraftSession({ db, resourceId, clock }), [db, resourceId, clock]);
  const { profile, status } = context;
  useLayoutEffect(() => {
    session.follow({ profile, status });
  }, [session, profile, status]);
  useEffect(() => {
    session.open();
    return () => void session.dispose();
  }, [session]);
  return session;
}
