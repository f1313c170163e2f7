import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { markerPath, resourcesDir } from '@core/repository/format';
import {
  FileTooLargeError,
  RemoteError,
  type ListedFile,
  type Listing,
  type RepositoryRemote,
  type WriteOutcome,
  type WriteRequest,
} from './remote';

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

function storageError(root: string, error: unknown): RemoteError {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    // Most often a network or cloud drive that is not connected just now: worth trying again.
    return new RemoteError('unreachable', `The shared folder ${root} cannot be found. Is the drive connected?`, {
      cause: error,
    });
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new RemoteError('refused', `Chorus is not allowed to write to the shared folder ${root}.`, { cause: error });
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new RemoteError('storage', `The shared folder ${root} is full.`, { cause: error });
  }
  return new RemoteError('storage', `The shared folder ${root} could not be used (${code || 'unknown error'}).`, {
    cause: error,
  });
}

/**
 * A repository in a plain folder: a network drive or a cloud-synced folder. Files are written
 * to a temporary name, flushed, then linked into place, so a reader never sees half a file and
 * an existing file is never replaced. Nothing below the root is followed through a symbolic link.
 */
export function createFolderRemote(root: string): RepositoryRemote {
  const resolvedRoot = path.resolve(root);

  /** The absolute path of a repository path, refusing anything that leaves the root. */
  const locate = (relative: string): string => {
    const absolute = path.resolve(resolvedRoot, ...relative.split('/'));
    if (!absolute.startsWith(resolvedRoot + path.sep)) throw new RemoteError('refused', 'A path left the folder.');
    return absolute;
  };

  const assertRoot = async (): Promise<void> => {
    try {
      const stats = await fs.stat(resolvedRoot);
      if (!stats.isDirectory()) throw new RemoteError('not-found', `${resolvedRoot} is not a folder.`);
    } catch (error) {
      if (error instanceof RemoteError) throw error;
      throw storageError(resolvedRoot, error);
    }
  };

  /** Makes each folder of `relativeDir` below the root, refusing a symbolic link on the way. */
  const makeDirectories = async (relativeDir: string): Promise<void> => {
    let current = resolvedRoot;
    for (const segment of relativeDir.split('/')) {
      current = path.join(current, segment);
      try {
        const stats = await fs.lstat(current);
        if (!stats.isDirectory()) {
          throw new RemoteError('refused', `${current} is not a plain folder, so Chorus will not write into it.`);
        }
      } catch (error) {
        if (error instanceof RemoteError) throw error;
        if (errorCode(error) !== 'ENOENT') throw storageError(resolvedRoot, error);
        await fs.mkdir(current).catch((mkdirError: unknown) => {
          if (errorCode(mkdirError) !== 'EEXIST') throw storageError(resolvedRoot, mkdirError);
        });
      }
    }
  };

  const readCapped = async (absolute: string, maxBytes: number): Promise<Uint8Array> => {
    // O_NOFOLLOW refuses a symbolic link at the last step; the listing refuses the rest.
    const handle = await fs.open(absolute, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new RemoteError('refused', 'Not a plain file.');
      if (stats.size > maxBytes) throw new FileTooLargeError(`${stats.size} bytes`);
      const buffer = Buffer.alloc(stats.size);
      const { bytesRead } = await handle.read(buffer, 0, stats.size, 0);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
    } finally {
      await handle.close();
    }
  };

  /** Writes one file without ever replacing an existing one; says what was there if anything. */
  const writeNew = async (
    relative: string,
    bytes: Uint8Array,
    isSame: (existing: Uint8Array) => Promise<boolean>,
  ): Promise<WriteOutcome> => {
    const target = locate(relative);
    const compare = async (): Promise<WriteOutcome> => {
      const existing = await readCapped(target, Math.max(bytes.byteLength * 2, 1024 * 1024)).catch(() => null);
      return existing !== null && (await isSame(existing)) ? 'present' : 'conflict';
    };
    try {
      await fs.lstat(target);
      return await compare();
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw storageError(resolvedRoot, error);
    }
    await makeDirectories(path.posix.dirname(relative));
    const temporary = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
    );
    try {
      const handle = await fs.open(temporary, 'wx', 0o644);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        // A hard link fails if the name exists, so two publishers cannot overwrite each other.
        await fs.link(temporary, target);
      } catch (error) {
        if (errorCode(error) === 'EEXIST') return await compare();
        // Some shared drives have no hard links: fall back to a rename after a last check.
        if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS', 'EMLINK'].includes(errorCode(error))) throw error;
        const exists = await fs.lstat(target).then(
          () => true,
          () => false,
        );
        if (exists) return await compare();
        await fs.rename(temporary, target);
      }
      return 'written';
    } catch (error) {
      if (error instanceof RemoteError) throw error;
      throw storageError(resolvedRoot, error);
    } finally {
      await fs.rm(temporary, { force: true }).catch(() => undefined);
    }
  };

  return {
    location: resolvedRoot,

    async readMarker() {
      await assertRoot();
      try {
        return await readCapped(locate(markerPath), 64 * 1024);
      } catch (error) {
        if (errorCode(error) === 'ENOENT') return null;
        if (error instanceof FileTooLargeError) return new TextEncoder().encode('{}');
        throw storageError(resolvedRoot, error);
      }
    },

    async write(request: WriteRequest) {
      await assertRoot();
      const outcomes = new Map<string, WriteOutcome>();
      if ((await this.readMarker()) === null) {
        await writeNew(request.marker.path, request.marker.bytes, () => Promise.resolve(true));
      }
      for (const file of request.files) {
        outcomes.set(
          file.path,
          await writeNew(file.path, file.bytes, (existing) => request.isSame(file.path, existing)),
        );
      }
      return outcomes;
    },

    async list(): Promise<Listing> {
      await assertRoot();
      const files: ListedFile[] = [];
      const walk = async (relativeDir: string): Promise<void> => {
        let entries;
        try {
          entries = await fs.readdir(locate(relativeDir), { withFileTypes: true });
        } catch (error) {
          if (errorCode(error) === 'ENOENT' && relativeDir === resourcesDir) return;
          throw storageError(resolvedRoot, error);
        }
        for (const entry of entries) {
          // Temporary files of writers in progress, and the litter of desktop systems.
          if (entry.name.startsWith('.') || entry.name === 'desktop.ini' || entry.name === 'Thumbs.db') continue;
          const relative = `${relativeDir}/${entry.name}`;
          if (entry.isSymbolicLink()) files.push({ path: relative, kind: 'link' });
          else if (entry.isDirectory()) await walk(relative);
          else files.push({ path: relative, kind: entry.isFile() ? 'file' : 'other' });
        }
      };
      await walk(resourcesDir);
      return { cursor: null, files };
    },

    async read(relative: string, maxBytes: number) {
      try {
        return await readCapped(locate(relative), maxBytes);
      } catch (error) {
        if (error instanceof RemoteError || error instanceof FileTooLargeError) throw error;
        throw storageError(resolvedRoot, error);
      }
    },
  };
}
