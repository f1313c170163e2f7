import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelOutput, ExportRequest } from '../../shared/contract';
import type { FailureReporter } from '../../shared/dispatch';
import { writeDocx } from './docx';
import { exportFileName, mimeTypes } from './file-name';
import { renderExportHtml } from './html';
import { buildOutline, type ExportOutline } from './outline';
import { writePdf } from './pdf';
import type { ExportFile, Printer, SaveExport } from './ports';
import { writePptx } from './pptx/write';

export interface ExportServiceOptions {
  printer: Printer;
  saveExport: SaveExport;
  /** The app's `resources/` folder, where `print.css` is. */
  resourcesDir: string;
  /** Told the cause of every failure, for the host's log; the renderer only sees plain words. */
  onFailure?: FailureReporter;
}

export interface ExportService {
  create(request: ExportRequest): Promise<ChannelOutput<'export.create'>>;
}

type Step = 'make' | 'print' | 'save';

/** What the person is told when a step fails. The cause goes to the host's log, never to the page. */
const failureMessages: Record<Step, string> = {
  make: 'Chorus could not make the file. Try again, or choose another format.',
  print: 'Chorus could not make the PDF. Try again, or export to Word or HTML and print from there.',
  save: 'Chorus could not save the file. Check there is space and that you may save in that folder, then try again.',
};

class StepFailed extends Error {
  constructor(
    readonly step: Step,
    options: { cause: unknown },
  ) {
    super(`Export failed while trying to ${step} the file`, options);
  }
}

async function step<T>(name: Step, action: () => Promise<T> | T): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new StepFailed(name, { cause: error });
  }
}

/**
 * Makes exports: the request becomes an outline, the outline a file in the format asked for,
 * and the file goes to the host's `SaveExport`. One export is made at a time per service; the
 * person waits for a save dialog anyway, and it keeps one big pack from crowding out another.
 */
export function createExportService(options: ExportServiceOptions): ExportService {
  let printStyles: Promise<string> | null = null;
  const loadPrintStyles = () => {
    printStyles ??= readFile(path.join(options.resourcesDir, 'print.css'), 'utf8').catch((error: unknown) => {
      printStyles = null;
      throw error;
    });
    return printStyles;
  };

  const bytesOf = async (outline: ExportOutline, format: ExportRequest['format']): Promise<Uint8Array> => {
    switch (format) {
      case 'docx':
        return step('make', () => writeDocx(outline));
      case 'pptx':
        return step('make', () => writePptx(outline));
      case 'html':
        return step('make', () => new TextEncoder().encode(renderExportHtml(outline)));
      case 'pdf': {
        const styles = await step('make', loadPrintStyles);
        return step('print', () => writePdf(outline, options.printer, styles));
      }
    }
  };

  let queue: Promise<unknown> = Promise.resolve();
  const create = async (request: ExportRequest): Promise<ChannelOutput<'export.create'>> => {
    try {
      const outline = await step('make', () => buildOutline(request));
      const file: ExportFile = {
        fileName: exportFileName(outline.title, request.kind, request.format),
        mimeType: mimeTypes[request.format],
        bytes: await bytesOf(outline, request.format),
      };
      return await step('save', () => options.saveExport.save(file));
    } catch (error) {
      options.onFailure?.('export.create', error);
      const message = error instanceof StepFailed ? failureMessages[error.step] : failureMessages.make;
      return { outcome: 'failed', message };
    }
  };

  return {
    create(request) {
      const result = queue.then(() => create(request));
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
