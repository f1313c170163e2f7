import type { Migration } from './migration';

/**
 * Sync: the library of approved versions pulled from the shared repository, withdrawals seen
 * there, and files the last pulls skipped. The outbox gains an index on when each entry is next
 * due. Nothing in these tables was typed on this device except what it published itself.
 */
export const migration004: Migration = {
  version: 4,
  stores: {
    library: 'id, resourceId, &path',
    libraryWithdrawals: 'id, resourceId, &path',
    skippedFiles: 'path',
    outbox: '++seq, itemId, nextAttemptAt',
  },
};
