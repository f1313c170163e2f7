import { useAuditTrail, type AuditAction } from '../../db';
import { roleLabels } from '@core/co-production/roles';
import { formatWhen } from '@core/clock';
import { useClock } from '../clock';
import './review.css';

const actionLabels: Record<AuditAction, string> = {
  submitted: 'Sent for review',
  'changes-requested': 'Asked for changes',
  resubmitted: 'Sent back for review',
  'signed-off': 'Signed off',
  'sign-offs-cancelled': 'Sign-offs cancelled because the draft changed',
  approved: 'Approved',
  'editing-started': 'Started a new version',
  withdrawn: 'Withdrawn',
};

/** Every state change, sign-off and withdrawal, with who and when. Read-only for everyone. */
export function AuditTrail({ resourceId }: { resourceId: string }) {
  const clock = useClock();
  const events = useAuditTrail(resourceId);
  return (
    <section className="side-section" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit trail</h2>
      {events?.length === 0 && <p className="field-hint">Nothing has happened in review yet.</p>}
      {events !== undefined && events.length > 0 && (
        <ol className="audit-list">
          {events.map((event) => (
            <li key={event.id}>
              <strong>{actionLabels[event.action]}</strong>
              {event.detail !== '' && <> — {event.detail}</>}
              <br />
              <span className="history-meta">
                {event.profileName}, {roleLabels[event.role].toLowerCase()}, {formatWhen(event.at, clock)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
