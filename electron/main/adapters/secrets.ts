import path from 'node:path';
import { app, safeStorage } from 'electron';
import { createFileSecretStore, type SecretStore } from '../../services/secrets';

/**
 * Secrets sealed with Electron's `safeStorage` (async API) in a file in the user data folder.
 * On Linux without a secret service, `safeStorage` falls back to a fixed key that protects
 * nothing: that is reported as `plain-text`, and the settings screen asks before storing.
 */
export async function createElectronSecretStore(): Promise<SecretStore> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'system';
  const secure = available && backend !== 'basic_text' && backend !== 'unknown';
  return createFileSecretStore({
    file: path.join(app.getPath('userData'), 'secrets.json'),
    kind: secure ? 'os-keychain' : 'plain-text',
    ...(available
      ? {
          seal: {
            seal: (plainText: string) => safeStorage.encryptStringAsync(plainText),
            open: async (sealed: Uint8Array) => (await safeStorage.decryptStringAsync(Buffer.from(sealed))).result,
          },
        }
      : {}),
  });
}
