import { deviceKeySchema } from '../../shared/contract';
import type { FailureReporter } from '../../shared/dispatch';
import type { SecretStore, SecretStoreKind } from '../secrets';

/** The data key is kept beside the repository token, under its own name, in the same sealed store. */
const secretName = 'device-key';

/** Why the key cannot be remembered with each kind of store; '' where it can. */
const unavailableReasons: Record<SecretStoreKind, string> = {
  'os-keychain': '',
  'plain-text': 'This computer has no secure key store, so Chorus cannot remember the key safely.',
  file: 'Only the desktop app can remember the key.',
};

export type RememberOutcome = { ok: true } | { ok: false; message: string };

export interface DeviceKeyStore {
  availability(): { available: boolean; reason: string };
  remember(key: string): Promise<RememberOutcome>;
  /** The remembered key, or null when none is kept or what is kept cannot be opened or is not a key. */
  recall(): Promise<string | null>;
  /** Resolves to true once no key is kept here, whether or not one was. */
  forget(): Promise<boolean>;
}

/**
 * "Remember on this device": the data key sealed by the operating system's keychain. Only an
 * `os-keychain` store is trusted with it; a key in a file other programs can read would undo the
 * encryption it unlocks.
 */
export function createDeviceKeyStore(options: { secrets: SecretStore; onFailure?: FailureReporter }): DeviceKeyStore {
  const { secrets } = options;
  const reason = unavailableReasons[secrets.kind];
  const available = reason === '';

  const recall = async (): Promise<string | null> => {
    if (!available) return null;
    try {
      const parsed = deviceKeySchema.safeParse(await secrets.get(secretName));
      return parsed.success ? parsed.data : null;
    } catch (error) {
      options.onFailure?.('deviceKey.recall', error);
      return null;
    }
  };

  return {
    availability: () => ({ available, reason }),
    async remember(key) {
      if (!available) return { ok: false, message: reason };
      try {
        await secrets.set(secretName, deviceKeySchema.parse(key));
        return { ok: true };
      } catch (error) {
        options.onFailure?.('deviceKey.remember', error);
        return {
          ok: false,
          message:
            'Chorus could not keep the key in this computer’s secure key store. You can still unlock with your passphrase.',
        };
      }
    },
    recall,
    async forget() {
      try {
        // Removed whatever the store's kind: a key kept before the store changed must not outlive "forget".
        await secrets.remove(secretName);
        return true;
      } catch (error) {
        options.onFailure?.('deviceKey.forget', error);
        return false;
      }
    },
  };
}
