import type { Migration } from './migration';

/** The first schema: each resource held its document inline. */
export const migration001: Migration = {
  version: 1,
  stores: {
    resources: 'id, updatedAt, [inTrash+updatedAt]',
    snapshots: '++id, resourceId, [resourceId+createdAt]',
    images: 'id',
    settings: 'key',
  },
};
