import { Dexie } from 'dexie';
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
import { createProfile } from '../../renderer/src/db/profiles';
import { listResources } from '../../renderer/src/db/resources';
import { sealedField } from '../../renderer/src/db/sealing';
import { paragraphs } from '../helpers/db';

const phrase = 'lantern over the quiet harbour';
const passphrase = 'correct horse battery staple';
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
    await turnOnLock(db, passphrase);
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
    await turnOnLock(db, passphrase);
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
    await turnOnLock(db, passphrase);
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

  it('changes the passphrase by rewrapping the key only', async () => {
    await seed();
    await turnOnLock(db, passphrase);
    const before = JSON.stringify((await rawRecords()).documents, (_key, value: unknown) =>
      value instanceof ArrayBuffer ? [...new Uint8Array(value)] : value,
    );
    await expect(changePassphrase(db, 'wrong', 'new words here')).rejects.toThrow(UnlockRefused);
    await changePassphrase(db, passphrase, 'new words here');
    const after = JSON.stringify((await rawRecords()).documents, (_key, value: unknown) =>
      value instanceof ArrayBuffer ? [...new Uint8Array(value)] : value,
    );
    expect(after).toBe(before);
    lock(db);
    await expect(unlock(db, passphrase)).rejects.toThrow(UnlockRefused);
    expect(await unlock(db, 'new words here')).toBe('on');
  });

  it('opens every record again when turned off', async () => {
    const { id } = await seed();
    await turnOnLock(db, passphrase);
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
      turnOnLock(db, passphrase, () => {
        batches += 1;
        if (batches === 3) throw new Error('power cut');
      }),
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
    await turnOnLock(db, passphrase);
    const remembered = await currentKeyForRemembering(db);
    lock(db);
    const stranger = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
    expect(await unlockWithRememberedKey(db, stranger)).toBeNull();
    expect(await unlockWithRememberedKey(db, 'not base64!')).toBeNull();
    expect(await unlockWithRememberedKey(db, remembered)).toBe('on');
    expect((await getDocument(db, id))?.text).toContain(phrase);
  });
});
