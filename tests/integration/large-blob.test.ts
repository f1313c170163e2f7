import { execFile } from 'node:child_process';
import { mkdir, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBytes } from '@core/repository/format';
import {
  makeVersion,
  makeWithdrawal,
  nativeGit,
  startTestGitRemote,
  tempDir,
  type TestGitRemote,
} from '../helpers/repository';

const run = promisify(execFile);

/** Zeros compress hundreds to one, so this is a download of well under a megabyte that inflates to 96 MB. */
const blobBytes = 96 * 1024 * 1024;
/**
 * The pull's peak memory in its own process. Inflating the blob whole, as isomorphic-git's fetch
 * did, takes it past 330 MB (the blob and its copy with a header to hash it, on top of about
 * 140 MB that the process with tsx needs anyway); streaming keeps it near those 140 MB.
 */
const maxPeakRssBytes = 250 * 1024 * 1024;

describe('a repository holding a blob that inflates far past the file limit', () => {
  let remote: TestGitRemote;
  let expected: string[];
  const huge = 'resources/huge/versions/0001-aaaaaaaaaaaa.json';

  beforeAll(async () => {
    remote = await startTestGitRemote();
    // Level 1 keeps planting the zeros quick; what Chorus receives is as small either way.
    for (const key of ['core.compression', 'pack.compression']) {
      await nativeGit(['config', '--file', path.join(remote.server.repositoryPath, 'config'), key, '1']);
    }
    const work = await tempDir('large-blob');
    await nativeGit(['clone', '--quiet', remote.authenticatedUrl, work]);
    await writeFile(path.join(work, 'chorus-repository.json'), '{"format":1}');
    expected = [];
    for (const id of ['alpha', 'beta']) {
      const version = await makeVersion(id);
      const file = `resources/${id}/versions/0001-${version.id.slice(0, 12)}.json`;
      await mkdir(path.dirname(path.join(work, file)), { recursive: true });
      await writeFile(path.join(work, file), recordBytes(version));
      expected.push(file);
    }
    const withdrawal = await makeWithdrawal('beta');
    const withdrawalFile = `resources/beta/withdrawals/${withdrawal.id.slice(0, 12)}.json`;
    await mkdir(path.dirname(path.join(work, withdrawalFile)), { recursive: true });
    await writeFile(path.join(work, withdrawalFile), recordBytes(withdrawal));
    expected.push(withdrawalFile);
    await mkdir(path.dirname(path.join(work, huge)), { recursive: true });
    await writeFile(path.join(work, huge), '');
    await truncate(path.join(work, huge), blobBytes);
    await nativeGit(['-c', 'core.compression=1', 'add', '--all'], work);
    await nativeGit(['commit', '--quiet', '-m', 'Plant'], work);
    await nativeGit(['-c', 'pack.compression=1', 'push', '--quiet', 'origin', 'HEAD:main'], work);
    await rm(work, { recursive: true, force: true });
  });
  afterAll(async () => {
    await remote.close();
  });

  it('skips it with its reason, lands every other record, and never holds it in memory', async () => {
    const { url, username, token } = remote.settings;
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, '../helpers/pull-in-child.ts'),
        JSON.stringify({ url, username, token }),
      ],
      { maxBuffer: 1024 * 1024 },
    );
    const result = JSON.parse(stdout) as {
      items: string[];
      skipped: { path: string; reason: string }[];
      peakRssBytes: number;
    };
    expect(result.items.sort()).toEqual([...expected].sort());
    expect(result.skipped).toEqual([{ path: huge, reason: 'The file is larger than 5 MB.' }]);
    expect(result.peakRssBytes).toBeLessThan(maxPeakRssBytes);
  });
});
