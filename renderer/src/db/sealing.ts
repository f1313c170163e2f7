import {
  type DBCore,
  type DBCoreTransaction,
  type DBCoreCursor,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTableSchema,
  type Middleware,
} from 'dexie';
import { decodeFields, encodeFields, openBytes, sealBytes, type Sealed } from './vault';

/**
 * Tables whose records are encrypted while the app lock is on: everything written about
 * resources and people, settings and sync state. Only their keys stay readable (ids, resource ids,
 * times, the Trash flag, setting names), because IndexedDB must compare them; no key holds words
 * anyone wrote. Plain on purpose: the library's withdrawals and skipped files (repository file
 * names and times, public in the repository) and `plainSettingKeys`.
 */
export const sealedTables: ReadonlySet<string> = new Set([
  'resources',
  'documents',
  'snapshots',
  'images',
  'profiles',
  'auditEvents',
  'commentThreads',
  'comments',
  'signOffs',
  'decisions',
  'knownDetails',
  'anonymisationLog',
  'approvedVersions',
  'withdrawals',
  'library',
  'packs',
  'settings',
  'outbox',
]);

/**
 * Settings read before the passphrase is given, so never sealed: the lock itself (the wrapped
 * key and how far a sealing run got), the count of wrong passphrases, and the quick exit's
 * shortcut, which works on the lock screen.
 */
export const plainSettingKeys: ReadonlySet<string> = new Set(['lock', 'lock.attempts', 'preference.quickExitShortcut']);

/** Where the sealed part of a record is kept; every other field left is a key IndexedDB needs. */
export const sealedField = '$sealed';

/**
 * The envelope's format. Version 2 binds each record to its table, its primary key and the
 * version itself (the additional data of AES-GCM), so a sealed record moved to another key or
 * table fails to open. Version 1 bound the table only; it is read while a lock from before is
 * being moved to version 2 (`lock.ts`), and refused after.
 */
export const sealedFormat = 2;

interface SealedEnvelope {
  v: 1 | 2;
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/** The key in use, if any, and whether new writes are sealed (not while the lock is being turned off). */
export interface VaultState {
  key: CryptoKey | null;
  sealing: boolean;
  /** The key before a passphrase change, while records still move to the new one. */
  previousKey: CryptoKey | null;
  /** Whether records sealed in format 1 may still be read: only until the lock has moved them to 2. */
  acceptFormat1: boolean;
}

/** A sealed record was met with no key to open it: the app is locked. */
export class VaultLocked extends Error {
  override name = 'VaultLocked';
  constructor() {
    super('Chorus is locked. Unlock it to see this.');
  }
}

/** A sealed record that does not open where it is stored: changed, or moved from another place. */
export class SealedRecordRefused extends Error {
  override name = 'SealedRecordRefused';
  constructor(
    readonly table: string,
    readonly key: unknown,
  ) {
    super(
      `A record in ${table} did not open: it was changed or moved on the disk since Chorus wrote it. Chorus left it as it is and did not use it.`,
    );
  }
}

function isEnvelope(value: unknown): value is SealedEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const envelope = value as Partial<SealedEnvelope>;
  return (
    (envelope.v === 1 || envelope.v === 2) && envelope.iv instanceof Uint8Array && envelope.data instanceof ArrayBuffer
  );
}

function isSealedRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && isEnvelope((value as Record<string, unknown>)[sealedField]);
}

/** The additional data a record is sealed with: what it must be to open. */
export function recordContext(format: 1 | 2, table: string, primaryKey: unknown): string {
  return format === 1 ? table : `chorus-record/2\u0000${table}\u0000${JSON.stringify(primaryKey)}`;
}

/** The top-level fields IndexedDB reads keys from; they stay in the clear. */
function keyFieldsOf(schema: DBCoreTableSchema): Set<string> {
  const fields = new Set<string>();
  const add = (keyPath: null | string | string[]) => {
    if (keyPath === null) return;
    for (const path of Array.isArray(keyPath) ? keyPath : [keyPath]) fields.add(path.split('.')[0] ?? path);
  };
  add(schema.primaryKey.keyPath);
  for (const index of schema.indexes) add(index.keyPath);
  return fields;
}

