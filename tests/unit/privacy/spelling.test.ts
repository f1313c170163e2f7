import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../electron/shared/dispatch';
import { createEventHub } from '../../../electron/services/event-hub';
import { createHandlers, type HostPorts } from '../../../electron/services/handlers';
import { createDeviceKeyStore } from '../../../electron/services/privacy/device-key';
import { browserModeReasons, type SpellingControl } from '../../../electron/services/privacy/ports';
import { readPrivacyPreferences, writePrivacyPreferences } from '../../../electron/services/privacy/preferences';
import {
  applySavedSpelling,
  createPrivacyService,
  spellingDownloadReason,
} from '../../../electron/services/privacy/service';
import {
  googleDictionaries,
  holdDownloadCalls,
  macOSSpellingReason,
  spellcheckerCalls,
  unreachableDictionaries,
} from '../../../electron/services/privacy/spelling';
import { unusedExportPorts } from '../../helpers/export-ports';
import { recordingWindow, secretsIn, tempDataDir } from '../../helpers/privacy';

let dataDir: string;

beforeEach(async () => {
  dataDir = await tempDataDir();
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const prefsFile = () => path.join(dataDir, 'privacy.json');
const readPrefsFile = async (): Promise<unknown> => JSON.parse(await readFile(prefsFile(), 'utf8'));

/** A spellchecker that records what it was told, as Electron's is on Windows and Linux (or macOS). */
function recordingSpelling(downloadNeeded = true): SpellingControl & { applied: boolean[] } {
  const applied: boolean[] = [];
  return {
    downloadNeeded,
    reason: downloadNeeded ? '' : macOSSpellingReason,
    applied,
    apply: (allowDownload) => void applied.push(allowDownload),
  };
}

function serviceFor(spelling: SpellingControl) {
  return createPrivacyService({
    dataDir,
    window: recordingWindow(),
    deviceKeys: createDeviceKeyStore({ secrets: secretsIn(dataDir, 'file') }),
    spelling,
  });
}

describe('privacy preferences: the spelling download', () => {
  it('is not allowed when nothing has been saved', async () => {
    expect(await readPrivacyPreferences(dataDir)).toEqual({ contentProtection: false, spellingDownload: false });
  });

  it('keeps the choice beside the screen-capture one', async () => {
    await writePrivacyPreferences(dataDir, { contentProtection: true, spellingDownload: true });
    expect(await readPrivacyPreferences(dataDir)).toEqual({ contentProtection: true, spellingDownload: true });
    expect(await readPrefsFile()).toEqual({ version: 1, contentProtection: true, spellingDownload: true });
  });

  it('reads a file from before the choice existed as "not allowed", keeping what it does say', async () => {
    await writeFile(prefsFile(), JSON.stringify({ version: 1, contentProtection: true }));
    expect(await readPrivacyPreferences(dataDir)).toEqual({ contentProtection: true, spellingDownload: false });
  });

  it('reads a malformed choice as the defaults', async () => {
    await writeFile(prefsFile(), JSON.stringify({ version: 1, contentProtection: true, spellingDownload: 'yes' }));
    expect(await readPrivacyPreferences(dataDir)).toEqual({ contentProtection: false, spellingDownload: false });
  });
});

describe('privacy service: the spelling download', () => {
  it('starts off, and says what the download is', async () => {
    const spelling = recordingSpelling();
    expect((await serviceFor(spelling).status()).spelling).toEqual({
      downloadNeeded: true,
      downloadAllowed: false,
      reason: spellingDownloadReason,
    });
    expect(spellingDownloadReason).toContain('Google');
    await applySavedSpelling(dataDir, spelling);
    expect(spelling.applied).toEqual([false]);
  });

  it('keeps the choice for the next start, applies it now, and leaves screen capture alone', async () => {
    const spelling = recordingSpelling();
    const service = serviceFor(spelling);
    await service.setContentProtection(true);
    expect((await service.setSpellingDownload(true)).spelling.downloadAllowed).toBe(true);
    expect(spelling.applied).toEqual([true]);
    expect(await readPrefsFile()).toEqual({ version: 1, contentProtection: true, spellingDownload: true });

    // The next run: a new control is given the saved choice before the window is made.
    const next = recordingSpelling();
    await applySavedSpelling(dataDir, next);
    expect(next.applied).toEqual([true]);
    expect((await serviceFor(next).status()).spelling.downloadAllowed).toBe(true);

    await serviceFor(next).setSpellingDownload(false);
    expect(next.applied).toEqual([true, false]);
    expect(await readPrefsFile()).toEqual({ version: 1, contentProtection: true, spellingDownload: false });
  });

  it('stores nothing where no download is needed, and says why', async () => {
    const spelling = recordingSpelling(false);
    const status = await serviceFor(spelling).setSpellingDownload(true);
    expect(status.spelling).toEqual({ downloadNeeded: false, downloadAllowed: false, reason: macOSSpellingReason });
    expect(spelling.applied).toEqual([]);
    expect(existsSync(prefsFile())).toBe(false);
  });

  it('turns the download off again when the data is erased', async () => {
    const spelling = recordingSpelling();
    const service = serviceFor(spelling);
    await service.setSpellingDownload(true);
    await service.erase();
    expect(spelling.applied.at(-1)).toBe(false);
    expect((await service.status()).spelling.downloadAllowed).toBe(false);
  });
});

describe('privacy.setSpellingDownload', () => {
  function handlersWith(overrides: Partial<HostPorts> = {}): Handlers {
    return createHandlers({
      transport: 'electron',
      appName: 'Chorus',
      appVersion: '1.0.0',
      platform: 'linux',
      dataDir,
      events: createEventHub(),
      now: Date.now,
      secrets: secretsIn(dataDir, 'file'),
      ...unusedExportPorts,
      ...overrides,
    });
  }

  it('persists the choice through the channel and tells the spellchecker', async () => {
    const spelling = recordingSpelling();
    const result = await dispatch(handlersWith({ spelling }), 'privacy.setSpellingDownload', { on: true });
    expect(result).toMatchObject({ ok: true, value: { spelling: { downloadNeeded: true, downloadAllowed: true } } });
    expect(spelling.applied).toEqual([true]);

    const later = await dispatch(handlersWith({ spelling: recordingSpelling() }), 'privacy.status', {});
    expect(later).toMatchObject({ ok: true, value: { spelling: { downloadAllowed: true } } });

    await dispatch(handlersWith({ spelling }), 'data.erase', {});
    expect(spelling.applied.at(-1)).toBe(false);
  });

  it('refuses anything but a yes or no', async () => {
    const spelling = recordingSpelling();
    const result = await dispatch(handlersWith({ spelling }), 'privacy.setSpellingDownload', { on: 'yes' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(spelling.applied).toEqual([]);
  });

  it('needs no download in browser mode, where the browser checks spelling', async () => {
    const handlers = handlersWith({ transport: 'web' });
    const result = await dispatch(handlers, 'privacy.setSpellingDownload', { on: true });
    expect(result).toMatchObject({
      ok: true,
      value: { spelling: { downloadNeeded: false, downloadAllowed: false, reason: browserModeReasons.spelling } },
    });
    expect(existsSync(prefsFile())).toBe(false);
  });
});

describe('what the Electron spellchecker is told', () => {
  const resourcesDir = path.join(path.sep, 'opt', 'Chorus', 'resources');
  const nowhere = unreachableDictionaries(resourcesDir);

  it('points the downloader at a file address in the resources, which no network request can follow', () => {
    const url = new URL(nowhere);
    expect(url.protocol).toBe('file:');
    expect(nowhere.endsWith('/')).toBe(true);
    expect(fileURLToPath(url).startsWith(resourcesDir)).toBe(true);
  });

  it.each(['linux', 'win32'] as const)(
    'on %s without leave: spelling off, downloader held, and no languages set',
    (platform) => {
      expect(holdDownloadCalls(platform, resourcesDir)).toEqual([
        { method: 'setSpellCheckerDictionaryDownloadURL', url: nowhere },
      ]);
      const calls = spellcheckerCalls({ platform, allowDownload: false, resourcesDir });
      expect(calls).toEqual([
        { method: 'setSpellCheckerDictionaryDownloadURL', url: nowhere },
        { method: 'setSpellCheckerEnabled', enable: false },
      ]);
    },
  );

  it('on Linux with leave: Google’s address, the languages loaded afresh, spelling on', () => {
    expect(spellcheckerCalls({ platform: 'linux', allowDownload: true, resourcesDir })).toEqual([
      { method: 'setSpellCheckerDictionaryDownloadURL', url: googleDictionaries },
      { method: 'setSpellCheckerLanguages', languages: [] },
      { method: 'setSpellCheckerLanguages', languages: ['en-GB'] },
      { method: 'setSpellCheckerEnabled', enable: true },
    ]);
  });

  it.each([true, false])('on macOS spelling is on in British English whatever the choice (%s)', (allowDownload) => {
    expect(holdDownloadCalls('darwin', resourcesDir)).toEqual([]);
    expect(spellcheckerCalls({ platform: 'darwin', allowDownload, resourcesDir })).toEqual([
      { method: 'setSpellCheckerEnabled', enable: true },
      { method: 'setSpellCheckerLanguages', languages: ['en-GB'] },
    ]);
  });
});
