import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * Where a secret (the repository token) is kept:
 * - `os-keychain`: encrypted with a key the operating system's keychain holds (Electron
 *   `safeStorage` on macOS Keychain, Windows DPAPI, or a Linux secret service);
 * - `plain-text`: Electron on a Linux desktop with no secret service, where `safeStorage` only
 *   obscures the file. Chorus asks before storing a token this way;
 * - `file`: browser mode (the web host). The token sits unencrypted in the data folder.
 */
export type SecretStoreKind = 'os-keychain' | 'plain-text' | 'file';

export interface SecretStore {
  readonly kind: SecretStoreKind;
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  remove(name: string): Promise<void>;
}

/** How the host seals a secret before it is written, and opens it again. */
export interface SecretSeal {
  seal(plainText: string): Promise<Uint8Array>;
  open(sealed: Uint8Array): Promise<string>;
}

export const secretStoreLabels: Record<SecretStoreKind, string> = {
  'os-keychain': 'Encrypted with your computer’s secure key store.',
  'plain-text':
    'This computer has no secure key store, so the token is kept in a file that other programs on this computer could read.',
  file: 'Browser mode: the token is kept unencrypted in a file in the Chorus data folder.',
};

const fileSchema = z.strictObject({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });

/**
 * Secrets in one small JSON file, readable only by this user, replaced atomically on every
 * change. With a `seal` each value is encrypted by the host first; without one it is stored as is.
 */
export function createFileSecretStore(options: {
  file: string;
  kind: SecretStoreKind;
  seal?: SecretSeal;
}): SecretStore {
  const { file, seal } = options;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const readAll = async (): Promise<Record<string, string>> => {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
      return parsed.success ? parsed.data.secrets : {};
    } catch {
      return {};
    }
  };

  const writeAll = async (secrets: Record<string, string>): Promise<void> => {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(temporary, JSON.stringify({ version: 1, secrets }), { mode: 0o600 });
    await fs.rename(temporary, file);
  };

  return {
    kind: options.kind,
    get: (name) =>
      serial(async () => {
        const stored = (await readAll())[name];
        if (stored === undefined) return null;
        if (seal === undefined) return stored;
        try {
          return await seal.open(Buffer.from(stored, 'base64'));
        } catch {
          // Sealed on another computer or by another user: as good as not stored.
          return null;
        }
      }),
    set: (name, value) =>
      serial(async () => {
        const stored = seal === undefined ? value : Buffer.from(await seal.seal(value)).toString('base64');
        await writeAll({ ...(await readAll()), [name]: stored });
      }),
    remove: (name) =>
      serial(async () => {
        const secrets = await readAll();
        if (!Object.hasOwn(secrets, name)) return;
        await writeAll(Object.fromEntries(Object.entries(secrets).filter(([key]) => key !== name)));
      }),
  };
}
