import { describe, expect, it } from 'vitest';
import {
  approvedNextStep,
  openCommentsRefusal,
  openCommentsReminder,
  signOffOutcome,
  withdrawalWords,
} from '../../../renderer/src/features/review/outcome-words';

describe('what is said of an approved version', () => {
  it('promises sharing only when a shared repository is set up', () => {
    expect(approvedNextStep(true)).toContain('queued for the shared repository');
    expect(approvedNextStep(false)).toContain('No shared repository is set up, so it stays on this device');
    expect(approvedNextStep(false)).not.toMatch(/will be shared\./);
    expect(approvedNextStep(undefined)).toBe(
      'This version is approved, so it cannot change. To change it, start a new version.',
    );
  });

  it('confirms the final sign-off with what happened and what happens next', () => {
    const outcome = { approved: true, role: 'facilitator', title: 'Being heard', version: 2 } as const;
    expect(signOffOutcome({ ...outcome, sharing: false })).toBe(
      'Approved. Version 2 of “Being heard” has both sign-offs and is now frozen. No shared repository is set up, so it stays on this device and nobody else can see it yet. It will be shared once a repository is set up in Sync.',
    );
    expect(signOffOutcome({ ...outcome, sharing: true })).toContain('goes the next time Chorus syncs');
  });

  it('says whose sign-off comes next after the first', () => {
    const first = { approved: false, title: 'Being heard', version: 1, sharing: true } as const;
    expect(signOffOutcome({ ...first, role: 'consultee' })).toContain(
      'The facilitator signs the safeguarding checklist next.',
    );
    expect(signOffOutcome({ ...first, role: 'facilitator' })).toContain('The consultee gives consent next.');
  });
});

describe('open comments at sign-off', () => {
  it('reminds with the count, and refuses until they are set aside on purpose', () => {
    expect(openCommentsReminder(0)).toBeNull();
    expect(openCommentsReminder(1)).toBe(
      'There is 1 open comment on this draft. It is never shared, but may be about something to change before signing off.',
    );
    expect(openCommentsReminder(3)).toContain('There are 3 open comments');
    expect(openCommentsRefusal(2, false)).toBe(
      'Look at the 2 open comments first, or tick “Sign off with the open comments as they are”.',
    );
    expect(openCommentsRefusal(2, true)).toBeNull();
    expect(openCommentsRefusal(0, false)).toBeNull();
  });
});

describe('what the withdraw dialog says', () => {
  it('says trainers will be told only when a shared repository is set up', () => {
    expect(withdrawalWords('Safe spaces', true)).toContain('When this device is next online, trainers will be told');
    expect(withdrawalWords('Safe spaces', undefined)).toContain('trainers will be told');
    const unshared = withdrawalWords('Safe spaces', false);
    expect(unshared).toContain('Every version of “Safe spaces” will be withdrawn.');
    expect(unshared).toContain('No shared repository is set up now, so trainers can only be told once one is.');
    expect(unshared).not.toContain('trainers will be told');
    for (const sharing of [true, false, undefined]) {
      expect(withdrawalWords('X', sharing)).toContain('Copies already exported or handed out cannot be recalled.');
    }
  });
});
