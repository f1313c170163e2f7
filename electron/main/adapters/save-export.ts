import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { SaveExport } from '../../services/export/ports';

const filters: Readonly<Record<string, { name: string; extensions: string[] }>> = {
  '.docx': { name: 'Word document', extensions: ['docx'] },
  '.pdf': { name: 'PDF', extensions: ['pdf'] },
  '.pptx': { name: 'PowerPoint presentation', extensions: ['pptx'] },
  '.html': { name: 'Web page', extensions: ['html'] },
};

/**
 * Electron's save: the system's save dialog, suggesting the export's safe file name in the
 * Documents folder, then the file written by the main process. The answer names the file but not
 * the folder, so no path reaches the page.
 */
export function createElectronSaveExport(): SaveExport {
  return {
    async save(file) {
      const filter = filters[path.extname(file.fileName).toLowerCase()];
      const options = {
        title: 'Save export',
        defaultPath: path.join(app.getPath('documents'), file.fileName),
        buttonLabel: 'Save',
        filters: filter === undefined ? [] : [filter],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const owner = BrowserWindow.getFocusedWindow();
      const { canceled, filePath } = owner
        ? await dialog.showSaveDialog(owner, options)
        : await dialog.showSaveDialog(options);
      if (canceled || filePath === '') return { outcome: 'cancelled' };
      await writeFile(filePath, file.bytes);
      return { outcome: 'saved', fileName: path.basename(filePath) };
    },
  };
}
