import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  remoteSettingsSchema,
  type ConfigureRepository,
  type PublishItem,
  type PulledItem,
  type RemoteSettings,
  type RepositoryProblem,
  type RepositoryStatus,
  type SkippedFile,
} from '../../shared/contract';
import type { ApprovedVersion } from '@core/repository/records';
import { secretStoreLabels, type SecretStore } from '../secrets';
import {
  checkMarker,
  checkVersionFile,
  checkWithdrawalFile,
  describePath,
  isSealed,
  markerBytes,
  markerPath,
  maxFileBytes,
  recordBytes,
  versionPath,
  withdrawalPath,
} from '@core/repository/format';
import { createFolderRemote } from './folder-remote';
import { createGitRemote } from './git-remote';
import { FileTooLargeError, RemoteError, sameBytes, type RepositoryRemote } from './remote';
import { renderVersionPage } from './version-page';

export interface RepositoryServiceOptions {
  /** This app's own data folder: settings and the local copy of a git repository live here. */
  dataDir: string;
  secrets: SecretStore;
  /** How long a connection may go without a byte (git). */
  idleTimeoutMs?: number;
  now?: () => number;
  /** Told the cause of every failure, for the host's log; the renderer only sees plain words. */
  onFailure?: (where: string, error: unknown) => void;
}

export type Result<T> = ({ ok: true } & T) | { ok: false; problem: RepositoryProblem };

const tokenName = 'repository-token';
/** A pull answers with at most this much at a time, so no single answer is huge. */
const pageBytes = 4 * 1024 * 1024;
const pageItems = 200;

const settingsFileSchema = z.strictObject({ version: z.literal(1), remote: remoteSettingsSchema });

function problem(
  kind: RepositoryProblem['kind'],
  message: string,
  retry = false,
): { ok: false; problem: RepositoryProblem } {
  return { ok: false, problem: { kind, message, retry } };
}

function fromError(error: unknown): { ok: false; problem: RepositoryProblem } {
  if (error instanceof RemoteError) {
    const retry = error.kind === 'unreachable' || error.kind === 'timeout' || error.kind === 'storage';
    return problem(error.kind, error.message, retry);
  }
  return problem('unreachable', 'Something went wrong while using the repository. Chorus will try again.', true);
}

/**
 * Checks a git address: HTTPS, or plain HTTP only to this computer (the development server).
 * Credentials belong in the token field, never in the address, where they would be shown.
 */
export function checkGitUrl(raw: string): { ok: true; url: string } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: 'Enter the repository’s full web address, starting with https://.' };
  }
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { ok: false, message: 'The address must start with https:// so the token is never sent unencrypted.' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: 'Leave the user name and token out of the address and use the fields for them.' };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, message: 'The address should not have a ? or # part.' };
  }
  return { ok: true, url: url.toString() };
}

function cleanTitle(title: string): string {
  const line = title.replace(/\s+/g, ' ').trim();
  return line.length > 72 ? `${line.slice(0, 71)}…` : line;
}

function commitMessage(item: PublishItem): string {
  if (item.kind === 'withdrawal') return `Withdraw resource ${item.record.resourceId}`;
  const { content } = item.record;
  return `Publish “${cleanTitle(content.title) || 'Untitled'}” version ${content.version}\n\nResource ${content.resourceId}`;
}

/**
 * The shared repository as the renderer sees it: settings, a connection test, publishing one
 * record at a time and pulling what is new. Calls run one after another, so two publishes never
 * race on the local copy. Every failure comes back as a problem in plain words, never a throw.
 */
