import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeviceKeyStore } from '../../../electron/services/privacy/device-key';
import { browserModeReasons, createSpellingWithoutDownload } from '../../../electron/services/privacy/ports';
import { createPrivacyService } from '../../../electron/services/privacy/service';
import { fakeKeychainSeal, newDeviceKey, recordingWindow, secretsIn, tempDataDir } from '../../helpers/privacy';

let dataDir: string;

beforeEach(async () => {
  dataDir = await tempDataDir();
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const secretsFile = () => path.join(dataDir, 'secrets.json');

describe('remember on this device', () => {
  it.each([
    ['plain-text', 'This computer has no secure key store, so Chorus cannot remember the key safely.'],
    ['file', 'Only the desktop app can remember the key.'],
  ] as const)('refuses a %s store and keeps nothing', async (kind, message) => {
    const keys = createDeviceKeyStore({ secrets: secretsIn(dataDir, kind) });
    expect(await keys.remember(newDeviceKey())).toEqual({ ok: false, message });
    expect(await keys.recall()).toBeNull();
    expect(keys.availability()).toEqual({ available: false, reason: message });
    await expect(readFile(secretsFile())).rejects.toThrow();
  });

  it('remembers, recalls and forgets a key sealed by the keychain', async () => {
    const keys = createDeviceKeyStore({ secrets: secretsIn(dataDir, 'os-keychain', fakeKeychainSeal()) });
    const privacy = createPrivacyService({
      dataDir,
      window: recordingWindow(),
      deviceKeys: keys,
      spelling: createSpellingWithoutDownload(browserModeReasons.spelling),
    });
    const key = newDeviceKey();

    expect((await privacy.status()).rememberKey).toEqual({ available: true, remembered: false, reason: '' });
    expect(await keys.remember(key)).toEqual({ ok: true });
    expect(await keys.recall()).toBe(key);
    expect((await privacy.status()).rememberKey.remembered).toBe(true);
    // Sealed, never in the clear.
    expect(await readFile(secretsFile(), 'utf8')).not.toContain(key);

    expect(await keys.forget()).toBe(true);
    expect(await keys.recall()).toBeNull();
    expect((await privacy.status()).rememberKey.remembered).toBe(false);
    expect(await keys.forget()).toBe(true);
  });

  it('refuses something that is not a key', async () => {
    const keys = createDeviceKeyStore({ secrets: secretsIn(dataDir, 'os-keychain', fakeKeychainSeal()) });
    expect((await keys.remember('not a key')).ok).toBe(false);
    expect(await keys.recall()).toBeNull();
  });

  it('recalls nothing from a tampered entry', async () => {
    const keys = createDeviceKeyStore({ secrets: secretsIn(dataDir, 'os-keychain', fakeKeychainSeal()) });
    await keys.remember(newDeviceKey());
    const file = JSON.parse(await readFile(secretsFile(), 'utf8')) as { secrets: Record<string, string> };
    const sealed = Buffer.from(file.secrets['device-key'] ?? '', 'base64');
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 0xff;
    file.secrets['device-key'] = sealed.toString('base64');
    await writeFile(secretsFile(), JSON.stringify(file));
    expect(await keys.recall()).toBeNull();
  });

  it('recalls nothing when the entry opens to something that is not a key, or the file is broken', async () => {
    const seal = fakeKeychainSeal();
    const secrets = secretsIn(dataDir, 'os-keychain', seal);
    const keys = createDeviceKeyStore({ secrets });
    await secrets.set('device-key', 'a passphrase, not a key');
    expect(await keys.recall()).toBeNull();
    await writeFile(secretsFile(), '{ broken');
    expect(await keys.recall()).toBeNull();
  });

  it('cannot open a key sealed by another keychain', async () => {
    await createDeviceKeyStore({ secrets: secretsIn(dataDir, 'os-keychain', fakeKeychainSeal()) }).remember(
      newDeviceKey(),
    );
    const elsewhere = createDeviceKeyStore({ secrets: secretsIn(dataDir, 'os-keychain', fakeKeychainSeal()) });
    expect(await elsewhere.recall()).toBeNull();
  });
});
