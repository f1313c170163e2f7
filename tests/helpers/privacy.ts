import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  createFileSecretStore,
  type SecretSeal,
  type SecretStore,
  type SecretStoreKind,
} from '../../electron/services/secrets';
import type { WindowControl } from '../../electron/services/privacy/ports';

export function tempDataDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'chorus-privacy-'));
}

/** A stand-in for `safeStorage`: AES-GCM with a key only this test holds, so tampering is detected. */
export function fakeKeychainSeal(): SecretSeal {
  const key = randomBytes(32);
  return {
    seal(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
    },
    open(sealed) {
      const bytes = Buffer.from(sealed);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Promise.resolve(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'));
    },
  };
}

export function secretsIn(dataDir: string, kind: SecretStoreKind, seal?: SecretSeal): SecretStore {
  return createFileSecretStore({
    file: path.join(dataDir, 'secrets.json'),
    kind,
    ...(seal === undefined ? {} : { seal }),
  });
}

/** A window control that records what it was told, as the Electron one would on Windows or macOS. */
export function recordingWindow(supported = true): WindowControl & { protection: boolean[]; hides: number } {
  const control = {
    protection: [] as boolean[],
    hides: 0,
    contentProtectionSupport: () =>
      supported
        ? { supported: true, reason: '' }
        : { supported: false, reason: 'Linux does not let apps block screen capture.' },
    setContentProtection(on: boolean) {
      control.protection.push(on);
    },
    hide() {
      control.hides += 1;
      return Promise.resolve(true);
    },
  };
  return control;
}

/** A valid data key: 32 random bytes in base64. */
export function newDeviceKey(): string {
  return randomBytes(32).toString('base64');
}
