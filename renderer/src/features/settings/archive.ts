import type { ArchiveFile } from '../../db';
import { today, type Clock } from '@core/clock';

export const archiveMimeType = 'application/zip';

/** The archive's file name, with the clock's date: `Chorus – everything of mine – 2026-11-23.zip`. */
export function archiveFileName(clock: Clock): string {
  return `Chorus – everything of mine – ${today(clock)}.zip`;
}

/**
 * The files as one zip. Text is compressed and pictures (already compressed) are stored as they
 * are. `onProgress` hears the percentage done, as zipping many pictures can take a while. JSZip is
 * loaded only when an archive is made, so the app starts without it.
 */
export async function buildArchive(
  files: readonly ArchiveFile[],
  onProgress: (percent: number) => void = () => undefined,
): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const file of files) {
    zip.file(file.path, file.content, { compression: file.compressed === true ? 'STORE' : 'DEFLATE' });
  }
  return zip.generateAsync({ type: 'uint8array', compressionOptions: { level: 6 } }, (metadata) =>
    onProgress(Math.floor(metadata.percent)),
  );
}
