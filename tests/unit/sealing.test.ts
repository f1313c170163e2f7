import { Dexie, type DBCore, type DBCoreTable } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChorusDb, createProfile, turnOnLock } from '../../renderer/src/db';
import { sealingMiddleware } from '../../renderer/src/db/sealing';

const passphrase = 'correct horse battery staple';
let name: string;
let db: ChorusDb;
let counter = 0;

beforeEach(() => {
  counter += 1;
  name = `chorus-sealing-${process.pid}-${counter}`;
  db = new ChorusDb(name);
});

afterEach(async () => {
  await db.delete();
});

/** One record of a table as stored, read without the sealing layer. */
async function rawRecord(table: string, key: string): Promise<unknown> {
  const raw = new Dexie(name);
  await raw.open();
  const value: unknown = await raw.table(table).get(key);
  raw.close();
  return value;
}

/** The sealing layer over a table that answers every read with `stored`, as Dexie's cache can. */
function sealingOver(table: string, stored: unknown): DBCoreTable {
  const real = db.core.table(table);
  const down: DBCore = { ...db.core, table: () => ({ ...real, get: () => Promise.resolve(stored) }) };
  const sealing = sealingMiddleware(db.vault).create(down);
  if (sealing.table === undefined) throw new Error('The sealing middleware makes no table.');
  return sealing.table(table);
}

describe('the sealing layer', () => {
  it('opens a sealed record handed back after its transaction has finished', async () => {
    const id = await createProfile(db, 'Robin Example', 'consultee');
    await turnOnLock(db, passphrase);
    const stored = await rawRecord('profiles', id);
    // A live query's read that Dexie's cache answers later than its transaction lived.
    const trans = db.backendDB().transaction('profiles', 'readonly');
    await new Promise((resolve) => (trans.oncomplete = resolve));
    const profile: unknown = await sealingOver('profiles', stored).get({ trans, key: id });
    expect(profile).toMatchObject({ id, displayName: 'Robin Example' });
  });
});
