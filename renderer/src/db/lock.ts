import { z } from 'zod';
import type { ChorusDb } from './database';
import { sealedTables } from './sealing';
import {
  exportDataKey,
  generateDataKey,
  importDataKey,
  isDataKey,
  unwrapDataKey,
  WrongKey,
  wrapDataKey,
  type WrappedKey,
} from './vault';
import { systemClock } from '@core/clock';

/**
 * The app lock's life: turning it on (sealing every record in place), unlocking, locking,
 * changing the passphrase (rewrapping the key only) and turning it off (opening every record).
 * What it keeps is in `settings`, which is never sealed: the wrapped key, the state of a
 * sealing run and how far it got, and the count of wrong passphrases.
 */

const lockKey = 'lock';
const attemptsKey = 'lock.attempts';

/** Records sealed or opened per transaction while turning the lock on or off. */
const batchSize = 25;

const sealedSchema = z.object({ iv: z.instanceof(Uint8Array), data: z.instanceof(ArrayBuffer) });
const lockRecordSchema = z.object({
  version: z.literal(1),
  wrapped: z.object({
    kdf: z.object({
      name: z.literal('PBKDF2'),
      hash: z.literal('SHA-256'),
      iterations: z.number().int().min(100_000),
      salt: z.instanceof(Uint8Array),
    }),
    wrapped: sealedSchema,
    check: sealedSchema,
  }),
  /** `encrypting` and `decrypting` until every record has been sealed or opened. */
  state: z.enum(['encrypting', 'on', 'decrypting']),
  /** The last record done, table by table in `sealedTables` order: a crash resumes after it. */
  progress: z.object({ table: z.string(), after: z.string().or(z.number()).nullable() }).nullable(),
});
export type LockRecord = z.infer<typeof lockRecordSchema>;
export type LockState = LockRecord['state'];

const attemptsSchema = z.object({ failures: z.number().int().min(0), lastFailureAt: z.number() });

export interface Progress {
  done: number;
  total: number;
}

/** Why an unlock did not happen, in words fit to show. */
export class UnlockRefused extends Error {
  override name = 'UnlockRefused';
  constructor(
    message: string,
    /** How long until the next try is allowed. */
    readonly waitMs: number,
  ) {
    super(message);
  }
}

export async function getLockRecord(db: ChorusDb): Promise<LockRecord | null> {
  const stored = await db.settings.get(lockKey);
  if (stored === undefined) return null;
  const parsed = lockRecordSchema.safeParse(stored.value);
  // A lock record that does not read must not be taken for "no lock": that would show nothing and
  // invite writing in the clear beside sealed records.
  if (!parsed.success) throw new Error('The app lock’s settings on this device are damaged.');
  return parsed.data;
}

/** Waits allowed between tries: three free, then 1 s doubling to at most a minute. */
export function waitAfterFailures(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(60_000, 1000 * 2 ** (failures - 3));
}

async function readAttempts(db: ChorusDb): Promise<z.infer<typeof attemptsSchema>> {
  const parsed = attemptsSchema.safeParse((await db.settings.get(attemptsKey))?.value);
  return parsed.success ? parsed.data : { failures: 0, lastFailureAt: 0 };
}

/** Refuses a try that comes too soon after wrong ones; the count survives a restart. */
async function checkNotTooSoon(db: ChorusDb, now: number): Promise<void> {
  const attempts = await readAttempts(db);
  const waitMs = attempts.lastFailureAt + waitAfterFailures(attempts.failures) - now;
  if (waitMs > 0) {
    throw new UnlockRefused(`Too many tries. Wait ${Math.ceil(waitMs / 1000)} seconds, then try again.`, waitMs);
  }
}

async function openWithPassphrase(db: ChorusDb, record: LockRecord, passphrase: string, now: number) {
  await checkNotTooSoon(db, now);
  try {
    const key = await unwrapDataKey(record.wrapped, passphrase);
    await db.settings.delete(attemptsKey);
    return key;
  } catch (error) {
    if (!(error instanceof WrongKey)) throw error;
    const attempts = await readAttempts(db);
    const failures = attempts.failures + 1;
    await db.settings.put({ key: attemptsKey, value: { failures, lastFailureAt: now } });
    const waitMs = waitAfterFailures(failures);
    throw new UnlockRefused(
      waitMs === 0
        ? 'That passphrase is not right. Check it and try again.'
        : `That passphrase is not right. Wait ${Math.ceil(waitMs / 1000)} seconds before trying again.`,
      waitMs,
    );
  }
}

function holdKey(db: ChorusDb, key: CryptoKey, state: LockState): void {
  db.vault.key = key;
  db.vault.sealing = state !== 'decrypting';
}

/**
 * Turns the lock on: a new data key, wrapped by the passphrase, then every record sealed in place.
 * From the first moment, new writes are sealed; a crash part way resumes after the next unlock.
 */
