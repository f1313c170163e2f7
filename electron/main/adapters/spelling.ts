import { session } from 'electron';
import type { SpellingControl } from '../../services/privacy/ports';
import {
  holdDownloadCalls,
  macOSSpellingReason,
  spellcheckerCalls,
  spellingDownloadNeeded,
  type SpellcheckerCall,
} from '../../services/privacy/spelling';

export interface ElectronSpellingControl extends SpellingControl {
  /**
   * Points the dictionary downloader where it cannot reach the network until `apply` allows it.
   * Call first thing once the app is ready, before the saved choice has been read.
   */
  holdDownloads(): void;
}

/** The session is reached only when called, so the control may be made before the app is ready. */
function makeCalls(calls: SpellcheckerCall[]): void {
  const ses = session.defaultSession;
  for (const call of calls) {
    switch (call.method) {
      case 'setSpellCheckerDictionaryDownloadURL':
        ses.setSpellCheckerDictionaryDownloadURL(call.url);
        break;
      case 'setSpellCheckerLanguages':
        ses.setSpellCheckerLanguages(call.languages);
        break;
      case 'setSpellCheckerEnabled':
        ses.setSpellCheckerEnabled(call.enable);
        break;
    }
  }
}

/**
 * The spellchecker of the app's default session (the window's). What it is told is decided in
 * `services/privacy/spelling.ts`: on Windows and Linux the en-GB dictionary comes from Google's
 * servers, so spelling is off and nothing is fetched until the person allows it; macOS checks
 * spelling itself. The download address is one for the whole app, so holding it also holds back
 * the print window's session.
 */
export function createElectronSpellingControl(options: {
  resourcesDir: string;
  platform?: NodeJS.Platform;
}): ElectronSpellingControl {
  const platform = options.platform ?? process.platform;
  const { resourcesDir } = options;
  const downloadNeeded = spellingDownloadNeeded(platform);
  return {
    downloadNeeded,
    reason: downloadNeeded ? '' : macOSSpellingReason,
    holdDownloads: () => makeCalls(holdDownloadCalls(platform, resourcesDir)),
    apply: (allowDownload) => makeCalls(spellcheckerCalls({ platform, allowDownload, resourcesDir })),
  };
}
