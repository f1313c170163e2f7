import type { SaveExport } from '../services/export/ports';

/**
 * Browser mode hands the file back to the page as a download: the page cannot be given a save
 * dialog by the server, and nothing is written to the host's disk.
 */
export function createDownloadSaveExport(): SaveExport {
  return {
    save(file) {
      return Promise.resolve({
        outcome: 'download',
        fileName: file.fileName,
        mimeType: file.mimeType,
        data: Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength).toString('base64'),
      });
    },
  };
}