export function createRepositoryService(options: RepositoryServiceOptions) {
  const settingsFile = path.join(options.dataDir, 'repository.json');
  const cacheRoot = path.join(options.dataDir, 'repository-cache');
  const failure = (where: string, error: unknown) => {
    options.onFailure?.(where, error);
    return fromError(error);
  };
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const readSettings = async (): Promise<RemoteSettings> => {
    try {
      const raw = JSON.parse(await fs.readFile(settingsFile, 'utf8')) as unknown;
      const parsed = settingsFileSchema.safeParse(raw);
      return parsed.success ? parsed.data.remote : { kind: 'none' };
    } catch {
      return { kind: 'none' };
    }
  };

  const writeSettings = async (remote: RemoteSettings): Promise<void> => {
    await fs.mkdir(options.dataDir, { recursive: true });
    const temporary = `${settingsFile}.tmp`;
    await fs.writeFile(temporary, JSON.stringify({ version: 1, remote }, null, 2), { mode: 0o600 });
    await fs.rename(temporary, settingsFile);
  };

  const status = async (): Promise<RepositoryStatus> => ({
    remote: await readSettings(),
    hasToken: (await options.secrets.get(tokenName)) !== null,
    secrets: { kind: options.secrets.kind, label: secretStoreLabels[options.secrets.kind] },
  });

  /** The remote of the current settings, kept between calls so what it has read is not read again. */
  let current: { key: string; remote: RepositoryRemote } | null = null;

  const openRemote = async (): Promise<Result<{ remote: RepositoryRemote }>> => {
    const settings = await readSettings();
    if (settings.kind === 'none') {
      return problem('not-configured', 'No shared repository is set up yet. Add one in the Sync settings.');
    }
    const token = settings.kind === 'git' ? await options.secrets.get(tokenName) : '';
    if (token === null) return problem('not-configured', 'No token is stored for the repository. Add one in Sync.');
    const key = createHash('sha256').update(JSON.stringify(settings)).update('\0').update(token).digest('hex');
    if (current?.key !== key) current = { key, remote: makeRemote(settings, token) };
    return { ok: true, remote: current.remote };
  };

  const makeRemote = (settings: Exclude<RemoteSettings, { kind: 'none' }>, token: string): RepositoryRemote => {
    if (settings.kind === 'folder') return createFolderRemote(settings.path);
    const folder = createHash('sha256').update(settings.url).digest('hex').slice(0, 16);
    return createGitRemote({
      url: settings.url,
      username: settings.username,
      token,
      cacheDir: path.join(cacheRoot, folder),
      ...(options.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.idleTimeoutMs }),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  };

  /** The repository's marker checked: null when it has none yet (a new, empty repository). */
  const checkFormat = async (remote: RepositoryRemote): Promise<Result<{ empty: boolean }>> => {
    const bytes = await remote.readMarker();
    if (bytes === null) return { ok: true, empty: true };
    const marker = checkMarker(bytes);
    if (!marker.ok) return problem('format', marker.reason);
    return { ok: true, empty: false };
  };

  /**
   * Runs `work` on the configured remote, one call at a time, once its marker says Chorus can read
   * it. Any failure comes back as a problem in plain words.
   */
  const withRemote = <T>(
    where: string,
    work: (remote: RepositoryRemote, empty: boolean) => Promise<Result<T>>,
  ): Promise<Result<T>> =>
    serial(async () => {
      const opened = await openRemote();
      if (!opened.ok) return opened;
      try {
        const format = await checkFormat(opened.remote);
        if (!format.ok) return format;
        return await work(opened.remote, format.empty);
      } catch (error) {
        return failure(where, error);
      }
    });

  /** The settings a form asks for, checked: what `configure` would store, or why it would not. */
  const checkSettings = (
    input: Exclude<ConfigureRepository, { kind: 'none' }>,
  ): Result<{ settings: Exclude<RemoteSettings, { kind: 'none' }> }> => {
    if (input.kind === 'folder') {
      const folder = input.path.trim();
      if (!path.isAbsolute(folder)) return problem('invalid-settings', 'Choose the full path of the shared folder.');
      return { ok: true, settings: { kind: 'folder', path: folder } };
    }
    const url = checkGitUrl(input.url);
    if (!url.ok) return problem('invalid-settings', url.message);
    const username = input.username.trim();
    if (username === '') return problem('invalid-settings', 'Enter the user name the git host gave you.');
    return { ok: true, settings: { kind: 'git', url: url.url, username } };
  };

  const configure = (input: ConfigureRepository): Promise<Result<{ status: RepositoryStatus }>> =>
    serial(async () => {
      if (input.kind === 'none') {
        await writeSettings({ kind: 'none' });
        await options.secrets.remove(tokenName);
        return { ok: true, status: await status() };
      }
      const checked = checkSettings(input);
      if (!checked.ok) return checked;
      if (checked.settings.kind === 'folder') {
        await writeSettings(checked.settings);
        await options.secrets.remove(tokenName);
        return { ok: true, status: await status() };
      }
      const token = input.kind === 'git' ? input.token?.trim() : undefined;
      if (token !== undefined && token !== '') {
        if (options.secrets.kind === 'plain-text' && input.kind === 'git' && input.allowPlainText !== true) {
          return problem('needs-consent', secretStoreLabels['plain-text']);
        }
        await options.secrets.set(tokenName, token);
      }
      await writeSettings(checked.settings);
      return { ok: true, status: await status() };
    });

  const describeConnection = (remote: RepositoryRemote, empty: boolean) => {
    const message = empty
      ? `Connected to ${remote.location}. It is empty: Chorus will set it up when it first publishes.`
      : `Connected to ${remote.location}. It is a Chorus repository Chorus can use.`;
    return { ok: true as const, message, empty };
  };

  /**
   * Reaches the repository and says whether Chorus can use it: the saved settings, or the ones a
   * form holds before they are saved (nothing is stored; a git form without a token uses the
   * stored one).
   */
  const test = (input?: ConfigureRepository): Promise<Result<{ message: string; empty: boolean }>> => {
    if (input === undefined)
      return withRemote('repository.test', (remote, empty) => Promise.resolve(describeConnection(remote, empty)));
    if (input.kind === 'none') {
      return Promise.resolve(problem('not-configured', 'Choose a git repository or a shared folder to test.'));
    }
    return serial(async () => {
      const checked = checkSettings(input);
      if (!checked.ok) return checked;
      const typed = input.kind === 'git' ? (input.token?.trim() ?? '') : '';
      const token = checked.settings.kind === 'git' && typed === '' ? await options.secrets.get(tokenName) : typed;
      if (token === null) return problem('not-configured', 'Enter the token your git host gave you, then test again.');
      try {
        const remote = makeRemote(checked.settings, token);
        const format = await checkFormat(remote);
        if (!format.ok) return format;
        return describeConnection(remote, format.empty);
      } catch (error) {
        return failure('repository.test', error);
      }
    });
  };

  const publish = async (
    item: PublishItem,
  ): Promise<Result<{ outcome: 'published' | 'already-present'; path: string }>> => {
    if (!(await isSealed(item.record))) {
      return problem('invalid-record', 'This record does not match its hash, so it was not published.');
    }
    return withRemote('repository.publish', async (remote) => {
      const recordPath = item.kind === 'version' ? versionPath(item.record) : withdrawalPath(item.record);
      const bytes = recordBytes(item.record);
      const files =
        item.kind === 'version'
          ? [
              { path: versionPath(item.record, 'html'), bytes: renderedCopy(item.record) },
              { path: recordPath, bytes },
            ]
          : [{ path: recordPath, bytes }];
      const outcomes = await remote.write({
        files,
        message: commitMessage(item),
        marker: { path: markerPath, bytes: markerBytes('Chorus shared repository') },
        // The rendered copy only mirrors the record, so whatever is there is left alone.
        isSame: async (filePath, existing) => filePath !== recordPath || (await sameRecord(filePath, existing, bytes)),
      });
      const outcome = outcomes.get(recordPath);
      if (outcome === 'conflict') {
        return problem(
          'conflict',
          `A different file is already in the repository at ${recordPath}. Chorus has not replaced it. Ask the person who looks after the repository to check it.`,
        );
      }
      return { ok: true, outcome: outcome === 'written' ? 'published' : 'already-present', path: recordPath };
    });
  };

  const pull = (input: {
    cursor: string | null;
    known: readonly string[];
  }): Promise<Result<{ cursor: string | null; items: PulledItem[]; skipped: SkippedFile[]; more: boolean }>> =>
    withRemote('repository.pull', async (remote) => {
      const listing = await remote.list(input.cursor);
      const known = new Set(input.known);
      const items: PulledItem[] = [];
      const skipped: SkippedFile[] = [];
      let bytesSoFar = 0;
      let more = false;
      // Withdrawals first: a withdrawal must never wait behind a page of versions (or a bad file).
      const isWithdrawal = (file: { path: string }) => describePath(file.path).kind === 'withdrawal';
      const files = [...listing.files.filter(isWithdrawal), ...listing.files.filter((file) => !isWithdrawal(file))];
      for (const file of files) {
        if (known.has(file.path)) continue;
        const meaning = describePath(file.path);
        if (meaning.kind === 'version' && meaning.rendered && file.kind === 'file') continue;
        if (items.length + skipped.length >= pageItems || bytesSoFar >= pageBytes) {
          more = true;
          break;
        }
        if (file.kind !== 'file') {
          skipped.push({ path: file.path, reason: 'This is a link or special file, so Chorus did not read it.' });
          continue;
        }
        if (meaning.kind === 'unknown') {
          skipped.push({ path: file.path, reason: meaning.reason });
          continue;
        }
        let bytes: Uint8Array;
        try {
          bytes = await remote.read(file.path, maxFileBytes);
        } catch (error) {
          if (!(error instanceof FileTooLargeError)) throw error;
          skipped.push({ path: file.path, reason: `The file is larger than ${maxFileBytes / 1024 / 1024} MB.` });
          continue;
        }
        bytesSoFar += bytes.byteLength;
        const checked =
          meaning.kind === 'version'
            ? await checkVersionFile(file.path, bytes).then((result) =>
                result.ok
                  ? { ok: true as const, item: { kind: 'version' as const, path: file.path, record: result.value } }
                  : result,
              )
            : await checkWithdrawalFile(file.path, bytes).then((result) =>
                result.ok
                  ? { ok: true as const, item: { kind: 'withdrawal' as const, path: file.path, record: result.value } }
                  : result,
              );
        if (checked.ok) items.push(checked.item);
        else skipped.push({ path: file.path, reason: checked.reason });
      }
      // The cursor moves only once everything up to it has been handed over.
      return { ok: true, cursor: more ? input.cursor : listing.cursor, items, skipped, more };
    });

  /**
   * Forgets the repository: its settings, token and local copy, and the remote kept between calls,
   * so nothing of it survives to the next call. Waits for a call in progress; erasing twice is fine.
   */
  const erase = (): Promise<void> =>
    serial(async () => {
      current = null;
      // The settings go first: whatever fails after this, no repository is set up any more.
      await fs.rm(settingsFile, { force: true });
      await fs.rm(`${settingsFile}.tmp`, { force: true });
      await options.secrets.remove(tokenName);
      await fs.rm(cacheRoot, { recursive: true, force: true });
    });

  return { status, configure, test, publish, pull, erase };
}

export type RepositoryService = ReturnType<typeof createRepositoryService>;

/** The same record, even if someone else wrote it with other spacing; never a forged copy. */
async function sameRecord(filePath: string, existing: Uint8Array, bytes: Uint8Array): Promise<boolean> {
  if (sameBytes(existing, bytes)) return true;
  const ours = JSON.parse(new TextDecoder().decode(bytes)) as { id: string };
  const meaning = describePath(filePath);
  const theirs =
    meaning.kind === 'version'
      ? await checkVersionFile(filePath, existing)
      : await checkWithdrawalFile(filePath, existing);
  return theirs.ok && theirs.value.id === ours.id;
}

function renderedCopy(version: ApprovedVersion): Uint8Array {
  return new TextEncoder().encode(renderVersionPage(version));
}
