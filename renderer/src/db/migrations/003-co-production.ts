import type { Migration } from './migration';

/**
 * Co-production: profiles, the audit trail, comments, sign-offs, identifying-details decisions and
 * the anonymisation log (all local only), and approved versions, withdrawals and the outbox that
 * carries them to the shared repository. Existing resources start at version 1.
 */
export const migration003: Migration = {
  version: 3,
  stores: {
    profiles: 'id',
    auditEvents: '++id, [resourceId+at]',
    commentThreads: 'id, resourceId',
    comments: '++id, threadId, resourceId',
    signOffs: '++id, resourceId',
    findingDecisions: '[resourceId+findingKey], resourceId',
    anonymisationLog: '++id, resourceId',
    approvedVersions: 'id, resourceId, [resourceId+version]',
    withdrawals: 'id, resourceId',
    outbox: '++seq, itemId',
  },
  async upgrade(tx) {
    await tx
      .table<{ version?: number }>('resources')
      .toCollection()
      .modify((resource) => {
        resource.version ??= 1;
      });
  },
};
