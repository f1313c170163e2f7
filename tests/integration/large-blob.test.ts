import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { largeBlobPath, plantLargeBlob, pullInChild } from '../helpers/large-blob';
import { startTestGitRemote, type TestGitRemote } from '../helpers/repository';

/** A download of well under a megabyte that inflates to 96 MB. */
const blobBytes = 96 * 1024 * 1024;
/**
 * The pull's peak memory in its own process. Inflating the blob whole, as isomorphic-git's fetch
 * did, took it to 510 MB (the blob and its copy with a header to hash it, on top of about 140 MB
 * that the process with tsx needs anyway); streaming keeps it near those 140 MB. The 1.2 GB figure
 * is `node --import tsx bench/blob-memory.ts`.
 */
const maxPeakRssBytes = 250 * 1024 * 1024;

describe('a repository holding a blob that inflates far past the file limit', () => {
  let remote: TestGitRemote;
  let records: string[];

  beforeAll(async () => {
    remote = await startTestGitRemote();
    records = await plantLargeBlob(remote, blobBytes);
  });
  afterAll(async () => {
    await remote.close();
  });

  it('skips it with its reason, lands every other record, and never holds it in memory', async () => {
    const result = await pullInChild(remote);
    expect(result.items.sort()).toEqual([...records].sort());
    expect(result.skipped).toEqual([{ path: largeBlobPath, reason: 'The file is larger than 5 MB.' }]);
    expect(result.peakRssBytes).toBeLessThan(maxPeakRssBytes);
  });
});
