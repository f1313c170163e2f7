import type { DeviceKeyStore } from './device-key';
import type { PrivacyService } from './service';

export interface HostDataHolders {
  /** Forgets the repository settings, its token and the local copy of a git repository. */
  repository: { erase(): Promise<void> };
  deviceKeys: DeviceKeyStore;
  privacy: PrivacyService;
  /** The host's own browser storage (Electron's session: IndexedDB, caches); absent in browser mode. */
  clearBrowserStorage?: () => Promise<void>;
}

/**
 * `data.erase`: removes everything the host keeps for this person. Every step runs even if an
 * earlier one failed, so one stuck file does not leave the rest behind; then any failure is thrown,
 * so the renderer is never told "erased" when something is left. Erasing twice is fine.
 */
export async function eraseHostData(holders: HostDataHolders): Promise<void> {
  const steps: Array<[string, () => Promise<unknown>]> = [
    ['repository', () => holders.repository.erase()],
    [
      'remembered key',
      async () => {
        if (!(await holders.deviceKeys.forget())) throw new Error('The remembered key could not be removed');
      },
    ],
    ['privacy settings', () => holders.privacy.erase()],
    ['browser storage', () => holders.clearBrowserStorage?.() ?? Promise.resolve()],
  ];
  const failures: unknown[] = [];
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (error) {
      failures.push(new Error(`Erasing the ${name} failed`, { cause: error }));
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, 'Erasing this device’s data did not finish');
}
