import { describe, expect, it } from 'vitest';
import type { ExportFile, Printer, SaveExport } from '../../../electron/services/export/ports';
import { createExportService } from '../../../electron/services/export/service';
import { realisticRequest } from '../../helpers/export';
import { resourcesDir } from '../../helpers/export-ports';

function setup(options: { printer?: Printer; save?: SaveExport['save']; resourcesDir?: string } = {}) {
  const failures: { where: string; error: unknown }[] = [];
  const files: ExportFile[] = [];
  const service = createExportService({
    printer: options.printer ?? { print: (html) => Promise.resolve(new TextEncoder().encode(`%PDF ${html.length}`)) },
    saveExport: {
      save:
        options.save ??
        ((file) => {
          files.push(file);
          return Promise.resolve({ outcome: 'saved', fileName: file.fileName });
        }),
    },
    resourcesDir: options.resourcesDir ?? resourcesDir,
    onFailure: (where, error) => failures.push({ where, error }),
  });
  return { service, failures, files };
}

describe('the export service', () => {
  it('hands the saver a safely named file of the right type', async () => {
    const { service, files } = setup();
    expect(await service.create(await realisticRequest('html'))).toEqual({
      outcome: 'saved',
      fileName: 'Listening to young people – training pack.html',
    });
    expect(files[0]?.mimeType).toBe('text/html');
    expect(new TextDecoder().decode(files[0]?.bytes)).toMatch(/^<!doctype html>/);
  });

  it('prints the HTML export with the print stylesheet for a PDF', async () => {
    const printed: string[] = [];
    const { service, files } = setup({
      printer: {
        print: (html) => {
          printed.push(html);
          return Promise.resolve(new Uint8Array([37, 80, 68, 70]));
        },
      },
    });
    await service.create(await realisticRequest('pdf'));
    expect(printed[0]).toContain('size: A4');
    expect(printed[0]).toContain('@top-left { content: "Listening to young people"; }');
    expect(files[0]?.mimeType).toBe('application/pdf');
  });

  it('passes a cancelled save dialog straight back', async () => {
    const { service, failures } = setup({ save: () => Promise.resolve({ outcome: 'cancelled' }) });
    expect(await service.create(await realisticRequest('docx'))).toEqual({ outcome: 'cancelled' });
    expect(failures).toEqual([]);
  });

  it.each([
    [
      'printing',
      { printer: { print: () => Promise.reject(new Error('Chromium crashed at /home/fay')) } },
      /could not make the PDF/,
    ],
    ['saving', { save: () => Promise.reject(new Error('EACCES: /home/fay/x.pdf')) }, /could not save the file/],
    ['reading the print stylesheet', { resourcesDir: '/nonexistent' }, /could not make the file/],
  ] as const)('says in plain words when %s fails, and logs the cause for the host', async (_step, options, message) => {
    const { service, failures } = setup(options);
    const answer = await service.create(await realisticRequest('pdf'));
    expect(answer).toMatchObject({ outcome: 'failed', message: expect.stringMatching(message) as unknown });
    expect(JSON.stringify(answer)).not.toContain('/home/fay');
    expect(JSON.stringify(answer)).not.toContain('nonexistent');
    expect(failures).toHaveLength(1);
    expect(failures[0]?.where).toBe('export.create');
  });

  it('makes one export at a time, in the order asked', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { service } = setup({
      save: async (file) => {
        order.push(`start ${file.mimeType}`);
        if (file.mimeType === 'text/html') await gate;
        order.push(`end ${file.mimeType}`);
        return { outcome: 'saved', fileName: file.fileName };
      },
    });
    const first = service.create(await realisticRequest('html'));
    const second = service.create(await realisticRequest('pdf'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual(['start text/html']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['start text/html', 'end text/html', 'start application/pdf', 'end application/pdf']);
  });
});
