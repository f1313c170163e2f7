import type { Migration } from './migration';

/**
 * The consultee's own list of "people and places in my story", which the identifying-details check
 * looks for. Keyed by a random id, so the app lock can seal the words; nothing else is indexed.
 */
export const migration007: Migration = {
  version: 7,
  stores: {
    knownDetails: 'id',
  },
};