export async function turnOnLock(
  db: ChorusDb,
  passphrase: string,
  onProgress: (progress: Progress) => void = () => undefined,
): Promise<void> {
  if ((await getLockRecord(db)) !== null) throw new Error('The lock is already on.');
  const key = await generateDataKey();
  const wrapped = await wrapDataKey(key, passphrase);
  const record: LockRecord = { version: 1, wrapped, state: 'encrypting', progress: null };
  await db.settings.put({ key: lockKey, value: record });
  holdKey(db, key, 'encrypting');
  await finishSealing(db, onProgress);
}

/** Opens the data key with the passphrase and keeps it in memory until `lock`. */
export async function unlock(db: ChorusDb, passphrase: string, now = systemClock.now()): Promise<LockState> {
  const record = await getLockRecord(db);
  if (record === null) return 'on';
  const key = await openWithPassphrase(db, record, passphrase, now);
  holdKey(db, key, record.state);
  return record.state;
}

/** Unlocks with a key the OS keychain kept ("Remember on this device"); false if it is not this database's. */
export async function unlockWithRememberedKey(db: ChorusDb, base64Key: string): Promise<LockState | null> {
  const record = await getLockRecord(db);
  if (record === null) return null;
  const key = await importDataKey(base64Key).catch(() => null);
  if (key === null || !(await isDataKey(record.wrapped, key))) return null;
  holdKey(db, key, record.state);
  return record.state;
}

/** The data key, for "Remember on this device". Only while unlocked. */
export async function currentKeyForRemembering(db: ChorusDb): Promise<string> {
  if (db.vault.key === null) throw new Error('Unlock first.');
  return exportDataKey(db.vault.key);
}

/** Forgets the key. Everything unsaved must be saved first: after this, sealed records cannot be written or read. */
export function lock(db: ChorusDb): void {
  db.vault.key = null;
  db.vault.sealing = false;
}

/** A new passphrase wraps the same data key: nothing else is rewritten. */
export async function changePassphrase(
  db: ChorusDb,
  current: string,
  next: string,
  now = systemClock.now(),
): Promise<void> {
  const record = await getLockRecord(db);
  if (record === null) throw new Error('The lock is not on.');
  const key = await openWithPassphrase(db, record, current, now);
  const wrapped: WrappedKey = await wrapDataKey(key, next);
  await db.settings.put({ key: lockKey, value: { ...record, wrapped } satisfies LockRecord });
}

/** Turns the lock off: every record opened and written in the clear, then the wrapped key removed. */
export async function turnOffLock(
  db: ChorusDb,
  passphrase: string,
  onProgress: (progress: Progress) => void = () => undefined,
  now = systemClock.now(),
): Promise<void> {
  const record = await getLockRecord(db);
  if (record === null) return;
  const key = await openWithPassphrase(db, record, passphrase, now);
  await db.settings.put({
    key: lockKey,
    value: { ...record, state: 'decrypting', progress: null } satisfies LockRecord,
  });
  holdKey(db, key, 'decrypting');
  await finishSealing(db, onProgress);
}

/**
 * Finishes turning the lock on or off, from where it stopped (after a crash, on the next unlock).
 * Each batch and its progress mark are written in one transaction, so no record is ever lost or
 * left half-done: a batch is either sealed (or opened) whole, or not at all.
 */
export async function finishSealing(
  db: ChorusDb,
  onProgress: (progress: Progress) => void = () => undefined,
): Promise<void> {
  const record = await getLockRecord(db);
  if (record === null || record.state === 'on') return;
  if (db.vault.key === null) throw new Error('Unlock first.');
  const tables = [...sealedTables].filter((name) => db.tables.some((table) => table.name === name));
  const startIndex = record.progress === null ? 0 : Math.max(0, tables.indexOf(record.progress.table));
  const remaining = tables.slice(startIndex);
  const counts = await Promise.all(remaining.map((name) => db.table(name).count()));
  const total = counts.reduce((sum, count) => sum + count, 0);
  let done = 0;
  onProgress({ done, total });
  for (const [position, name] of remaining.entries()) {
    const table = db.table(name);
    let after = record.progress?.table === name ? record.progress.after : null;
    for (;;) {
      const batchDone = await db.transaction('rw', [table, db.settings], async () => {
        const keys = await (after === null ? table.toCollection() : table.where(':id').above(after))
          .limit(batchSize)
          .primaryKeys();
        if (keys.length === 0) return 0;
        const values = await table.bulkGet(keys);
        await table.bulkPut(values.filter((value) => value !== undefined));
        after = keys[keys.length - 1] as string | number;
        const next: LockRecord = { ...record, progress: { table: name, after } };
        await db.settings.put({ key: lockKey, value: next });
        return keys.length;
      });
      if (batchDone === 0) break;
      done += batchDone;
      onProgress({ done: Math.min(done, total), total });
    }
    const nextTable = remaining[position + 1];
    if (nextTable !== undefined) {
      record.progress = { table: nextTable, after: null };
      await db.settings.put({ key: lockKey, value: record });
    }
  }
  if (record.state === 'encrypting') {
    await db.settings.put({ key: lockKey, value: { ...record, state: 'on', progress: null } satisfies LockRecord });
  } else {
    await db.transaction('rw', db.settings, async () => {
      await db.settings.delete(lockKey);
      await db.settings.delete(attemptsKey);
    });
    lock(db);
  }
}
