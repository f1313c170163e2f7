import { useLiveQuery } from 'dexie-react-hooks';
import { z } from 'zod';
import type { ChorusDb } from './database';
import { useDb } from './DbProvider';

/**
 * A small setting kept in the `settings` table under its own key. Preferences are stored as plain
 * values, outside whatever the app lock protects, because some are needed before unlocking (the
 * quick exit must work on the lock screen too). Keep anything someone wrote out of them.
 */
export interface Preference<T> {
  key: string;
  schema: z.ZodType<T>;
  /** What a person who never chose gets, and what a stored value that no longer parses falls back to. */
  fallback: T;
}

/** Preference keys start with "preference." so they never meet the table's other keys. */
function definePreference<T>(name: string, schema: z.ZodType<T>, fallback: T): Preference<T> {
  return { key: `preference.${name}`, schema, fallback };
}

/**
 * A keyboard shortcut as recorded: the physical key (`code`, e.g. "KeyX") for layouts that move
 * letters about, the key's label (`key`, e.g. "X") to show and match on, and the modifiers.
 */
export const keyboardShortcutSchema = z.strictObject({
  code: z.string().max(40),
  key: z.string().min(1).max(40),
  ctrl: z.boolean(),
  alt: z.boolean(),
  shift: z.boolean(),
  meta: z.boolean(),
});
export type KeyboardShortcut = z.infer<typeof keyboardShortcutSchema>;

/**
 * Ctrl+Shift+X: free in Chromium (which reserves Ctrl+Shift+Q, N, T and W and uses B, I, J, C, O,
 * M, R, A and Delete with Ctrl+Shift) and in the Chorus editor (TipTap uses Ctrl+Shift with S, H,
 * B, Z and 7 to 9); no AltGr clash, since it has no Alt; and X reads as "exit".
 */
export const defaultQuickExitShortcut: KeyboardShortcut = {
  code: 'KeyX',
  key: 'X',
  ctrl: true,
  alt: false,
  shift: true,
  meta: false,
};

/** The quick exit's extra shortcut (Shift pressed three times always works as well). */
export const quickExitShortcutPreference = definePreference(
  'quickExitShortcut',
  z.strictObject({ on: z.boolean(), shortcut: keyboardShortcutSchema }),
  { on: true, shortcut: defaultQuickExitShortcut },
);
export type QuickExitShortcutSetting = z.infer<typeof quickExitShortcutPreference.schema>;

/** How long Chorus may sit untouched before it locks itself, in minutes. */
export const autoLockMinutesPreference = definePreference(
  'autoLockMinutes',
  z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  10,
);

/** The stored value, or the preference's fallback when there is none or it does not parse. */
export async function getPreference<T>(db: ChorusDb, preference: Preference<T>): Promise<T> {
  const stored = await db.settings.get(preference.key);
  if (stored === undefined) return preference.fallback;
  const parsed = preference.schema.safeParse(stored.value);
  return parsed.success ? parsed.data : preference.fallback;
}

/** Stores a value after checking it, so nothing that would not read back is ever written. */
export async function setPreference<T>(db: ChorusDb, preference: Preference<T>, value: T): Promise<void> {
  await db.settings.put({ key: preference.key, value: preference.schema.parse(value) });
}

/** Forgets the choice, so the fallback applies again. */
export async function resetPreference<T>(db: ChorusDb, preference: Preference<T>): Promise<void> {
  await db.settings.delete(preference.key);
}

/** The live value of a preference; undefined while it loads. */
export function usePreference<T>(preference: Preference<T>): T | undefined {
  const db = useDb();
  return useLiveQuery(() => getPreference(db, preference), [db, preference]);
}
