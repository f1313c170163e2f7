import { newId } from '@core/ids';
import { systemClock } from '@core/clock';
import {
  foldText,
  knownDetailKinds,
  maxKnownDetailLength,
  maxKnownDetails,
  type KnownDetailKind,
} from '@core/findings/known-details';
import type { ChorusDb } from './database';
import type { KnownDetailRecord } from './records';

/** Why an entry was not added, in words fit to show. */
export class KnownDetailRefused extends Error {
  override name = 'KnownDetailRefused';
}

/** The consultee's list of people and places, in the order it was written. Sealed tables are read whole. */
export async function listKnownDetails(db: ChorusDb): Promise<KnownDetailRecord[]> {
  const records = await db.knownDetails.toArray();
  return records.sort((a, b) => a.addedAt - b.addedAt || a.id.localeCompare(b.id));
}

/**
 * Adds an entry to the list. The same words (in any case or accents) are kept once: adding them again
 * changes nothing. Returns the entry's id.
 */
export async function addKnownDetail(
  db: ChorusDb,
  text: string,
  kind: KnownDetailKind,
  now = systemClock.now(),
): Promise<string> {
  const words = text.replace(/\s+/g, ' ').trim();
  if (words === '') throw new KnownDetailRefused('Write a name or a place first.');
  if (words.length > maxKnownDetailLength) {
    throw new KnownDetailRefused(`That is longer than ${maxKnownDetailLength} characters. Try a shorter form of it.`);
  }
  if (!knownDetailKinds.includes(kind)) throw new KnownDetailRefused('Choose what kind of detail it is.');
  return db.transaction('rw', db.knownDetails, async () => {
    const existing = await db.knownDetails.toArray();
    const same = existing.find((record) => foldText(record.text) === foldText(words));
    if (same !== undefined) return same.id;
    if (existing.length >= maxKnownDetails) {
      throw new KnownDetailRefused(`The list holds up to ${maxKnownDetails} entries. Remove one to add another.`);
    }
    const id = newId();
    await db.knownDetails.add({ id, text: words, kind, addedAt: now });
    return id;
  });
}

export async function removeKnownDetail(db: ChorusDb, id: string): Promise<void> {
  await db.knownDetails.delete(id);
}
