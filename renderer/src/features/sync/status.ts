import type { RepositoryStatus } from '../../../../electron/shared/contract';
import type { OutboxView, SyncState } from '../../db';
import { formatWhen, type Clock } from '@core/clock';
import { plural } from '../../ui/format';
import type { SyncActivity } from './engine';

/** The kinds of status, for styling: one word per state the status line can be in. */
export type SyncStatusKind = 'loading' | 'not-set-up' | 'offline' | 'busy' | 'attention' | 'waiting' | 'done';

export interface SyncStatusDescription {
  kind: SyncStatusKind;
  /** A few words, fit for the always-visible status line. */
  label: string;
  /** A sentence or two for the Sync page: why, and what happens next. */
  detail: string;
}

export interface SyncStatusInputs {
  /** Undefined while it is being read from the app host. */
  repository: RepositoryStatus | undefined;
  /** Why the settings could not be read; null or left out when they were. */
  repositoryError?: string | null;
  online: boolean;
  activity: SyncActivity;
  /** The live queries below are undefined while they load. */
  syncState: SyncState | undefined;
  outbox: readonly OutboxView[] | undefined;
  skippedCount: number | undefined;
}

/** Whether the settings are enough for Chorus to reach a repository at all. */
export function isSetUp(repository: RepositoryStatus): boolean {
  if (repository.remote.kind === 'none') return false;
  return repository.remote.kind === 'folder' || repository.hasToken;
}

function skippedSentence(count: number | undefined): string {
  if (count === undefined || count === 0) return '';
  return ` ${plural(count, 'file')} in the repository could not be used and ${count === 1 ? 'was' : 'were'} left out.`;
}

/**
 * What the sync status says, in order of what matters most: whether sync is set up at all, what is
 * happening now, whether the computer is offline, whether a person needs to look at something,
 * what is still waiting, and otherwise that everything is shared and pulled.
 */
export function describeSyncStatus(inputs: SyncStatusInputs): SyncStatusDescription {
  const { repository, repositoryError, online, activity, syncState, outbox, skippedCount } = inputs;
  if (repository === undefined && typeof repositoryError === 'string') {
    return { kind: 'attention', label: 'Needs attention', detail: repositoryError };
  }
  if (repository === undefined) {
    return { kind: 'loading', label: 'Checking sync…', detail: 'Reading the sync settings.' };
  }
  const waiting = (outbox ?? []).filter((entry) => !entry.needsAttention).length;
  const waitingSentence = waiting === 0 ? '' : ` ${plural(waiting, 'item')} ${waiting === 1 ? 'is' : 'are'} waiting.`;
  if (!isSetUp(repository)) {
    const detail =
      repository.remote.kind === 'git'
        ? 'No token is stored for the repository. Add one in the settings below.'
        : 'Chorus works fully offline. Set up a shared repository below to share approved versions and receive the library.';
    return { kind: 'not-set-up', label: 'Sync not set up', detail: detail + waitingSentence };
  }
  if (activity.phase === 'publishing') {
    const current = Math.min(activity.done + 1, activity.total);
    return {
      kind: 'busy',
      label: `Syncing ${current} of ${activity.total}`,
      detail: `Sharing approved versions and withdrawals: ${current} of ${activity.total}.`,
    };
  }
  if (activity.phase === 'pulling' && activity.received === 0) {
    // The routine check every few minutes says nothing new on the always-visible line, which is
    // a live region: only the Sync page's fuller words mention it.
    return {
      ...describeSyncStatus({ ...inputs, activity: { phase: 'idle' } }),
      detail: 'Checking the repository for new resources and withdrawals.',
    };
  }
  if (activity.phase === 'pulling') {
    return {
      kind: 'busy',
      label: 'Checking for new resources…',
      detail:
        activity.received === 0
          ? 'Checking the repository for new resources and withdrawals.'
          : `Checking the repository for new resources and withdrawals: ${plural(activity.received, 'new record')} so far.`,
    };
  }
  if (!online) {
    return {
      kind: 'offline',
      label: 'Offline',
      detail: `This computer is offline. Chorus will sync when it is back online.${waitingSentence}`,
    };
  }
  const flagged = (outbox ?? []).filter((entry) => entry.needsAttention).length;
  const problem = syncState?.lastProblem ?? '';
  if (flagged === 0 && problem !== '' && syncState?.problemWillPass === true) {
    return {
      kind: 'waiting',
      label: 'Will try again',
      detail: `The last sync did not get through: ${problem} Chorus will try again by itself.${waitingSentence}`,
    };
  }
  if (flagged > 0 || problem !== '') {
    const parts = [
      problem === '' ? '' : `The last sync stopped: ${problem}`,
      flagged === 0
        ? ''
        : `${plural(flagged, 'item')} could not be shared and ${flagged === 1 ? 'needs' : 'need'} a person to look at ${flagged === 1 ? 'it' : 'them'}.`,
    ].filter((part) => part !== '');
    return { kind: 'attention', label: 'Needs attention', detail: parts.join(' ') + waitingSentence };
  }
  if (waiting > 0) {
    return {
      kind: 'waiting',
      label: `${plural(waiting, 'item')} waiting to sync`,
      detail: `${plural(waiting, 'item')} ${waiting === 1 ? 'is' : 'are'} waiting to be shared. Chorus will send ${waiting === 1 ? 'it' : 'them'} shortly.`,
    };
  }
  if (syncState?.lastSyncAt === null || syncState === undefined) {
    return { kind: 'waiting', label: 'Not synced yet', detail: 'Chorus will sync with the repository shortly.' };
  }
  return {
    kind: 'done',
    label: 'Up to date',
    detail: `Everything approved on this device has been shared, and the library has what the repository held at the last sync.${skippedSentence(skippedCount)}`,
  };
}

/** How one outbox entry is doing: its state, and the reason from the last try when there is one. */
export interface OutboxEntryState {
  attention: boolean;
  state: string;
  reason: string;
}

export function describeOutboxEntry(entry: OutboxView, now: number, clock: Clock): OutboxEntryState {
  if (entry.needsAttention) return { attention: true, state: 'Needs attention', reason: entry.lastError };
  if (entry.attempts === 0) return { attention: false, state: 'Waiting', reason: '' };
  const tries = `${plural(entry.attempts, 'try', 'tries')} so far`;
  const when = entry.nextAttemptAt > now ? `at ${formatWhen(entry.nextAttemptAt, clock)}` : 'soon';
  return { attention: false, state: `Will try again ${when} (${tries})`, reason: entry.lastError };
}

/** "version 3", or "withdrawal". */
export function describeOutboxKind(entry: OutboxView): string {
  if (entry.kind === 'withdrawal') return 'withdrawal';
  return entry.version === null ? 'approved version' : `version ${entry.version}`;
}
