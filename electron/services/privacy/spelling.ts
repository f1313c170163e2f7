import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { spellCheckerLanguages } from '../security/policy';

/**
 * What Chorus tells Electron's spellchecker, kept free of Electron so it can be tested in Node;
 * `electron/main/adapters/spelling.ts` makes the calls on the session.
 *
 * macOS checks spelling with the system's own spellchecker and downloads nothing. On Windows and
 * Linux, Chromium checks spelling with Hunspell, whose en-GB dictionary it downloads from Google's
 * servers (and then keeps in the app's data folder), so there spelling waits for the person's leave.
 */

/** Chromium's own address for Hunspell dictionaries, set back when the person allows the download. */
export const googleDictionaries = 'https://redirector.gvt1.com/edgedl/chrome/dict/';

export const macOSSpellingReason = 'macOS checks spelling itself, so nothing is downloaded.';

/**
 * Where the dictionary downloader points while the download is not allowed: a `file:` address of
 * a folder in the app's resources that does not exist. Electron accepts any valid URL and fetches
 * `<base><name>.bdic` from it through Chromium's network service, which has no handler for `file:`,
 * so the attempt fails at once, before any DNS lookup, proxy or socket. An unroutable or loopback
 * address (`0.0.0.0`, `127.0.0.1:9`) would still open a connection on this computer, reaching
 * whatever listens there; and were a loader ever to read files, this folder holds nothing. The
 * trailing slash matters: Electron appends the file's name to it.
 */
export function unreachableDictionaries(resourcesDir: string): string {
  return `${pathToFileURL(path.join(resourcesDir, 'no-spelling-dictionaries')).href}/`;
}

/** One call on Electron's session; a list of them is made in order. */
export type SpellcheckerCall =
  | { method: 'setSpellCheckerDictionaryDownloadURL'; url: string }
  | { method: 'setSpellCheckerLanguages'; languages: string[] }
  | { method: 'setSpellCheckerEnabled'; enable: boolean };

export function spellingDownloadNeeded(platform: NodeJS.Platform): boolean {
  return platform !== 'darwin';
}

/**
 * Points the downloader nowhere until the saved choice is applied. Made first thing once the app
 * is ready: Chromium may begin loading the dictionary as soon as the session exists. macOS needs
 * nothing (the call does nothing there).
 */
export function holdDownloadCalls(platform: NodeJS.Platform, resourcesDir: string): SpellcheckerCall[] {
  if (!spellingDownloadNeeded(platform)) return [];
  return [{ method: 'setSpellCheckerDictionaryDownloadURL', url: unreachableDictionaries(resourcesDir) }];
}

/**
 * macOS: spelling on, always. Windows and Linux without leave: spelling off, the downloader held,
 * and no languages set, because setting them starts the dictionary loading. With leave: Google's
 * address back, then the languages. Chromium tries a download once per load and the languages are
 * kept between runs, so setting the same list again would not retry a download that failed while
 * held; clearing the list first makes it load afresh, from disk if the dictionary is there.
 */
export function spellcheckerCalls(options: {
  platform: NodeJS.Platform;
  allowDownload: boolean;
  resourcesDir: string;
}): SpellcheckerCall[] {
  const languages = [...spellCheckerLanguages];
  if (!spellingDownloadNeeded(options.platform)) {
    return [
      { method: 'setSpellCheckerEnabled', enable: true },
      { method: 'setSpellCheckerLanguages', languages },
    ];
  }
  if (!options.allowDownload) {
    return [
      ...holdDownloadCalls(options.platform, options.resourcesDir),
      { method: 'setSpellCheckerEnabled', enable: false },
    ];
  }
  return [
    { method: 'setSpellCheckerDictionaryDownloadURL', url: googleDictionaries },
    { method: 'setSpellCheckerLanguages', languages: [] },
    { method: 'setSpellCheckerLanguages', languages },
    { method: 'setSpellCheckerEnabled', enable: true },
  ];
}
