import { newId } from '@core/ids';
import type { Migration } from './migration';

interface Version5Decision {
  resourceId: string;
  findingKey: string;
  [field: string]: unknown;
}

/**
 * Finding decisions were keyed by their exact words (`[resourceId+findingKey]`), and IndexedDB
 * keys cannot be encrypted. They move to `decisions`, keyed by a random id, so the app lock can
 * seal the words; a decision is found again by matching in memory.
 */
export const migration006: Migration = {
  version: 6,
  stores: {
    decisions: 'id, resourceId',
    findingDecisions: null,
  },
  async upgrade(tx) {
    const old = await tx.table<Version5Decision>('findingDecisions').toArray();
    await tx.table('decisions').bulkAdd(old.map((decision) => ({ ...decision, id: newId() })));
  },
};
