import { newId } from '@core/ids';
import type { Role } from '@core/co-production/workflow';
import type { ChorusDb } from './database';
import type { ProfileRecord } from './records';
import { systemClock } from '@core/clock';

const activeProfileKey = 'activeProfileId';

export async function createProfile(
  db: ChorusDb,
  displayName: string,
  role: Role,
  now = systemClock.now(),
): Promise<string> {
  const name = displayName.trim();
  if (name === '') throw new Error('A profile needs a name.');
  const id = newId();
  await db.profiles.add({ id, displayName: name, role, createdAt: now });
  return id;
}

export async function listProfiles(db: ChorusDb): Promise<ProfileRecord[]> {
  return (await db.profiles.toArray()).sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}

export async function setActiveProfile(db: ChorusDb, profileId: string | null): Promise<void> {
  if (profileId === null) await db.settings.delete(activeProfileKey);
  else await db.settings.put({ key: activeProfileKey, value: profileId });
}

export async function getActiveProfile(db: ChorusDb): Promise<ProfileRecord | null> {
  const setting = await db.settings.get(activeProfileKey);
  if (typeof setting?.value !== 'string') return null;
  return (await db.profiles.get(setting.value)) ?? null;
}
