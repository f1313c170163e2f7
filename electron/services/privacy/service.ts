import type { PrivacyStatus } from '../../shared/contract';
import type { DeviceKeyStore } from './device-key';
import type { SpellingControl, WindowControl } from './ports';
import {
  defaultPrivacyPreferences,
  erasePrivacyPreferences,
  readPrivacyPreferences,
  writePrivacyPreferences,
} from './preferences';

export interface PrivacyServiceOptions {
  dataDir: string;
  window: WindowControl;
  deviceKeys: DeviceKeyStore;
  spelling: SpellingControl;
}

/** Shown beside the choice where spelling needs the download. */
export const spellingDownloadReason =
  'To check spelling here, Chorus needs the English (UK) dictionary from Google’s servers. Only the dictionary file is asked for; nothing you write is sent.';

/**
 * Applies the saved screen-capture choice to the window control. The Electron host calls this
 * before it makes its window, so the window is never shown unprotected when protection is on.
 */
export async function applySavedContentProtection(dataDir: string, window: WindowControl): Promise<void> {
  if (!window.contentProtectionSupport().supported) return;
  window.setContentProtection((await readPrivacyPreferences(dataDir)).contentProtection);
}

/**
 * Applies the saved spelling choice to the session's spellchecker. The Electron host calls this
 * before it makes its window, having already held back downloads, so a page never starts one that
 * the person did not allow.
 */
export async function applySavedSpelling(dataDir: string, spelling: SpellingControl): Promise<void> {
  spelling.apply((await readPrivacyPreferences(dataDir)).spellingDownload);
}

/**
 * `privacy.*` channels: screen-capture blocking and the spelling dictionary download (both kept in
 * `privacy.json`), hiding the window, and the privacy status, which also reports "Remember on this
 * device". Writes run one at a time.
 */
export function createPrivacyService(options: PrivacyServiceOptions) {
  const { dataDir, window, deviceKeys, spelling } = options;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const status = async (): Promise<PrivacyStatus> => {
    const support = window.contentProtectionSupport();
    const preferences = await readPrivacyPreferences(dataDir);
    const keys = deviceKeys.availability();
    return {
      // Reported on only where the system honours it, so the screen never claims protection it lacks.
      contentProtection: { ...support, on: support.supported && preferences.contentProtection },
      rememberKey: { ...keys, remembered: keys.available && (await deviceKeys.recall()) !== null },
      spelling: {
        downloadNeeded: spelling.downloadNeeded,
        // Allowed only where there is something to allow, as with screen capture above.
        downloadAllowed: spelling.downloadNeeded && preferences.spellingDownload,
        reason: spelling.downloadNeeded ? spellingDownloadReason : spelling.reason,
      },
    };
  };

  const setContentProtection = (on: boolean): Promise<PrivacyStatus> =>
    serial(async () => {
      if (window.contentProtectionSupport().supported) {
        await writePrivacyPreferences(dataDir, { ...(await readPrivacyPreferences(dataDir)), contentProtection: on });
        window.setContentProtection(on);
      }
      return status();
    });

  /** Where no download is needed there is nothing to choose, so nothing is stored. */
  const setSpellingDownload = (on: boolean): Promise<PrivacyStatus> =>
    serial(async () => {
      if (spelling.downloadNeeded) {
        await writePrivacyPreferences(dataDir, { ...(await readPrivacyPreferences(dataDir)), spellingDownload: on });
        spelling.apply(on);
      }
      return status();
    });

  /** Back to the defaults, on disk, on the window and in the spellchecker, so the status stays true after an erase. */
  const erase = (): Promise<void> =>
    serial(async () => {
      await erasePrivacyPreferences(dataDir);
      if (window.contentProtectionSupport().supported) {
        window.setContentProtection(defaultPrivacyPreferences.contentProtection);
      }
      spelling.apply(defaultPrivacyPreferences.spellingDownload);
    });

  return { status, setContentProtection, setSpellingDownload, hideWindow: () => window.hide(), erase };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
