import type { ChannelOutput, SaveFile } from '../../shared/contract';
import type { FailureReporter } from '../../shared/dispatch';
import type { SaveExport } from '../export/ports';

/** Standard base64 with its padding: what the renderer sends. Anything else is a damaged request. */
const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const messages = {
  damaged: 'The file Chorus made was damaged on its way to be saved, so it was not saved. Try again.',
  save: 'Chorus could not save the file. Check there is space and that you may save in that folder, then try again.',
} as const;

/**
 * `data.save`: hands a file the renderer made (the "everything of mine" archive) to the host's
 * `SaveExport`, as exports are: a save dialog in Electron, a download in browser mode. Every
 * failure comes back as `failed` in plain words; its cause goes to the host's log.
 */
export async function saveRendererFile(
  saveExport: SaveExport,
  file: SaveFile,
  onFailure?: FailureReporter,
): Promise<ChannelOutput<'data.save'>> {
  if (!base64Pattern.test(file.data)) return { outcome: 'failed', message: messages.damaged };
  try {
    return await saveExport.save({
      fileName: file.fileName,
      mimeType: file.mimeType,
      bytes: Buffer.from(file.data, 'base64'),
    });
  } catch (error) {
    onFailure?.('data.save', error);
    return { outcome: 'failed', message: messages.save };
  }
}
