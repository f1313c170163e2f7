import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  changePassphrase,
  ChorusDb,
  createImageStore,
  createResource,
  currentKeyForRemembering,
  finishSealing,
  getDocument,
  getLockRecord,
  lock,
  replaceEverywhere,
  saveDocument,
  takeSnapshot,
  turnOffLock,
  turnOnLock,
  unlock,
  unlockWithRememberedKey,
  UnlockRefused,
  updateDetails,
  VaultLocked,
  waitAfterFailures,
} from '../../renderer/src/db';
import {
  getPreference,
  getSupportContacts,
  getSyncState,
  quickExitShortcutPreference,
  saveSupportContact,
  setActiveProfile,
  setPreference,
  updateSyncState,
} from '../../renderer/src/db';
import { createProfile } from '../../renderer/src/db/profiles';
import { listResources } from '../../renderer/src/db/resources';
import { SealedRecordRefused, sealedField } from '../../renderer/src/db/sealing';
import { openBytes, pbkdf2Iterations, sealBytes, unwrapDataKey, type WrappedKey } from '../../renderer/src/db/vault';
import { paragraphs } from '../helpers/db';

const phrase = 'lantern over the quiet harbour';
const passphrase = 'correct horse battery staple';
/** A cheap passphrase key for tests; one test checks the app's real default. */
const cheap = { iterations: 1000 };
let name: string;
let db: ChorusDb;
let counter = 0;

beforeEach(() => {
  counter += 1;
  name = `chorus-lock-${process.pid}-${counter}`;
  db = new ChorusDb(name);
});

afterEach(async () => {
  await db.delete();
});

/** Every record of every table as stored, read without the sealing layer. */
async function rawRecords(): Promise<Record<string, unknown[]>> {
  const raw = new Dexie(name);
  await raw.open();
  const all: Record<string, unknown[]> = {};
  for (const table of raw.tables) all[table.name] = await table.toArray();
  raw.close();
  return all;
}

/** Whether a phrase appears anywhere in stored records: strings, and bytes read as UTF-8 or UTF-16. */
function containsPhrase(value: unknown, text: string): boolean {
  if (typeof value === 'string') return value.includes(text);
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes =
      value instanceof ArrayBuffer
        ? new Uint8Array(value)
        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return (
      new TextDecoder('utf-8').decode(bytes).includes(text) || new TextDecoder('utf-16le').decode(bytes).includes(text)
    );
  }
  if (Array.isArray(value)) return value.some((each) => containsPhrase(each, text));
  if (typeof value === 'object' && value !== null)
    return Object.values(value).some((each) => containsPhrase(each, text));
  return false;
}

async function seed() {
  const profileId = await createProfile(db, 'Robin Example', 'consultee');
  const id = await createResource(db, { title: `Draft about ${phrase}` }, 1000);
  await saveDocument(db, id, paragraphs(`The ${phrase} at dusk.`, 'Call 07700 900123.'), 2000);
  await takeSnapshot(db, id, 'named', `Before ${phrase}`, 3000);
  const images = createImageStore(db);
  const imageId = await images.store(new Blob([new Uint8Array([137, 80, 78, 71, 1, 2, 3])], { type: 'image/png' }));
  return { id, profileId, imageId };
}