/** A record's primary key (sealed tables keep theirs in the record, under a plain field name). */
function primaryKeyOf(schema: DBCoreTableSchema, value: unknown, outbound: unknown): unknown {
  const keyPath = schema.primaryKey.keyPath;
  if (typeof keyPath !== 'string' || typeof value !== 'object' || value === null) return outbound;
  return (value as Record<string, unknown>)[keyPath];
}

/**
 * Keeps a transaction alive while WebCrypto works: IndexedDB commits a transaction as soon as it
 * has no request pending, so until the work is done a cheap read (of a key that cannot exist) is
 * kept in flight, and the result is handed back inside that read's success event, where the
 * transaction is active again for whatever the caller does next.
 * Dexie's `waitFor` does the same, but loses a result when two waits in one transaction overlap
 * and the first finishes before the second starts (its queue is reset): parallel reads in
 * `Promise.all` then hang. These waits are independent of each other.
 */
function whileAlive<T>(trans: DBCoreTransaction, storeName: string, work: Promise<T>): Promise<T> {
  const transaction = trans as Partial<IDBTransaction>;
  if (typeof transaction.objectStore !== 'function') return work;
  let store: IDBObjectStore;
  try {
    store = transaction.objectStore(storeName);
  } catch (error) {
    // Dexie's cache can answer a live query's read after its transaction has finished: there is
    // nothing left to keep alive, and the caller cannot use the transaction again anyway.
    if (error instanceof Error && error.name === 'InvalidStateError') return work;
    throw error;
  }
  return new Promise<T>((resolve, reject) => {
    let outcome: { ok: true; value: T } | { ok: false; error: Error } | null = null;
    work.then(
      (value) => (outcome = { ok: true, value }),
      (error: unknown) => (outcome = { ok: false, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    const spin = () => {
      if (outcome === null) {
        const request = store.get(-Infinity);
        request.onsuccess = spin;
        request.onerror = () => reject(request.error ?? new Error('The database stopped answering.'));
      } else if (outcome.ok) {
        resolve(outcome.value);
      } else {
        reject(outcome.error);
      }
    };
    spin();
  });
}

function sealingTable(table: DBCoreTable, vault: VaultState): DBCoreTable {
  const keyFields = keyFieldsOf(table.schema);
  const name = table.name;

  const split = (record: Record<string, unknown>) => {
    const kept: Record<string, unknown> = {};
    const secret: Record<string, unknown> = {};
    for (const [field, fieldValue] of Object.entries(record)) {
      if (field === sealedField) continue;
      if (keyFields.has(field)) kept[field] = fieldValue;
      else secret[field] = fieldValue;
    }
    return { kept, secret };
  };

  const seal = async (key: CryptoKey, value: unknown, primaryKey: unknown): Promise<unknown> => {
    if (typeof value !== 'object' || value === null) return value;
    if (name === 'settings' && typeof primaryKey === 'string' && plainSettingKeys.has(primaryKey)) return value;
    const { kept, secret } = split(value as Record<string, unknown>);
    const sealed: Sealed = await sealBytes(
      key,
      await encodeFields(secret),
      recordContext(sealedFormat, name, primaryKey),
    );
    kept[sealedField] = { v: sealedFormat, iv: sealed.iv, data: sealed.data } satisfies SealedEnvelope;
    return kept;
  };

  const openWith = async (key: CryptoKey, envelope: SealedEnvelope, primaryKey: unknown) =>
    decodeFields(await openBytes(key, envelope, recordContext(envelope.v, name, primaryKey)));

  const open = async (value: unknown): Promise<unknown> => {
    if (!isSealedRecord(value)) return value;
    const key = vault.key;
    if (key === null) throw new VaultLocked();
    const envelope = value[sealedField] as SealedEnvelope;
    const primaryKey = primaryKeyOf(table.schema, value, undefined);
    if (envelope.v === 1 && !vault.acceptFormat1) throw new SealedRecordRefused(name, primaryKey);
    let fields: Record<string, unknown>;
    try {
      fields = await openWith(key, envelope, primaryKey);
    } catch {
      const previous = vault.previousKey;
      if (previous === null) throw new SealedRecordRefused(name, primaryKey);
      fields = await openWith(previous, envelope, primaryKey).catch(() => {
        throw new SealedRecordRefused(name, primaryKey);
      });
    }
    const kept = Object.fromEntries(Object.entries(value).filter(([field]) => field !== sealedField));
    return { ...fields, ...kept };
  };

  /** Opens what is sealed among `values`; plain records (the lock never on) cost only the check. */
  const openAll = (values: readonly unknown[], trans: DBCoreTransaction): Promise<unknown[]> =>
    values.some(isSealedRecord) ? whileAlive(trans, name, Promise.all(values.map(open))) : Promise.resolve([...values]);

  return {
    ...table,
    async mutate(request: DBCoreMutateRequest) {
      const key = vault.key;
      if ((request.type !== 'add' && request.type !== 'put') || key === null || !vault.sealing) {
        return table.mutate(request);
      }
      const { trans, type, keys } = request;
      const primaryKeys = request.values.map((value, index) => primaryKeyOf(table.schema, value, keys?.[index]));
      // A record whose key IndexedDB is yet to pick (an auto-increment add) goes in first with its
      // key fields only, then sealed under the key it got, in the same transaction.
      const values = await whileAlive(
        trans,
        name,
        Promise.all(
          request.values.map((value, index) =>
            primaryKeys[index] === undefined
              ? Promise.resolve(split(value as Record<string, unknown>).kept)
              : seal(key, value, primaryKeys[index]),
          ),
        ),
      );
      // Only the sealed values go down: a change spec would carry the new words in the clear.
      const response = await table.mutate(keys === undefined ? { trans, type, values } : { trans, type, values, keys });
      const assignedKeys: readonly unknown[] = response.results ?? [];
      const pending = primaryKeys.flatMap((primaryKey, index) =>
        primaryKey === undefined && assignedKeys[index] !== undefined && !(index in response.failures) ? [index] : [],
      );
      if (pending.length === 0) return response;
      const resealed = await whileAlive(
        trans,
        name,
        Promise.all(
          pending.map((index) => {
            const assigned = assignedKeys[index];
            const original: unknown = request.values[index];
            const keyPath = table.schema.primaryKey.keyPath;
            const withKey =
              typeof keyPath === 'string'
                ? { ...(original as Record<string, unknown>), [keyPath]: assigned }
                : original;
            return seal(key, withKey, assigned);
          }),
        ),
      );
      await table.mutate({ trans, type: 'put', values: resealed });
      return response;
    },
    async get(request) {
      const value: unknown = await table.get(request);
      return isSealedRecord(value) ? whileAlive(request.trans, name, open(value)) : value;
    },
    async getMany(request) {
      return openAll(await table.getMany(request), request.trans);
    },
    async query(request) {
      const response = await table.query(request);
      if (request.values !== true) return response;
      return { ...response, result: await openAll(response.result, request.trans) };
    },
    async openCursor(request) {
      const cursor = await table.openCursor(request);
      if (cursor === null || request.values !== true) return cursor;
      return guardedCursor(cursor);
    },
  };
}

/**
 * Cursors hand values over synchronously, which WebCrypto cannot do: reading a sealed record
 * through one (`each`, `filter`) is a programming error, and fails the read saying so. Plain
 * records (the lock off, or a migration before it) pass.
 */
function guardedCursor(cursor: DBCoreCursor): DBCoreCursor {
  const start = cursor.start.bind(cursor);
  const guarded = cursor as { start: DBCoreCursor['start'] };
  guarded.start = (onNext) =>
    start(() => {
      if (isSealedRecord(cursor.value)) {
        cursor.fail(new Error('A sealed record was read through a cursor; read sealed tables with toArray or get.'));
      } else {
        onNext();
      }
    });
  return cursor;
}

/** The Dexie middleware that seals records of `sealedTables` on the way in and opens them on the way out. */
export function sealingMiddleware(vault: VaultState): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'ChorusSealing',
    // Above Dexie's own layers, so its caches only ever hold sealed records.
    level: 20,
    create(down) {
      return {
        ...down,
        table(name: string) {
          const table = down.table(name);
          return sealedTables.has(name) ? sealingTable(table, vault) : table;
        },
      };
    },
  };
}
