import type { Migration } from './migration';

/**
 * Training packs: a trainer's selection of pinned library versions with notes. Support contacts
 * for session plans live in `settings`, so they need no table of their own.
 */
export const migration005: Migration = {
  version: 5,
  stores: {
    packs: 'id, updatedAt',
  },
};
