import path from 'node:path';
import type { Printer, SaveExport } from '../../electron/services/export/ports';

export const resourcesDir = path.resolve(import.meta.dirname, '../../resources');

/**
 * Export ports for handler tables that never export (dispatch and sync tests): printing refuses,
 * and saving hands the file back as a download, as browser mode does.
 */
export const unusedExportPorts: { printer: Printer; saveExport: SaveExport; resourcesDir: string } = {
  printer: { print: () => Promise.reject(new Error('This test host does not print')) },
  saveExport: {
    save: (file) =>
      Promise.resolve({
        outcome: 'download',
        fileName: file.fileName,
        mimeType: file.mimeType,
        data: Buffer.from(file.bytes).toString('base64'),
      }),
  },
  resourcesDir,
};