describe('the app lock', () => {
  it('seals every record in place when turned on, and everything still reads back the same', async () => {
    const { id, imageId } = await seed();
    expect(containsPhrase(await rawRecords(), phrase)).toBe(true);

    const progress: number[] = [];
    await turnOnLock(db, passphrase, ({ done }) => progress.push(done));

    const raw = await rawRecords();
    expect(containsPhrase(raw, phrase)).toBe(false);
    expect(containsPhrase(raw, 'Robin Example')).toBe(false);
    expect(Object.keys(raw.documents?.[0] as object).sort()).toEqual([sealedField, 'resourceId'].sort());
    expect(raw.documents?.[0]).toMatchObject({ resourceId: id });
    // Only keys stay readable: ids, times and the Trash flag.
    expect(Object.keys(raw.resources?.[0] as object).sort()).toEqual(
      [sealedField, 'id', 'inTrash', 'updatedAt'].sort(),
    );
    expect(progress.at(-1)).toBeGreaterThanOrEqual(5);
    expect((await getLockRecord(db))?.state).toBe('on');

    expect((await getDocument(db, id))?.text).toContain(phrase);
    expect((await listResources(db))[0]?.title).toBe(`Draft about ${phrase}`);
    const image = await db.images.get(imageId);
    expect(image?.blob.type).toBe('image/png');
    expect([...new Uint8Array(await (image?.blob ?? new Blob()).arrayBuffer())]).toEqual([137, 80, 78, 71, 1, 2, 3]);
  });

  it('seals what is written after, including changes made inside transactions that read first', async () => {
    await turnOnLock(db, passphrase, undefined, cheap);
    const { id, profileId } = await seed();
    await updateDetails(db, id, { summary: `Summary with ${phrase}` });
    const profile = await db.profiles.get(profileId);
    if (profile === undefined) throw new Error('no profile');
    expect(await replaceEverywhere(db, id, { kind: 'phone', text: '07700 900123' }, '[phone]', profile)).toBe(1);
    expect(containsPhrase(await rawRecords(), phrase)).toBe(false);
    expect(containsPhrase(await rawRecords(), '07700 900123')).toBe(false);
    expect((await getDocument(db, id))?.text).toBe(`The ${phrase} at dusk.\n\nCall [phone].`);
    expect((await db.resources.get(id))?.summary).toBe(`Summary with ${phrase}`);
  });

  it('reads nothing sealed once locked, and unlocks again with the passphrase', async () => {
    const { id } = await seed();
    await turnOnLock(db, passphrase, undefined, cheap);
    lock(db);
    await expect(getDocument(db, id)).rejects.toThrow(VaultLocked);
    await expect(listResources(db)).rejects.toThrow(VaultLocked);
    expect(await getLockRecord(db)).not.toBeNull();

    // A new start of the app: a fresh connection, locked until the passphrase is given.
    db.close();
    db = new ChorusDb(name);
    await expect(getDocument(db, id)).rejects.toThrow(VaultLocked);
    expect(await unlock(db, passphrase)).toBe('on');
    expect((await getDocument(db, id))?.text).toContain(phrase);
  });

  it('says a wrong passphrase is wrong, slows repeated tries, and never deletes anything', async () => {
    const { id } = await seed();
    await turnOnLock(db, passphrase, undefined, cheap);
    lock(db);
    const start = 1_000_000;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(unlock(db, 'not it', start + attempt)).rejects.toThrow(UnlockRefused);
    }
    // The third wrong try asks for a wait; trying sooner is refused without trying the passphrase.
    const early = unlock(db, passphrase, start + 500);
    await expect(early).rejects.toThrow(/Wait 1 seconds?/);
    expect(waitAfterFailures(3)).toBe(1000);
    expect(waitAfterFailures(10)).toBe(60_000);
    expect(await unlock(db, passphrase, start + 3000)).toBe('on');
    expect((await getDocument(db, id))?.text).toContain(phrase);
    // A right passphrase clears the count.
    lock(db);
    await expect(unlock(db, 'not it', start + 4000)).rejects.toThrow('That passphrase is not right. Check it');
  });

  it('opens every record again when turned off', async () => {
    const { id } = await seed();
    await turnOnLock(db, passphrase, undefined, cheap);
    await expect(turnOffLock(db, 'wrong')).rejects.toThrow(UnlockRefused);
    await turnOffLock(db, passphrase);
    expect(await getLockRecord(db)).toBeNull();
    const raw = await rawRecords();
    expect(containsPhrase(raw, phrase)).toBe(true);
    expect(containsPhrase(raw, sealedField)).toBe(false);
    expect(JSON.stringify(raw)).not.toContain(sealedField);
    expect((await getDocument(db, id))?.text).toContain(phrase);
  });

  it('loses nothing when turning the lock on stops half way, and finishes after the next unlock', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 60; index += 1) {
      const id = await createResource(db, { title: `Draft ${index}` }, index);
      await saveDocument(db, id, paragraphs(`${phrase} number ${index}`), index + 1);
      ids.push(id);
    }
    // The process dies after the first batches: the progress callback throws, as a crash would stop it.
    let batches = 0;
    await expect(
      turnOnLock(
        db,
        passphrase,
        () => {
          batches += 1;
          if (batches === 3) throw new Error('power cut');
        },
        cheap,
      ),
    ).rejects.toThrow('power cut');
    const half = await rawRecords();
    expect(containsPhrase(half, phrase)).toBe(true);
    expect(half.resources?.some((record) => sealedField in (record as object))).toBe(true);
    expect((await getLockRecord(db))?.state).toBe('encrypting');

    db.close();
    db = new ChorusDb(name);
    expect(await unlock(db, passphrase)).toBe('encrypting');
    // Half sealed, half not: both read.
    for (const [index, id] of ids.entries())
      expect((await getDocument(db, id))?.text).toBe(`${phrase} number ${index}`);
    await finishSealing(db);
    expect((await getLockRecord(db))?.state).toBe('on');
    expect(containsPhrase(await rawRecords(), phrase)).toBe(false);
    for (const [index, id] of ids.entries())
      expect((await getDocument(db, id))?.text).toBe(`${phrase} number ${index}`);
  });

  it('unlocks with a remembered key only if it is this database’s', async () => {
    const { id } = await seed();
    await turnOnLock(db, passphrase, undefined, cheap);
    await expect(currentKeyForRemembering(db, 'not it')).rejects.toThrow(UnlockRefused);
    const remembered = await currentKeyForRemembering(db, passphrase);
    lock(db);
    const stranger = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    expect(await unlockWithRememberedKey(db, stranger)).toBeNull();
    expect(await unlockWithRememberedKey(db, 'not base64!')).toBeNull();
    expect(await unlockWithRememberedKey(db, remembered)).toBe('on');
    expect((await getDocument(db, id))?.text).toContain(phrase);
  });

  it('uses the real passphrase cost unless told otherwise', async () => {
    await turnOnLock(db, passphrase);
    expect((await getLockRecord(db))?.wrapped.kdf.iterations).toBe(pbkdf2Iterations);
    expect(pbkdf2Iterations).toBe(600_000);
  });

  it('never holds a key that can be exported', async () => {
    await seed();
    await turnOnLock(db, passphrase, undefined, cheap);
    const keys = () => [db.vault.key, db.vault.previousKey].filter((key) => key !== null);
    const check = async () => {
      for (const key of keys()) {
        expect(key.extractable).toBe(false);
        await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
      }
    };
    await check();
    const remembered = await currentKeyForRemembering(db, passphrase);
    lock(db);
    await unlock(db, passphrase);
    await check();
    lock(db);
    await unlockWithRememberedKey(db, remembered);
    await check();
    await changePassphrase(db, passphrase, 'new words here', {
      ...cheap,
      onProgress: () => {
        expect(keys()).toHaveLength(2);
        void check();
      },
    });
    await check();
  });

  it('refuses a sealed record moved to another record’s place, with words to show', async () => {
    const first = await seed();
    const secondId = await createResource(db, { title: 'Another draft' }, 5000);
    await saveDocument(db, secondId, paragraphs('Other words.'), 6000);
    await turnOnLock(db, passphrase, undefined, cheap);
    const raw = new Dexie(name);
    await raw.open();
    const [a, b] = (await raw.table('documents').bulkGet([first.id, secondId])) as Record<string, unknown>[];
    await raw.table('documents').put({ ...a, [sealedField]: b?.[sealedField] });
    raw.close();
    const refused = getDocument(db, first.id);
    await expect(refused).rejects.toThrow(SealedRecordRefused);
    await expect(refused).rejects.toThrow(/A record in documents did not open: it was changed or moved/);
    expect((await getDocument(db, secondId))?.text).toBe('Other words.');
    expect((await listResources(db)).map((resource) => resource.title).sort()).toEqual(
      ['Another draft', `Draft about ${phrase}`].sort(),
    );
  });

  it('moves records sealed in format 1 (table only) to format 2 on unlock, and refuses format 1 after', async () => {
    const { id } = await seed();
    await turnOnLock(db, passphrase, undefined, cheap);
    const key = db.vault.key;
    if (key === null) throw new Error('no key');
    // The database as the first version of the lock left it: each record bound to its table only.
    const raw = new Dexie(name);
    await raw.open();
    const format2: Record<string, unknown>[] = [];
    for (const table of ['resources', 'documents', 'snapshots', 'profiles']) {
      for (const record of (await raw.table(table).toArray()) as Record<string, unknown>[]) {
        const envelope = record[sealedField] as { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };
        const primary = record[table === 'documents' ? 'resourceId' : 'id'];
        const bytes = await openBytes(key, envelope, `chorus-record/2\u0000${table}\u0000${JSON.stringify(primary)}`);
        const old = await sealBytes(key, bytes, table);
        if (table === 'documents') format2.push(record);
        await raw.table(table).put({ ...record, [sealedField]: { v: 1, ...old } });
      }
    }
    const settings = raw.table('settings');
    const lockSetting = (await settings.get('lock')) as { key: string; value: Record<string, unknown> };
    await settings.put({ ...lockSetting, value: { ...lockSetting.value, version: 1 } });
    const oldDocument = (await raw.table('documents').get(id)) as Record<string, unknown>;
    raw.close();

    db.close();
    db = new ChorusDb(name);
    expect(await unlock(db, passphrase)).toBe('on');
    expect((await getDocument(db, id))?.text).toContain(phrase);
    await finishSealing(db);
    expect((await getLockRecord(db))?.version).toBe(3);
    const after = await rawRecords();
    for (const table of ['resources', 'documents', 'snapshots', 'profiles']) {
      for (const record of after[table] ?? [])
        expect((record as Record<string, { v: number }>)[sealedField]?.v).toBe(2);
    }
    expect((await getDocument(db, id))?.text).toContain(phrase);
    // Putting the format 1 record back (an older copy of it) is refused now.
    const again = new Dexie(name);
    await again.open();
    await again.table('documents').put(oldDocument);
    again.close();
    await expect(getDocument(db, id)).rejects.toThrow(SealedRecordRefused);
    expect(format2).toHaveLength(1);
  });

  it('changes the passphrase with a new key, sealing every record again: the old passphrase opens nothing', async () => {
    const { id } = await seed();
    await turnOnLock(db, passphrase, undefined, cheap);
    const oldWrapped = (await getLockRecord(db))?.wrapped;
    if (oldWrapped === undefined) throw new Error('no lock');
    await expect(changePassphrase(db, 'wrong', 'new words here', cheap)).rejects.toThrow(UnlockRefused);
    const progress: number[] = [];
    await changePassphrase(db, passphrase, 'new words here', {
      ...cheap,
      onProgress: ({ done }) => progress.push(done),
    });
    expect(progress.at(-1)).toBeGreaterThanOrEqual(5);
    expect(await getLockRecord(db)).toMatchObject({ state: 'on', version: 3 });
    expect((await getLockRecord(db))?.previous).toBeUndefined();
    expect((await getDocument(db, id))?.text).toContain(phrase);
    lock(db);
    await expect(unlock(db, passphrase)).rejects.toThrow(UnlockRefused);
    expect(await unlock(db, 'new words here')).toBe('on');
    expect((await getDocument(db, id))?.text).toContain(phrase);
    await expectOldKeyOpensNothing(oldWrapped, passphrase);
  });

  it('carries on a passphrase change stopped part way at the next unlock, and no record is ever unreadable', async () => {
    const ids: string[] = [];
    for (let index = 0; index < 40; index += 1) {
      const id = await createResource(db, { title: `Draft ${index}` }, index);
      await saveDocument(db, id, paragraphs(`${phrase} number ${index}`), index + 1);
      ids.push(id);
    }
    await turnOnLock(db, passphrase, undefined, cheap);
    const oldWrapped = (await getLockRecord(db))?.wrapped;
    if (oldWrapped === undefined) throw new Error('no lock');
    const next = 'new words here';
    let current = passphrase;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), async (stopAfter) => {
        let batches = 0;
        const stopped = changePassphrase(db, current, next === current ? passphrase : next, {
          ...cheap,
          onProgress: () => {
            batches += 1;
            if (batches === stopAfter) throw new Error('power cut');
          },
        });
        await expect(stopped).rejects.toThrow('power cut');
        current = current === next ? passphrase : next;
        expect((await getLockRecord(db))?.state).toBe('resealing');
        // A new start: only the new passphrase opens, and every record reads before the work is done.
        db.close();
        db = new ChorusDb(name);
        await expect(unlock(db, current === next ? passphrase : next)).rejects.toThrow(UnlockRefused);
        await db.settings.delete('lock.attempts');
        expect(await unlock(db, current)).toBe('resealing');
        for (const [index, id] of ids.entries())
          expect((await getDocument(db, id))?.text).toBe(`${phrase} number ${index}`);
        await finishSealing(db);
        expect(await getLockRecord(db)).toMatchObject({ state: 'on', version: 3 });
        lock(db);
        expect(await unlock(db, current)).toBe('on');
        for (const [index, id] of ids.entries())
          expect((await getDocument(db, id))?.text).toBe(`${phrase} number ${index}`);
      }),
      { numRuns: 4 },
    );
    await expectOldKeyOpensNothing(oldWrapped, passphrase);
  });

  it('seals settings and sync state that say who someone works with, leaving only what the lock screen needs', async () => {
    const { profileId } = await seed();
    await setActiveProfile(db, profileId);
    await saveSupportContact(db, { name: 'Harbour Helpline', description: 'Listening', contact: '0800 123 4567' });
    await updateSyncState(db, {
      cursor: 'abc123',
      lastProblem: 'Could not reach https://git.example.org/team/stories',
    });
    const shortcut = {
      on: true,
      shortcut: { code: 'KeyQ', key: 'Q', ctrl: true, shift: true, alt: false, meta: false },
    };
    await setPreference(db, quickExitShortcutPreference, shortcut);
    await db.outbox.add({
      kind: 'version',
      itemId: 'v1',
      createdAt: 1,
      attempts: 1,
      lastError: 'git.example.org refused',
      nextAttemptAt: 5,
    });
    await turnOnLock(db, passphrase, undefined, cheap);

    const raw = await rawRecords();
    for (const secret of ['Harbour Helpline', '0800 123 4567', 'git.example.org', 'abc123', profileId])
      expect(containsPhrase(raw.settings, secret) || containsPhrase(raw.outbox, secret)).toBe(false);
    const plain = (raw.settings as { key: string; value: unknown }[]).filter((setting) => !(sealedField in setting));
    expect(plain.map((setting) => setting.key).sort()).toEqual(['lock', 'preference.quickExitShortcut']);

    expect((await getSupportContacts(db))[0]?.name).toBe('Harbour Helpline');
    expect((await getSyncState(db)).cursor).toBe('abc123');
    lock(db);
    // The lock screen's quick exit still knows its keys.
    expect(await getPreference(db, quickExitShortcutPreference)).toEqual(shortcut);
    await expect(getSupportContacts(db)).rejects.toThrow(VaultLocked);
  });
});

/** With an old copy of the wrapped key and its passphrase, no record of the database opens. */
async function expectOldKeyOpensNothing(oldWrapped: WrappedKey, oldPassphrase: string): Promise<void> {
  const oldKey = await unwrapDataKey(oldWrapped, oldPassphrase);
  const thief = new ChorusDb(name);
  thief.vault.key = oldKey;
  for (const table of ['resources', 'documents', 'snapshots', 'images', 'profiles']) {
    const raw = await new Dexie(name).open();
    const records = (await raw.table(table).toArray()) as Record<string, unknown>[];
    raw.close();
    for (const record of records) {
      const primary = record[table === 'documents' ? 'resourceId' : 'id'];
      const single = thief.table(table).get(primary as string);
      await expect(single).rejects.toThrow(SealedRecordRefused);
    }
  }
  thief.close();
}
