import { z } from 'zod';
import type { ChorusDb } from './database';
import { sealedTables } from './sealing';
import {
  createDataKey,
  exportDataKeyWithPassphrase,
  importDataKey,
  isDataKey,
  openKeySealedUnder,
  pbkdf2Iterations,
  replaceDataKey,
  unwrapDataKey,
  WrongKey,
} from './vault';
import { systemClock } from '@core/clock';

/**
 * The app lock's life: turning it on (sealing every record in place), unlocking, locking,
 * changing the passphrase (a new data key, and every record sealed again under it) and turning it
 * off (opening every record). What it keeps is in `settings`, whose lock record is never sealed:
 * the wrapped key, the state of a sealing run and how far it got, and the count of wrong passphrases.
 */

const lockKey = 'lock';
const currentVersion = 3;
const attemptsKey = 'lock.attempts';

/** Records sealed or opened per transaction while turning the lock on or off. */
const batchSize = 25;

const sealedSchema = z.object({ iv: z.instanceof(Uint8Array), data: z.instanceof(ArrayBuffer) });
const lockRecordSchema = z.object({
  /**
   * What has been sealed, and how: 1 records bound to their table only (the first lock), 2 bound
   * to table, key and format, 3 also settings and the outbox. A lock from before is moved to the
   * current version on unlock, by a run over every record.
   */
  version: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  wrapped: z.object({
    kdf: z.object({
      name: z.literal('PBKDF2'),
      hash: z.literal('SHA-256'),
      iterations: z.number().int().min(1),
      salt: z.instanceof(Uint8Array),
    }),
    wrapped: sealedSchema,
    check: sealedSchema,
  }),
  /**
   * `encrypting`, `resealing` (a new key, or the format moving to 2) and `decrypting` until every
   * record has been sealed, sealed again or opened.
   */
  state: z.enum(['encrypting', 'on', 'resealing', 'decrypting']),
  /** The last record done, table by table in `sealedTables` order: a crash resumes after it. */
  progress: z.object({ table: z.string(), after: z.string().or(z.number()).nullable() }).nullable(),
  /** While `resealing` after a passphrase change: the old data key, sealed by the new one. */
  previous: sealedSchema.optional(),
});
export type LockRecord = z.infer<typeof lockRecordSchema>;
export type LockState = LockRecord['state'];

const attemptsSchema = z.object({ failures: z.number().int().min(0), lastFailureAt: z.number() });

export interface Progress {
  done: number;
  total: number;
}

