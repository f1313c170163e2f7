import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The privacy choices the host keeps between runs, in `privacy.json` in the data folder. */
export interface PrivacyPreferences {
  contentProtection: boolean;
  /** May Chromium fetch its spelling dictionary from Google's servers (Windows and Linux)? */
  spellingDownload: boolean;
}

export const defaultPrivacyPreferences: PrivacyPreferences = { contentProtection: false, spellingDownload: false };

/**
 * `spellingDownload` came later: a file written before it reads as "not allowed", the default, so
 * no one's spelling starts calling Google because they updated Chorus.
 */
const fileSchema = z.strictObject({
  version: z.literal(1),
  contentProtection: z.boolean(),
  spellingDownload: z.boolean().default(false),
});

export function privacyPreferencesFile(dataDir: string): string {
  return path.join(dataDir, 'privacy.json');
}

/** The saved choices; a missing, unreadable or malformed file reads as the defaults, never a crash. */
export async function readPrivacyPreferences(dataDir: string): Promise<PrivacyPreferences> {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(await fs.readFile(privacyPreferencesFile(dataDir), 'utf8')));
    if (!parsed.success) return defaultPrivacyPreferences;
    return { contentProtection: parsed.data.contentProtection, spellingDownload: parsed.data.spellingDownload };
  } catch {
    return defaultPrivacyPreferences;
  }
}

/**
 * Replaces the file atomically, so a crash mid-write leaves the old choices or the new, never half.
 * The temporary file has a fixed name so that erasing can find a left-over one; callers write one at a time.
 */
export async function writePrivacyPreferences(dataDir: string, preferences: PrivacyPreferences): Promise<void> {
  const file = privacyPreferencesFile(dataDir);
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 });
  const temporary = `${file}.tmp`;
  await fs.writeFile(temporary, JSON.stringify({ version: 1, ...preferences }), { mode: 0o600 });
  await fs.rename(temporary, file);
}

/** Removes the file (and a left-over temporary one); nothing there is fine. */
export async function erasePrivacyPreferences(dataDir: string): Promise<void> {
  const file = privacyPreferencesFile(dataDir);
  await fs.rm(file, { force: true });
  await fs.rm(`${file}.tmp`, { force: true });
}
