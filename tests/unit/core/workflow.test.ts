import { describe, expect, it } from 'vitest';
import {
  decide,
  decideWithdrawal,
  roles,
  staleSignOffs,
  workflowActions,
  workflowStates,
  type Role,
  type SignOff,
  type WorkflowAction,
  type WorkflowContext,
  type WorkflowState,
} from '@core/co-production/workflow';

const clean: WorkflowContext = { contentHash: 'h1', signOffs: [], unresolvedFindings: 0, pendingSuggestions: 0 };

/** Every move that is allowed with no sign-offs yet, written out by hand: all others must be refused. */
const allowed: Record<string, WorkflowState> = {
  'draft submit consultee': 'in-review',
  'draft submit facilitator': 'in-review',
  'in-review request-changes facilitator': 'changes-requested',
  'changes-requested resubmit consultee': 'in-review',
  'changes-requested resubmit facilitator': 'in-review',
  'in-review sign-off consultee': 'in-review',
  'in-review sign-off facilitator': 'in-review',
  'approved start-editing consultee': 'draft',
  'approved start-editing facilitator': 'draft',
  'draft withdraw consultee': 'withdrawn',
  'in-review withdraw consultee': 'withdrawn',
  'changes-requested withdraw consultee': 'withdrawn',
  'approved withdraw consultee': 'withdrawn',
};

const signOff = (role: SignOff['role'], contentHash = 'h1'): SignOff => ({
  role,
  profileId: `p-${role}`,
  contentHash,
  at: 1,
});

describe('workflow', () => {
  const cases: [WorkflowState, WorkflowAction, Role][] = workflowStates.flatMap((state) =>
    workflowActions.flatMap((action) =>
      roles.map((role) => [state, action, role] as [WorkflowState, WorkflowAction, Role]),
    ),
  );

  it.each(cases)('%s + %s by %s', (state, action, role) => {
    const decision = decide(state, action, role, clean);
    const expected = allowed[`${state} ${action} ${role}`];
    if (expected === undefined) {
      expect(decision.allowed).toBe(false);
      if (!decision.allowed) expect(decision.reason).toMatch(/^[A-Z].+\.$/);
    } else {
      expect(decision).toEqual({ allowed: true, next: expected, approves: false });
    }
  });

  it('approves on the second sign-off, whichever side gives it', () => {
    expect(decide('in-review', 'sign-off', 'facilitator', { ...clean, signOffs: [signOff('consultee')] })).toEqual({
      allowed: true,
      next: 'approved',
      approves: true,
    });
    expect(decide('in-review', 'sign-off', 'consultee', { ...clean, signOffs: [signOff('facilitator')] })).toEqual({
      allowed: true,
      next: 'approved',
      approves: true,
    });
  });

  it('never lets one side approve alone or sign twice', () => {
    const facilitatorSigned = { ...clean, signOffs: [signOff('facilitator')] };
    expect(decide('in-review', 'sign-off', 'facilitator', facilitatorSigned)).toMatchObject({
      allowed: false,
      reason: 'You have already signed off this version.',
    });
  });

  it('cancels sign-offs given for content that has since changed', () => {
    const edited = { ...clean, contentHash: 'h2', signOffs: [signOff('consultee', 'h1')] };
    expect(decide('in-review', 'sign-off', 'facilitator', edited)).toEqual({
      allowed: true,
      next: 'in-review',
      approves: false,
    });
  });

  it('refuses sign-off while findings or suggestions are open, saying which', () => {
    expect(decide('in-review', 'sign-off', 'consultee', { ...clean, unresolvedFindings: 2 })).toMatchObject({
      allowed: false,
      reason: 'The identifying-details check has findings that are not resolved yet.',
    });
    expect(decide('in-review', 'sign-off', 'facilitator', { ...clean, pendingSuggestions: 1 })).toMatchObject({
      allowed: false,
      reason: 'There are suggested edits waiting. The consultee must accept or reject each one first.',
    });
  });

  it('lets only the consultee withdraw, from every state but withdrawn', () => {
    for (const state of workflowStates) {
      expect(decide(state, 'withdraw', 'consultee', clean).allowed).toBe(state !== 'withdrawn');
      expect(decide(state, 'withdraw', 'facilitator', clean).allowed).toBe(false);
    }
  });
});

describe('an edit to content in review', () => {
  const signOff = (role: SignOff['role'], contentHash: string): SignOff => ({
    role,
    profileId: `${role}-1`,
    contentHash,
    at: 1,
  });

  it('cancels the sign-offs given for other content than there is now, and keeps the rest', () => {
    const old = signOff('consultee', 'h1');
    const current = signOff('facilitator', 'h2');
    expect(staleSignOffs('in-review', [old, current], 'h2')).toEqual([old]);
    expect(staleSignOffs('in-review', [old, current], 'h3')).toEqual([old, current]);
  });

  it('cancels nothing when the content still has the hash they were given for', () => {
    expect(staleSignOffs('in-review', [signOff('consultee', 'h1'), signOff('facilitator', 'h1')], 'h1')).toEqual([]);
  });

  it.each(workflowStates.filter((state) => state !== 'in-review'))('cancels nothing in %s', (state) => {
    expect(staleSignOffs(state, [signOff('consultee', 'h1')], 'h2')).toEqual([]);
  });
});

describe('withdrawal', () => {
  it('is offered only once a version has been approved, and only to the consultee', () => {
    for (const state of workflowStates) {
      for (const role of roles) {
        const before = decideWithdrawal(state, role, 0);
        expect(before.allowed).toBe(false);
        const after = decideWithdrawal(state, role, 1);
        expect(after.allowed).toBe(role === 'consultee' && state !== 'withdrawn');
      }
    }
    expect(decideWithdrawal('draft', 'consultee', 0)).toEqual({
      allowed: false,
      reason:
        'Nothing of this resource has been approved, so nothing of it was shared and there is nothing to withdraw. To remove the draft, move it to the Trash.',
    });
    // The role is refused for its own reason, before anything is said of approved versions.
    expect(decideWithdrawal('approved', 'facilitator', 0)).toMatchObject({
      reason: 'Only the consultee can withdraw their resource.',
    });
  });
});