/** The passphrase's cost: tests make it cheap, the app never passes it. */
export interface KeyOptions {
  iterations?: number;
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

/** Tries a passphrase (through `attempt`), counting wrong ones and refusing tries that come too soon. */
async function withPassphrase<T>(db: ChorusDb, now: number, attempt: () => Promise<T>): Promise<T> {
  await checkNotTooSoon(db, now);
  try {
    const result = await attempt();
    await db.settings.delete(attemptsKey);
    return result;
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

function openWithPassphrase(db: ChorusDb, record: LockRecord, passphrase: string, now: number) {
  return withPassphrase(db, now, () => unwrapDataKey(record.wrapped, passphrase));
}

/** Keeps the key (and the one before a passphrase change, while records still move) in memory. */
async function holdKey(db: ChorusDb, key: CryptoKey, record: LockRecord): Promise<void> {
  db.vault.previousKey = record.previous === undefined ? null : await openKeySealedUnder(record.previous, key);
  db.vault.acceptFormat1 = record.version === 1;
  db.vault.key = key;
  db.vault.sealing = record.state !== 'decrypting';
}

/**
 * Turns the lock on: a new data key, wrapped by the passphrase, then every record sealed in place.
 * From the first moment, new writes are sealed; a crash part way resumes after the next unlock.
 */
export async function turnOnLock(
  db: ChorusDb,
  passphrase: string,
  onProgress: (progress: Progress) => void = () => undefined,
  { iterations = pbkdf2Iterations }: KeyOptions = {},
): Promise<void> {
  if ((await getLockRecord(db)) !== null) throw new Error('The lock is already on.');
  const { key, wrapped } = await createDataKey(passphrase, iterations);
  const record: LockRecord = { version: currentVersion, wrapped, state: 'encrypting', progress: null };
  await db.settings.put({ key: lockKey, value: record });
  await holdKey(db, key, record);
  await finishSealing(db, onProgress);
}

/** Opens the data key with the passphrase and keeps it in memory until `lock`. */
export async function unlock(db: ChorusDb, passphrase: string, now = systemClock.now()): Promise<LockState> {
  const record = await getLockRecord(db);
  if (record === null) return 'on';
  const key = await openWithPassphrase(db, record, passphrase, now);
  await holdKey(db, key, record);
  return record.state;
}

/** Unlocks with a key the OS keychain kept ("Remember on this device"); false if it is not this database's. */
export async function unlockWithRememberedKey(db: ChorusDb, base64Key: string): Promise<LockState | null> {
  const record = await getLockRecord(db);
  if (record === null) return null;
  const key = await importDataKey(base64Key).catch(() => null);
  if (key === null || !(await isDataKey(record.wrapped, key))) return null;
  await holdKey(db, key, record);
  return record.state;
}

/**
 * The data key, for "Remember on this device": only with the passphrase, since the key in use
 * cannot be exported.
 */
export async function currentKeyForRemembering(
  db: ChorusDb,
  passphrase: string,
  now = systemClock.now(),
): Promise<string> {
  const record = await getLockRecord(db);
  if (record === null) throw new Error('The lock is not on.');
  return withPassphrase(db, now, () => exportDataKeyWithPassphrase(record.wrapped, passphrase));
}

/** Forgets the key. Everything unsaved must be saved first: after this, sealed records cannot be written or read. */
export function lock(db: ChorusDb): void {
  db.vault.key = null;
  db.vault.previousKey = null;
  db.vault.sealing = false;
  db.vault.acceptFormat1 = false;
}

/**
 * A new passphrase comes with a new data key, and every record is sealed again under it, so the
 * old passphrase (or an old copy of its wrapped key) opens nothing written from now on, nor any
 * record once this finishes. Until then the old key is kept sealed by the new one: a stop part way
 * carries on after the next unlock, with the new passphrase, and every record opens all along.
 */
export async function changePassphrase(
  db: ChorusDb,
  current: string,
  next: string,
  {
    now = systemClock.now(),
    iterations = pbkdf2Iterations,
    onProgress = () => undefined,
  }: KeyOptions & { now?: number; onProgress?: (progress: Progress) => void } = {},
): Promise<void> {
  const record = await getLockRecord(db);
  if (record === null) throw new Error('The lock is not on.');
  if (record.state !== 'on') throw new Error('Unlock Chorus and let it finish its work first.');
  const replaced = await withPassphrase(db, now, () => replaceDataKey(record.wrapped, current, next, iterations));
  const resealing: LockRecord = {
    version: record.version,
    wrapped: replaced.wrapped,
    state: 'resealing',
    progress: null,
    previous: replaced.previous,
  };
  await db.settings.put({ key: lockKey, value: resealing });
  db.vault.key = replaced.key;
  db.vault.previousKey = replaced.previousKey;
  db.vault.sealing = true;
  await finishSealing(db, onProgress);
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
  const decrypting: LockRecord = { ...record, state: 'decrypting', progress: null };
  await db.settings.put({ key: lockKey, value: decrypting });
  await holdKey(db, key, decrypting);
  await finishSealing(db, onProgress);
}

/**
 * Finishes turning the lock on or off, or sealing every record again, from where it stopped (after
 * a crash, on the next unlock). A lock from before format 2 is then moved to it the same way.
 * Each batch and its progress mark are written in one transaction, so no record is ever lost or
 * left half-done: a batch is either sealed (or opened) whole, or not at all.
 */
export async function finishSealing(
  db: ChorusDb,
  onProgress: (progress: Progress) => void = () => undefined,
): Promise<void> {
  for (;;) {
    const record = await getLockRecord(db);
    if (record === null || (record.state === 'on' && record.version === currentVersion)) return;
    if (db.vault.key === null) throw new Error('Unlock first.');
    if (record.state === 'on') {
      // From an earlier version: every record is sealed again, as this version seals, under the same key.
      await db.settings.put({ key: lockKey, value: { ...record, state: 'resealing', progress: null } });
      continue;
    }
    await sealEveryRecord(db, record, onProgress);
    if (record.state === 'decrypting') {
      await db.transaction('rw', db.settings, async () => {
        await db.settings.delete(lockKey);
        await db.settings.delete(attemptsKey);
      });
      lock(db);
      return;
    }
    // Turning on a lock from an earlier version leaves its earlier records as they were: the next round moves them.
    const version = record.state === 'resealing' ? currentVersion : record.version;
    const done: LockRecord = { version, wrapped: record.wrapped, state: 'on', progress: null };
    await db.settings.put({ key: lockKey, value: done });
    db.vault.previousKey = null;
    db.vault.acceptFormat1 = version === 1;
  }
}

/** One run over every sealed table, from the record's progress mark: each record read and written back. */
async function sealEveryRecord(
  db: ChorusDb,
  record: LockRecord,
  onProgress: (progress: Progress) => void,
): Promise<void> {
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
}
