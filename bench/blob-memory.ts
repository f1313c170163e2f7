// The host's peak memory while pulling a repository that holds one blob of zeros far larger than
// the file limit (1.2 GB by default, about a megabyte on the wire) beside valid records:
//   node --import tsx bench/blob-memory.ts [MiB]
// The pull runs in a process of its own, and the peak is the kernel's count for that process
// (maxRSS), which includes tsx and the service's own code (about 140 MB). Memory, not time, so it
// is not one of the interleaved benchmarks in bench/benchmarks; planting 1.2 GB takes minutes.
import { largeBlobPath, plantLargeBlob, pullInChild } from '../tests/helpers/large-blob';
import { startTestGitRemote } from '../tests/helpers/repository';

const mebibytes = Number(process.argv[2] ?? '1200');
const remote = await startTestGitRemote();
try {
  process.stderr.write(`Planting ${mebibytes} MiB of zeros…\n`);
  const records = await plantLargeBlob(remote, mebibytes * 1024 * 1024);
  const started = performance.now();
  const result = await pullInChild(remote);
  const seconds = (performance.now() - started) / 1000;
  const skipped = result.skipped.find((file) => file.path === largeBlobPath);
  const landed = records.filter((file) => result.items.includes(file)).length;
  process.stdout.write(
    `${JSON.stringify({
      blobMiB: mebibytes,
      peakRssMiB: Math.round(result.peakRssBytes / 1024 / 1024),
      pullSeconds: Math.round(seconds * 10) / 10,
      recordsLanded: `${landed} of ${records.length}`,
      skipped: skipped?.reason ?? 'not skipped',
    })}\n`,
  );
} finally {
  await remote.close();
}
