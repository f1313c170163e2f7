import type { Transaction } from 'dexie';

/**
 * One numbered schema version: its Dexie stores and, if data must move, an upgrade.
 * Upgrades run when the database opens, before anyone has unlocked it: an upgrade that must read
 * or change fields of a sealed table (see `sealing.ts`) cannot run here, and belongs in a step
 * after unlocking instead.
 */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}
