import { execFile } from 'node:child_process';
import { mkdir, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { recordBytes } from '@core/repository/format';
import { makeVersion, makeWithdrawal, nativeGit, tempDir, type TestGitRemote } from './repository';

const run = promisify(execFile);

/** Where the large blob is planted: a version's path, so only its size is wrong. */
export const largeBlobPath = 'resources/huge/versions/0001-aaaaaaaaaaaa.json';

/**
 * Pushes to `remote` a file of `bytes` zeros at {@link largeBlobPath}, beside two valid versions and
 * a withdrawal, with native git. Zeros compress hundreds to one, so the download stays small
 * however large the file. Answers the paths of the valid records.
 */
export async function plantLargeBlob(remote: TestGitRemote, bytes: number): Promise<string[]> {
  // Level 1 keeps planting the zeros quick; what Chorus receives is small either way.
  for (const key of ['core.compression', 'pack.compression']) {
    await nativeGit(['config', '--file', path.join(remote.server.repositoryPath, 'config'), key, '1']);
  }
  const work = await tempDir('large-blob');
  try {
    await nativeGit(['clone', '--quiet', remote.authenticatedUrl, work]);
    await writeFile(path.join(work, 'chorus-repository.json'), '{"format":1}');
    const records = new Map<string, Uint8Array>();
    for (const id of ['alpha', 'beta']) {
      const version = await makeVersion(id);
      records.set(`resources/${id}/versions/0001-${version.id.slice(0, 12)}.json`, recordBytes(version));
    }
    const withdrawal = await makeWithdrawal('beta');
    records.set(`resources/beta/withdrawals/${withdrawal.id.slice(0, 12)}.json`, recordBytes(withdrawal));
    for (const [file, content] of records) {
      await mkdir(path.dirname(path.join(work, file)), { recursive: true });
      await writeFile(path.join(work, file), content);
    }
    await mkdir(path.dirname(path.join(work, largeBlobPath)), { recursive: true });
    await writeFile(path.join(work, largeBlobPath), '');
    await truncate(path.join(work, largeBlobPath), bytes);
    await nativeGit(['-c', 'core.compression=1', 'add', '--all'], work);
    await nativeGit(['commit', '--quiet', '-m', 'Plant'], work);
    await nativeGit(['-c', 'pack.compression=1', 'push', '--quiet', 'origin', 'HEAD:main'], work);
    return [...records.keys()];
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export interface ChildPull {
  items: string[];
  skipped: { path: string; reason: string }[];
  /** The child process's peak resident memory, as the kernel counted it. */
  peakRssBytes: number;
}

/** Pulls everything from `remote` through the repository service in a process of its own. */
export async function pullInChild(remote: TestGitRemote): Promise<ChildPull> {
  const { url, username, token } = remote.settings;
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'pull-in-child.ts'), JSON.stringify({ url, username, token })],
    { maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout) as ChildPull;
}
