import { afterEach, describe, expect, it } from 'vitest';
import type { ChorusDb } from '../../../renderer/src/db/database';
import {
  autoLockMinutesPreference,
  defaultQuickExitShortcut,
  getPreference,
  quickExitShortcutPreference,
  resetPreference,
  setPreference,
} from '../../../renderer/src/db/preferences';
import { openTestDb } from '../../helpers/db';

const opened: ChorusDb[] = [];
function db(): ChorusDb {
  const fresh = openTestDb();
  opened.push(fresh);
  return fresh;
}

afterEach(async () => {
  for (const each of opened.splice(0)) await each.delete();
});

describe('preferences', () => {
  it('answer the default until something is chosen, then the choice, and the default again after a reset', async () => {
    const store = db();
    expect(await getPreference(store, quickExitShortcutPreference)).toEqual({
      on: true,
      shortcut: defaultQuickExitShortcut,
    });
    const chosen = { on: true, shortcut: { ...defaultQuickExitShortcut, code: 'KeyY', key: 'Y' } };
    await setPreference(store, quickExitShortcutPreference, chosen);
    expect(await getPreference(store, quickExitShortcutPreference)).toEqual(chosen);
    await resetPreference(store, quickExitShortcutPreference);
    expect(await getPreference(store, quickExitShortcutPreference)).toEqual(quickExitShortcutPreference.fallback);
  });

  it('are kept as plain values under their own key, beside the other settings', async () => {
    const store = db();
    await setPreference(store, autoLockMinutesPreference, 5);
    expect(await store.settings.get('preference.autoLockMinutes')).toEqual({
      key: 'preference.autoLockMinutes',
      value: 5,
    });
  });

  it('fall back to the default when what is stored does not fit', async () => {
    const store = db();
    await store.settings.put({ key: quickExitShortcutPreference.key, value: { on: 'yes', shortcut: null } });
    expect(await getPreference(store, quickExitShortcutPreference)).toEqual(quickExitShortcutPreference.fallback);
    await store.settings.put({ key: autoLockMinutesPreference.key, value: -3 });
    expect(await getPreference(store, autoLockMinutesPreference)).toBe(10);
  });

  it('refuse to store a value that would not read back', async () => {
    const store = db();
    await expect(setPreference(store, autoLockMinutesPreference, 0)).rejects.toThrow();
    expect(await store.settings.get(autoLockMinutesPreference.key)).toBeUndefined();
  });
});
