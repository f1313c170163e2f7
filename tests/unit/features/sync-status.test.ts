import { describe, expect, it } from 'vitest';
import { fixedClock } from '@core/clock';
import type { RepositoryStatus } from '../../../electron/shared/contract';
import type { OutboxView, SyncState } from '../../../renderer/src/db';
import {
  describeOutboxEntry,
  describeOutboxKind,
  describeSyncStatus,
  isSetUp,
  type OutboxEntryState,
  type SyncStatusInputs,
} from '../../../renderer/src/features/sync/status';

const secrets = { kind: 'file' as const, label: 'Browser mode: the token is kept unencrypted.' };
const git: RepositoryStatus = {
  remote: { kind: 'git', url: 'https://git.example.org/chorus.git', username: 'sam' },
  hasToken: true,
  secrets,
};
const synced: SyncState = { cursor: 'abc', lastSyncAt: 1_767_225_600_000, lastProblem: '', problemWillPass: false };
// Local time, so the expected "14:05" holds in any time zone the tests run in.
const now = Date.UTC(2026, 2, 3, 14, 0);
const clock = fixedClock(now, 'Europe/London');

/** An outbox entry's state as the Sync page shows it: "Needs attention: <reason>". */
function outboxEntryText({ state, reason }: OutboxEntryState): string {
  return reason === '' ? state : `${state}: ${reason}`;
}

function entry(change: Partial<OutboxView> = {}): OutboxView {
  return {
    seq: 1,
    kind: 'version',
    title: 'My story',
    version: 2,
    attempts: 0,
    lastError: '',
    nextAttemptAt: now,
    needsAttention: false,
    ...change,
  };
}

function status(change: Partial<SyncStatusInputs> = {}) {
  return describeSyncStatus({
    repository: git,
    online: true,
    activity: { phase: 'idle' },
    syncState: synced,
    outbox: [],
    skippedCount: 0,
    ...change,
  });
}

describe('sync status', () => {
  it('says sync is not set up with no repository, or a git repository without a token', () => {
    expect(status({ repository: { remote: { kind: 'none' }, hasToken: false, secrets } }).label).toBe(
      'Sync not set up',
    );
    const noToken = status({ repository: { ...git, hasToken: false } });
    expect(noToken).toMatchObject({ kind: 'not-set-up', label: 'Sync not set up' });
    expect(noToken.detail).toContain('No token is stored');
    expect(isSetUp({ remote: { kind: 'folder', path: '/mnt/shared' }, hasToken: false, secrets })).toBe(true);
  });

  it('says what is waiting even before sync is set up', () => {
    const notSetUp = status({
      repository: { remote: { kind: 'none' }, hasToken: false, secrets },
      outbox: [entry(), entry({ seq: 2 })],
    });
    expect(notSetUp.detail).toMatch(/2 items are waiting\.$/);
  });

  it('reads the settings first, and says so when they cannot be read', () => {
    expect(status({ repository: undefined }).kind).toBe('loading');
    expect(status({ repository: undefined, repositoryError: 'Could not read.' })).toEqual({
      kind: 'attention',
      label: 'Needs attention',
      detail: 'Could not read.',
    });
  });

  it('shows progress while publishing and pulling', () => {
    expect(status({ activity: { phase: 'publishing', done: 2, total: 7 } }).label).toBe('Syncing 3 of 7');
    expect(status({ activity: { phase: 'publishing', done: 7, total: 7 } }).label).toBe('Syncing 7 of 7');
    // The routine check says nothing new on the status line (a live region), only on the Sync page.
    const checking = status({ activity: { phase: 'pulling', received: 0 } });
    expect(checking.label).toBe('Up to date');
    expect(checking.detail).toBe('Checking the repository for new resources and withdrawals.');
    const receiving = status({ activity: { phase: 'pulling', received: 12 } });
    expect(receiving.label).toBe('Checking for new resources…');
    expect(receiving.detail).toContain('12 new records so far');
  });

  it('says offline when the computer is offline, with what is waiting', () => {
    const offline = status({ online: false, outbox: [entry()] });
    expect(offline.label).toBe('Offline');
    expect(offline.detail).toBe(
      'This computer is offline. Chorus will sync when it is back online. 1 item is waiting.',
    );
  });

  it('needs attention when the last sync stopped, or an entry cannot be shared on its own', () => {
    const problem = status({ syncState: { ...synced, lastProblem: 'The repository refused the token.' } });
    expect(problem.label).toBe('Needs attention');
    expect(problem.detail).toBe('The last sync stopped: The repository refused the token.');
    const flagged = status({ outbox: [entry({ needsAttention: true, lastError: 'Conflict.' }), entry({ seq: 2 })] });
    expect(flagged.label).toBe('Needs attention');
    expect(flagged.detail).toBe('1 item could not be shared and needs a person to look at it. 1 item is waiting.');
  });

  it('says it will try again, not that a person is needed, when the problem may pass', () => {
    const passing = status({
      syncState: { ...synced, lastProblem: 'The repository stopped answering.', problemWillPass: true },
      outbox: [entry({ attempts: 1 })],
    });
    expect(passing.label).toBe('Will try again');
    expect(passing.detail).toBe(
      'The last sync did not get through: The repository stopped answering. Chorus will try again by itself. 1 item is waiting.',
    );
  });

  it('counts what is waiting, then says up to date, mentioning skipped files', () => {
    expect(status({ outbox: [entry(), entry({ seq: 2 }), entry({ seq: 3 })] }).label).toBe('3 items waiting to sync');
    expect(
      status({ syncState: { cursor: null, lastSyncAt: null, lastProblem: '', problemWillPass: false } }).label,
    ).toBe('Not synced yet');
    expect(status().label).toBe('Up to date');
    expect(status({ skippedCount: 2 }).detail).toContain(
      '2 files in the repository could not be used and were left out.',
    );
  });
});

describe('outbox entries', () => {
  it('says waiting, when it will try again, or that a person must look, with the reason', () => {
    expect(outboxEntryText(describeOutboxEntry(entry(), now, clock))).toBe('Waiting');
    const later = Date.UTC(2026, 2, 3, 14, 5);
    const backingOff = entry({ attempts: 3, lastError: 'The repository could not be reached.', nextAttemptAt: later });
    expect(outboxEntryText(describeOutboxEntry(backingOff, now, clock))).toBe(
      'Will try again at 14:05 (3 tries so far): The repository could not be reached.',
    );
    expect(
      outboxEntryText(describeOutboxEntry({ ...backingOff, attempts: 1, nextAttemptAt: now - 1 }, now, clock)),
    ).toBe('Will try again soon (1 try so far): The repository could not be reached.');
    const flagged = describeOutboxEntry(
      entry({ attempts: 1, needsAttention: true, lastError: 'Conflict.' }),
      now,
      clock,
    );
    expect(flagged.attention).toBe(true);
    expect(outboxEntryText(flagged)).toBe('Needs attention: Conflict.');
  });

  it('names the kind: a version by number, or a withdrawal', () => {
    expect(describeOutboxKind(entry())).toBe('version 2');
    expect(describeOutboxKind(entry({ kind: 'withdrawal', version: null }))).toBe('withdrawal');
    expect(describeOutboxKind(entry({ version: null }))).toBe('approved version');
  });
});
