import type { Audience } from '@core/co-production/audiences';
import { consentCovers, type PackUse, type Purpose } from '@core/co-production/consent';
import { newId } from '@core/ids';
import type { ChorusDb } from './database';
import type { LibraryVersionRecord, PackItem, PackRecord, SupportContactRecord } from './records';
import { systemClock } from '@core/clock';

/**
 * Training packs and the support contacts their session plans signpost. Packs hold only ids of
 * library versions and the trainer's own words; the versions themselves stay in `library`.
 */

export const untitledPack = 'Untitled pack';

export type PackDetails = Pick<PackRecord, 'name' | 'description' | 'introduction'>;

/** A change to a pack that breaks its rules: the message says why, in plain words. */
export class PackRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackRefused';
  }
}

function cleanName(name: string): string {
  return name.trim() === '' ? untitledPack : name.trim();
}

export async function createPack(
  db: ChorusDb,
  init: { name: string; audience: Audience; purpose: Purpose; description?: string },
  now = systemClock.now(),
): Promise<string> {
  const id = newId();
  await db.packs.add({
    id,
    name: cleanName(init.name),
    description: init.description ?? '',
    introduction: '',
    audience: init.audience,
    purpose: init.purpose,
    items: [],
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

export async function getPack(db: ChorusDb, id: string): Promise<PackRecord | undefined> {
  return db.packs.get(id);
}

/** Packs, the most recently changed first. */
export async function listPacks(db: ChorusDb): Promise<PackRecord[]> {
  return db.packs.orderBy('updatedAt').reverse().toArray();
}

/**
 * Changes a pack in one transaction with the newest copy of it, so a move or a removal made in
 * between is never undone by a save that read the pack earlier.
 */
async function changePack<T>(
  db: ChorusDb,
  id: string,
  now: number,
  change: (pack: PackRecord) => T | Promise<T>,
): Promise<T> {
  return db.transaction('rw', [db.packs, db.library, db.libraryWithdrawals], async () => {
    const pack = await db.packs.get(id);
    if (pack === undefined) throw new PackRefused('This pack is no longer on this device.');
    const result = await change(pack);
    pack.updatedAt = now;
    await db.packs.put(pack);
    return result;
  });
}

/**
 * Saves what the trainer typed: the pack's details, and notes by item id. Notes for an item that
 * has been removed meanwhile are dropped with it.
 */
export async function updatePack(
  db: ChorusDb,
  id: string,
  edits: { details?: Partial<PackDetails>; notes?: Readonly<Record<string, string>> },
  now = systemClock.now(),
): Promise<void> {
  await changePack(db, id, now, (pack) => {
    const { name, description, introduction } = edits.details ?? {};
    if (name !== undefined) pack.name = cleanName(name);
    if (description !== undefined) pack.description = description;
    if (introduction !== undefined) pack.introduction = introduction;
    for (const item of pack.items) {
      const notes = edits.notes?.[item.id];
      if (notes !== undefined) item.notes = notes;
    }
  });
}

/** When a resource was withdrawn, from its versions and the withdrawals seen; undefined if never. */
async function withdrawnAtOf(db: ChorusDb, resourceId: string, versions: readonly LibraryVersionRecord[]) {
  const times = [
    ...versions.flatMap((version) => (version.withdrawnAt === undefined ? [] : [version.withdrawnAt])),
    ...(await db.libraryWithdrawals.where('resourceId').equals(resourceId).toArray()).map((each) => each.at),
  ];
  return times.length === 0 ? undefined : Math.min(...times);
}

async function versionsOf(db: ChorusDb, resourceId: string): Promise<LibraryVersionRecord[]> {
  const versions = await db.library.where('resourceId').equals(resourceId).toArray();
  return versions.sort((a, b) => a.version - b.version);
}

/** The same rule the Add resource dialog shows: the consultee consented to this audience and use. */
function checkUsable(version: LibraryVersionRecord, use: PackUse, withdrawnAt: number | undefined): void {
  if (withdrawnAt !== undefined) throw new PackRefused('This resource has been withdrawn, so it cannot be used.');
  if (!consentCovers(version.approved.consent.choices, use)) {
    throw new PackRefused('The consent for this resource does not cover who this pack is for or how it will be used.');
  }
}

/**
 * Adds a resource at the end, pinned to its newest version now. A later version is only ever
 * offered, never taken on its own.
 */
export async function addPackItem(
  db: ChorusDb,
  packId: string,
  resourceId: string,
  now = systemClock.now(),
): Promise<PackItem> {
  return changePack(db, packId, now, async (pack) => {
    const versions = await versionsOf(db, resourceId);
    const newest = versions.at(-1);
    if (newest === undefined) throw new PackRefused('This resource is not in the library on this device.');
    checkUsable(newest, pack, await withdrawnAtOf(db, resourceId, versions));
    const pinned = await db.library.bulkGet(pack.items.map((item) => item.versionId));
    if (pinned.some((version) => version?.resourceId === resourceId)) {
      throw new PackRefused('This resource is already in the pack.');
    }
    const item: PackItem = { id: newId(), versionId: newest.id, notes: '' };
    pack.items.push(item);
    return item;
  });
}

/**
 * Sets how a pack made before Chorus asked will be used. It is chosen once, like the audience: a
 * pack's use decides which resources may be in it.
 */
export async function choosePackPurpose(
  db: ChorusDb,
  packId: string,
  purpose: Purpose,
  now = systemClock.now(),
): Promise<void> {
  await changePack(db, packId, now, (pack) => {
    if (pack.purpose !== undefined && pack.purpose !== purpose) {
      throw new PackRefused('How this pack will be used was chosen when it was made, and cannot change.');
    }
    pack.purpose = purpose;
  });
}

/** What Undo needs to put a removed item back where it was. */
export interface RemovedPackItem {
  item: PackItem;
  index: number;
}

export async function removePackItem(
  db: ChorusDb,
  packId: string,
  itemId: string,
  now = systemClock.now(),
): Promise<RemovedPackItem | undefined> {
  return changePack(db, packId, now, (pack) => {
    const index = pack.items.findIndex((item) => item.id === itemId);
    if (index === -1) return undefined;
    const [item] = pack.items.splice(index, 1);
    return item === undefined ? undefined : { item, index };
  });
}

/** Undo of a removal: the item returns to its place, with its notes and its pinned version. */
export async function restorePackItem(
  db: ChorusDb,
  packId: string,
  removed: RemovedPackItem,
  now = systemClock.now(),
): Promise<void> {
  await changePack(db, packId, now, (pack) => {
    if (pack.items.some((item) => item.id === removed.item.id)) return;
    pack.items.splice(Math.min(removed.index, pack.items.length), 0, removed.item);
  });
}

/** Moves an item one place up (-1) or down (1); answers its new place (from 0) and the count. */
export async function movePackItem(
  db: ChorusDb,
  packId: string,
  itemId: string,
  by: -1 | 1,
  now = systemClock.now(),
): Promise<{ index: number; count: number }> {
  return changePack(db, packId, now, (pack) => {
    const index = pack.items.findIndex((item) => item.id === itemId);
    if (index === -1) throw new PackRefused('This resource is no longer in the pack.');
    const target = index + by;
    const item = pack.items[index];
    if (target < 0 || target >= pack.items.length || item === undefined) {
      return { index, count: pack.items.length };
    }
    pack.items.splice(index, 1);
    pack.items.splice(target, 0, item);
    return { index: target, count: pack.items.length };
  });
}

/** Pins an item to another version of the same resource, when the trainer chooses to. */
export async function switchPackItemVersion(
  db: ChorusDb,
  packId: string,
  itemId: string,
  versionId: string,
  now = systemClock.now(),
): Promise<void> {
  await changePack(db, packId, now, async (pack) => {
    const item = pack.items.find((each) => each.id === itemId);
    if (item === undefined) throw new PackRefused('This resource is no longer in the pack.');
    const [current, next] = await db.library.bulkGet([item.versionId, versionId]);
    if (next === undefined || (current !== undefined && current.resourceId !== next.resourceId)) {
      throw new PackRefused('That version is not a version of this resource.');
    }
    checkUsable(next, pack, await withdrawnAtOf(db, next.resourceId, await versionsOf(db, next.resourceId)));
    item.versionId = versionId;
  });
}

/** Deletes a pack and answers it as it was, so Undo can put it back. The library is untouched. */
export async function deletePack(db: ChorusDb, id: string): Promise<PackRecord | undefined> {
  return db.transaction('rw', db.packs, async () => {
    const pack = await db.packs.get(id);
    if (pack !== undefined) await db.packs.delete(id);
    return pack;
  });
}

export async function restorePack(db: ChorusDb, pack: PackRecord): Promise<void> {
  await db.packs.put(pack);
}

/** A copy with the same resources, versions and notes, to adapt for another session. */
export async function duplicatePack(db: ChorusDb, id: string, now = systemClock.now()): Promise<string> {
  const pack = await db.packs.get(id);
  if (pack === undefined) throw new PackRefused('This pack is no longer on this device.');
  const copyId = newId();
  await db.packs.add({
    ...pack,
    id: copyId,
    name: `Copy of ${pack.name}`,
    items: pack.items.map((item) => ({ ...item, id: newId() })),
    createdAt: now,
    updatedAt: now,
  });
  return copyId;
}

/** One item of a pack with what the library says about it now. */
export interface PackItemView {
  item: PackItem;
  /** The pinned version; undefined if this device does not hold it. */
  pinned: LibraryVersionRecord | undefined;
  /** The newest version of its resource on this device, which may be the pinned one. */
  newest: LibraryVersionRecord | undefined;
  /** When its resource was withdrawn, as early as any sign of it; undefined if it was not. */
  withdrawnAt: number | undefined;
}

export interface PackView {
  pack: PackRecord;
  items: PackItemView[];
}

async function itemViews(db: ChorusDb, items: readonly PackItem[]): Promise<PackItemView[]> {
  const pinned = await db.library.bulkGet(items.map((item) => item.versionId));
  return Promise.all(
    items.map(async (item, index): Promise<PackItemView> => {
      const version = pinned[index];
      if (version === undefined) return { item, pinned: undefined, newest: undefined, withdrawnAt: undefined };
      const versions = await versionsOf(db, version.resourceId);
      return {
        item,
        pinned: version,
        newest: versions.at(-1),
        withdrawnAt: await withdrawnAtOf(db, version.resourceId, versions),
      };
    }),
  );
}

/** A pack with each item's pinned version, newest version and withdrawal; null if there is none. */
export async function getPackView(db: ChorusDb, id: string): Promise<PackView | null> {
  const pack = await db.packs.get(id);
  if (pack === undefined) return null;
  return { pack, items: await itemViews(db, pack.items) };
}

/** A pack as the list shows it: how many resources, and how many of them were withdrawn. */
export interface PackSummary {
  pack: PackRecord;
  withdrawnCount: number;
}

export async function listPackSummaries(db: ChorusDb): Promise<PackSummary[]> {
  const packs = await listPacks(db);
  const withdrawnResources = new Set(
    (await db.libraryWithdrawals.toArray()).map((withdrawal) => withdrawal.resourceId),
  );
  return Promise.all(
    packs.map(async (pack) => {
      const versions = await db.library.bulkGet(pack.items.map((item) => item.versionId));
      const withdrawnCount = versions.filter(
        (version) =>
          version !== undefined && (version.withdrawnAt !== undefined || withdrawnResources.has(version.resourceId)),
      ).length;
      return { pack, withdrawnCount };
    }),
  );
}

const supportContactsKey = 'supportContacts';

/** The support services session plans signpost, in the order the trainer put them. */
export async function getSupportContacts(db: ChorusDb): Promise<SupportContactRecord[]> {
  const stored = (await db.settings.get(supportContactsKey))?.value;
  return Array.isArray(stored) ? (stored as SupportContactRecord[]) : [];
}

async function changeSupportContacts<T>(db: ChorusDb, change: (contacts: SupportContactRecord[]) => T): Promise<T> {
  return db.transaction('rw', db.settings, async () => {
    const contacts = await getSupportContacts(db);
    const result = change(contacts);
    await db.settings.put({ key: supportContactsKey, value: contacts });
    return result;
  });
}

/** Adds a contact at the end, or replaces the one with the same id; answers its id. */
export async function saveSupportContact(
  db: ChorusDb,
  contact: Omit<SupportContactRecord, 'id'> & { id?: string },
): Promise<string> {
  const record: SupportContactRecord = {
    id: contact.id ?? newId(),
    name: contact.name.trim(),
    description: contact.description.trim(),
    contact: contact.contact.trim(),
  };
  return changeSupportContacts(db, (contacts) => {
    const index = contacts.findIndex((each) => each.id === record.id);
    if (index === -1) contacts.push(record);
    else contacts[index] = record;
    return record.id;
  });
}

export interface RemovedSupportContact {
  contact: SupportContactRecord;
  index: number;
}

export async function removeSupportContact(db: ChorusDb, id: string): Promise<RemovedSupportContact | undefined> {
  return changeSupportContacts(db, (contacts) => {
    const index = contacts.findIndex((each) => each.id === id);
    if (index === -1) return undefined;
    const [contact] = contacts.splice(index, 1);
    return contact === undefined ? undefined : { contact, index };
  });
}

export async function restoreSupportContact(db: ChorusDb, removed: RemovedSupportContact): Promise<void> {
  await changeSupportContacts(db, (contacts) => {
    if (contacts.some((each) => each.id === removed.contact.id)) return;
    contacts.splice(Math.min(removed.index, contacts.length), 0, removed.contact);
  });
}
