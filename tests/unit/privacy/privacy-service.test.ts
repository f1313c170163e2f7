import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeviceKeyStore } from '../../../electron/services/privacy/device-key';
import {
  browserModeReasons,
  createSpellingWithoutDownload,
  createWindowlessControl,
  type WindowControl,
} from '../../../electron/services/privacy/ports';
import { applySavedContentProtection, createPrivacyService } from '../../../electron/services/privacy/service';
import { recordingWindow, secretsIn, tempDataDir } from '../../helpers/privacy';

let dataDir: string;

beforeEach(async () => {
  dataDir = await tempDataDir();
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function serviceFor(window: WindowControl) {
  return createPrivacyService({
    dataDir,
    window,
    deviceKeys: createDeviceKeyStore({ secrets: secretsIn(dataDir, 'file') }),
    spelling: createSpellingWithoutDownload(browserModeReasons.spelling),
  });
}

const prefsFile = () => path.join(dataDir, 'privacy.json');

describe('privacy service: screen-capture blocking', () => {
  it('keeps the choice for the next start and applies it to the window', async () => {
    const window = recordingWindow();
    const status = await serviceFor(window).setContentProtection(true);
    expect(status.contentProtection).toEqual({ supported: true, on: true, reason: '' });
    expect(window.protection).toEqual([true]);

    // The next run: a new service and a new window read the same file.
    const nextWindow = recordingWindow();
    expect((await serviceFor(nextWindow).status()).contentProtection.on).toBe(true);
    await applySavedContentProtection(dataDir, nextWindow);
    expect(nextWindow.protection).toEqual([true]);

    await serviceFor(nextWindow).setContentProtection(false);
    expect((await serviceFor(recordingWindow()).status()).contentProtection.on).toBe(false);
    expect(JSON.parse(await readFile(prefsFile(), 'utf8'))).toEqual({
      version: 1,
      contentProtection: false,
      spellingDownload: false,
    });
  });

  it.each([
    ['not JSON', '{"version": 1, "contentPro'],
    ['the wrong shape', '{"version": 1, "contentProtection": "yes"}'],
    ['an unknown version', '{"version": 2, "contentProtection": true}'],
    ['an empty file', ''],
  ])('reads a file that is %s as the defaults, and can write over it', async (_label, text) => {
    await writeFile(prefsFile(), text);
    const window = recordingWindow();
    expect((await serviceFor(window).status()).contentProtection.on).toBe(false);
    await applySavedContentProtection(dataDir, window);
    expect(window.protection).toEqual([false]);

    expect((await serviceFor(window).setContentProtection(true)).contentProtection.on).toBe(true);
    expect((await serviceFor(recordingWindow()).status()).contentProtection.on).toBe(true);
  });

  it('says honestly where it cannot protect the window, and stores nothing', async () => {
    const window = recordingWindow(false);
    const status = await serviceFor(window).setContentProtection(true);
    expect(status.contentProtection).toEqual({
      supported: false,
      on: false,
      reason: 'Linux does not let apps block screen capture.',
    });
    expect(window.protection).toEqual([]);
    expect(existsSync(prefsFile())).toBe(false);
  });

  it('gives browser mode its own reason and no window to hide', async () => {
    const service = serviceFor(createWindowlessControl(browserModeReasons.contentProtection));
    expect((await service.status()).contentProtection.reason).toBe(
      'Browser mode cannot block screen capture; use the desktop app.',
    );
    expect(await service.hideWindow()).toBe(false);
  });

  it('hides the window through the port', async () => {
    const window = recordingWindow();
    expect(await serviceFor(window).hideWindow()).toBe(true);
    expect(window.hides).toBe(1);
  });

  it('erases its file (twice is fine) and switches protection off again', async () => {
    const window = recordingWindow();
    const service = serviceFor(window);
    await service.setContentProtection(true);
    await service.erase();
    await service.erase();
    expect(existsSync(prefsFile())).toBe(false);
    expect(window.protection.at(-1)).toBe(false);
    expect((await service.status()).contentProtection.on).toBe(false);
  });
});
