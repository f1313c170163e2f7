import { memo, useId } from 'react';
import { useResourceUse, type VersionUse } from '../../db';
import { formatDay, type Clock } from '@core/clock';
import { useClock } from '../clock';
import './drafting.css';

function sharingLine(version: VersionUse, clock: Clock): string {
  if (version.published !== null) return `In the shared repository since ${formatDay(version.published.at, clock)}`;
  if (version.needsAttention) return 'Waiting to be shared: held until someone checks the Sync page';
  if (version.waiting) return 'Waiting to be shared';
  return 'Not shared';
}

/**
 * Where the approved versions of this resource have gone, for the consultee who wrote it: when
 * each was approved, whether it is in the shared repository (where trainers' libraries pick it
 * up) or still waiting on this device, and whether it was withdrawn.
 */
export const WhereUsedPanel = memo(function WhereUsedPanel({ resourceId }: { resourceId: string }) {
  const clock = useClock();
  const use = useResourceUse(resourceId);
  const id = useId();
  return (
    <section className="side-section where-used" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Where this is used</h2>
      {use === undefined && <p className="loading">Loading…</p>}
      {use?.versions.length === 0 && (
        <p className="field-hint">
          Nothing from this draft has been shared. It stays on this device unless you and your facilitator approve a
          version together.
        </p>
      )}
      {use !== undefined && use.versions.length > 0 && (
        <>
          <p className="field-hint">
            Approved versions go to the shared repository. Trainers see them in their library after they sync.
          </p>
          <ul className="history-list">
            {use.versions.map((version) => (
              <li key={version.id} className="history-item">
                <p className="history-name">Version {version.version}</p>
                <p className="history-meta">Approved on {formatDay(version.approvedAt, clock)}</p>
                <p className="history-meta">{sharingLine(version, clock)}</p>
                {use.withdrawal !== null && (
                  <p className="history-meta where-used-withdrawn">
                    Withdrawn on {formatDay(use.withdrawal.at, clock)}
                  </p>
                )}
              </li>
            ))}
          </ul>
          {use.withdrawal !== null && (
            <p className="field-hint where-used-note">
              {use.withdrawal.shared
                ? 'The withdrawal is in the shared repository. Trainers’ libraries stop offering every version when they next sync. Copies already handed out cannot be recalled.'
                : 'The withdrawal is waiting to be shared. Trainers’ libraries stop offering every version once it reaches the shared repository and they sync.'}
            </p>
          )}
        </>
      )}
    </section>
  );
});
