import type { Transaction } from 'dexie';

/** One numbered schema version: its Dexie stores and, if data must move, an upgrade. */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}
