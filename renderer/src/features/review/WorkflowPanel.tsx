import { useId, useState } from 'react';
import {
  moveResource,
  ReviewRefused,
  statusLabels,
  useApprovedVersionCount,
  useDb,
  withdrawResource,
  type ProfileRecord,
  type ResourceRecord,
} from '../../db';
import { decideStatusMove, decideWithdrawal, type StatusMove, type WorkflowAction } from '@core/co-production/workflow';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useSyncStatus } from '../sync';
import { approvedNextStep, withdrawalWords, type Sharing } from './outcome-words';

const moveLabels: Partial<Record<WorkflowAction, string>> = {
  submit: 'Send for review',
  'request-changes': 'Ask for changes',
  resubmit: 'Send back for review',
  'start-editing': 'Start a new version',
};

const nextSteps: Record<ResourceRecord['status'], string> = {
  draft: 'When the draft is ready to look at together, send it for review.',
  'in-review':
    'Check the draft together. When every identifying detail is resolved, the consultee gives consent and the facilitator signs the safeguarding checklist.',
  'changes-requested': 'Make the changes in the draft, then send it back for review.',
  // Said by approvedNextStep, which knows whether a repository is set up.
  approved: '',
  withdrawn: 'This resource is withdrawn. Trainers will no longer be able to use it.',
};

export function WorkflowPanel({ resource, profile }: { resource: ResourceRecord; profile: ProfileRecord }) {
  const db = useDb();
  const [error, setError] = useState<string | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const id = useId();
  const moves = (Object.keys(moveLabels) as StatusMove[]).filter(
    (action) => decideStatusMove(resource.status, action, profile.role).allowed,
  );
  const approvedVersions = useApprovedVersionCount(resource.id);
  // Offered only once a version has been approved: before that nothing was shared, and the Trash removes a draft.
  const canWithdraw =
    approvedVersions !== undefined && decideWithdrawal(resource.status, profile.role, approvedVersions).allowed;
  const sharing = useSharing();

  const run = async (action: Exclude<WorkflowAction, 'sign-off' | 'withdraw'>) => {
    setError(null);
    try {
      await moveResource(db, resource.id, action, profile);
    } catch (caught) {
      setError(caught instanceof ReviewRefused ? caught.message : 'That did not work. Please try again.');
    }
  };

  return (
    <section className="side-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {statusLabels[resource.status]} · version {resource.version}
      </h2>
      <p>{resource.status === 'approved' ? approvedNextStep(sharing) : nextSteps[resource.status]}</p>
      <div className="row-actions">
        {moves.map((action) => (
          <button
            key={action}
            type="button"
            className="button"
            onClick={() => void run(action as Exclude<WorkflowAction, 'sign-off' | 'withdraw'>)}
          >
            {moveLabels[action]}
          </button>
        ))}
        {canWithdraw && (
          <button type="button" className="button button-secondary" onClick={() => setWithdrawing(true)}>
            Withdraw this resource
          </button>
        )}
      </div>
      {error !== null && (
        <p role="alert" className="error-message">
          {error}
        </p>
      )}
      <ConfirmDialog
        open={withdrawing}
        onOpenChange={setWithdrawing}
        title="Withdraw this resource?"
        confirmLabel="Withdraw"
        destructive
        onConfirm={() => {
          void withdrawResource(db, resource.id, profile, reason).catch((caught: unknown) =>
            setError(
              caught instanceof ReviewRefused ? caught.message : 'The withdrawal did not work. Please try again.',
            ),
          );
        }}
      >
        <p>{withdrawalWords(resource.title, sharing)}</p>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason (optional, kept on this device only)</label>
          <textarea id={`${id}-reason`} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
        </div>
      </ConfirmDialog>
    </section>
  );
}

/** Whether approved versions will reach a shared repository, as the sync status says. */
export function useSharing(): Sharing {
  const { kind } = useSyncStatus();
  if (kind === 'loading') return undefined;
  return kind !== 'not-set-up';
}
