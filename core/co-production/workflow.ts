/**
 * The co-production workflow: which moves each role may make from each state, and why a move is
 * refused. Pure, so every allowed and refused move is unit-tested.
 *
 *   draft ─submit→ in-review ─request-changes→ changes-requested ─resubmit→ in-review
 *   in-review ─(consultee consent + facilitator safeguarding sign-off on the same content)→ approved
 *   approved ─start-editing→ draft (the next version)
 *   any state ─withdraw (consultee only, once a version has been approved)→ withdrawn
 */

export const roles = ['consultee', 'facilitator', 'trainer'] as const;
export type Role = (typeof roles)[number];

export const workflowStates = ['draft', 'in-review', 'changes-requested', 'approved', 'withdrawn'] as const;
export type WorkflowState = (typeof workflowStates)[number];

export const workflowActions = [
  'submit',
  'request-changes',
  'resubmit',
  'sign-off',
  'start-editing',
  'withdraw',
] as const;
export type WorkflowAction = (typeof workflowActions)[number];

/** One side's sign-off, bound to the exact content it was given for. */
export interface SignOff {
  role: 'consultee' | 'facilitator';
  profileId: string;
  contentHash: string;
  at: number;
}

export interface WorkflowContext {
  /** The hash of the content as it is now. */
  contentHash: string;
  signOffs: readonly SignOff[];
  unresolvedFindings: number;
  pendingSuggestions: number;
}

export type Decision = { allowed: true; next: WorkflowState; approves: boolean } | { allowed: false; reason: string };

const refuse = (reason: string): Decision => ({ allowed: false, reason });
const move = (next: WorkflowState, approves = false): Decision => ({ allowed: true, next, approves });

/** Sign-offs that still count: given for exactly the content there is now. */
export function currentSignOffs(context: WorkflowContext): SignOff[] {
  return context.signOffs.filter((signOff) => signOff.contentHash === context.contentHash);
}

/**
 * The consent rule for edits: while a draft is in review, an edit cancels every sign-off given for
 * other content than there is now (`contentHash`, the hash of the content as it would be shared),
 * so consent and the safeguarding check always speak for the exact words. Outside review an edit
 * cancels nothing: a draft has no sign-offs yet, and approved or withdrawn content cannot change.
 */
export function staleSignOffs<T extends Pick<SignOff, 'contentHash'>>(
  state: WorkflowState,
  signOffs: readonly T[],
  contentHash: string,
): T[] {
  if (state !== 'in-review') return [];
  return signOffs.filter((signOff) => signOff.contentHash !== contentHash);
}

/**
 * Decides one move. `approves` is true when the move completes the dual approval: the second of
 * the two sign-offs, given for the same content as the first.
 */
export function decide(state: WorkflowState, action: WorkflowAction, role: Role, context: WorkflowContext): Decision {
  if (role === 'trainer') return refuse('Trainers use approved resources; they do not take part in reviews.');
  if (state === 'withdrawn') return refuse('This resource has been withdrawn. Nothing more can be done with it.');

  switch (action) {
    case 'withdraw':
      return role === 'consultee' ? move('withdrawn') : refuse('Only the consultee can withdraw their resource.');
    case 'submit':
      return state === 'draft' ? move('in-review') : refuse('Only a draft can be sent for review.');
    case 'request-changes':
      if (state !== 'in-review') return refuse('Changes can only be asked for while a draft is in review.');
      return role === 'facilitator' ? move('changes-requested') : refuse('Only the facilitator asks for changes.');
    case 'resubmit':
      return state === 'changes-requested'
        ? move('in-review')
        : refuse('Only a draft with changes asked for can go back to review.');
    case 'start-editing':
      return state === 'approved' ? move('draft') : refuse('Only an approved version can be the start of a new draft.');
    case 'sign-off': {
      if (state !== 'in-review') return refuse('Sign-off happens while a draft is in review.');
      if (context.pendingSuggestions > 0) {
        return refuse('There are suggested edits waiting. The consultee must accept or reject each one first.');
      }
      if (context.unresolvedFindings > 0) {
        return refuse('The identifying-details check has findings that are not resolved yet.');
      }
      const current = currentSignOffs(context);
      if (current.some((signOff) => signOff.role === role)) return refuse('You have already signed off this version.');
      const otherRole = role === 'consultee' ? 'facilitator' : 'consultee';
      const otherSigned = current.some((signOff) => signOff.role === otherRole);
      return otherSigned ? move('approved', true) : move('in-review');
    }
  }
}

export type StatusMove = Exclude<WorkflowAction, 'sign-off'>;

/** Moves other than a sign-off depend only on the state and the role, never on content or sign-offs. */
export function decideStatusMove(state: WorkflowState, action: StatusMove, role: Role): Decision {
  return decide(state, action, role, { contentHash: '', signOffs: [], unresolvedFindings: 0, pendingSuggestions: 0 });
}

/**
 * Withdrawal takes back consent given for an approved version. A resource with no approved version has given
 * nothing to withdraw: nothing of it was shared, and the Trash is how a draft is removed.
 */
export function decideWithdrawal(state: WorkflowState, role: Role, approvedVersions: number): Decision {
  const decision = decideStatusMove(state, 'withdraw', role);
  if (!decision.allowed || approvedVersions > 0) return decision;
  return refuse(
    'Nothing of this resource has been approved, so nothing of it was shared and there is nothing to withdraw. To remove the draft, move it to the Trash.',
  );
}
