// The training pack both export benchmarks turn into files, and what they share: a handler table
// over the real export service, and counting a file's pages with the tools the tests use.
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { createEventHub } from '../../electron/services/event-hub';
import type { ExportFile, Printer } from '../../electron/services/export/ports';
import { createHandlers } from '../../electron/services/handlers';
import { createFileSecretStore } from '../../electron/services/secrets';
import type { ExportFormat, ExportRequest } from '../../electron/shared/contract';
import { dispatch } from '../../electron/shared/dispatch';
import type { DocumentNode } from '@core/repository/records';
import { pdfInfo, sofficeToPdf } from '../../tests/helpers/export';
import { resourcesDir } from '../../tests/helpers/export-ports';
import { makeVersion } from '../../tests/helpers/repository';
import { longDocument, wordsIn } from '../lib/corpus';

const run = promisify(execFile);

export const resourceCount = 5;
export const wordsPerResource = 5_000;

const resourceTitles = [
  'What I wish my social worker knew',
  'Listening before asking',
  'Notes for police officers',
  'Signs in the classroom',
  'Trust and the first meeting',
];

/** A long document as a trainer would get it: a content warning first, then the writing. */
function resourceDocument(seed: number): DocumentNode {
  const writing = longDocument(wordsPerResource, seed);
  return {
    type: 'doc',
    content: [
      {
        type: 'contentWarning',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Describes grooming and going missing.' }] }],
      },
      ...(writing.content ?? []),
    ],
  };
}

/**
 * A pack of five resources of about 5,000 words each (about 25,000 words, some 50 A4 pages), with
 * trainer notes, an introduction and support contacts. Fixed seeds: the same pack every run.
 */
export async function benchPack(format: ExportFormat): Promise<{ request: ExportRequest; words: number }> {
  const documents = resourceTitles.map((_, index) => resourceDocument(30_000 + index));
  const versions = await Promise.all(
    resourceTitles.map((title, index) =>
      makeVersion(`bench-${index + 1}`, 1, {
        title,
        document: documents[index],
        contentWarnings: ['Describes grooming', 'Mentions going missing'],
      }),
    ),
  );
  const request: ExportRequest = {
    format,
    kind: 'pack',
    title: 'Working with young people at risk',
    description: 'A full-day course for new practitioners across social care, health and the police.',
    introduction: 'These resources were written with people who have lived experience.\n\nRead them before the day.',
    sessionPlan: {
      contentWarnings: ['Describes grooming', 'Mentions going missing'],
      support: [{ name: 'Support line', description: 'Free and confidential.', contact: '0800 000 0000' }],
    },
    items: versions.map((version, index) => ({
      version,
      notes: `Pause after the first section of resource ${index + 1}.\nAsk the group what they noticed.`,
    })),
  };
  return { request, words: documents.reduce((sum, doc) => sum + wordsIn(doc), 0) };
}

/**
 * The real handler table with the export ports given; `export.create` runs through `dispatch`, so the
 * contract's checks of the request and the answer count, as they do in the app.
 */
export function exportHandlers(printer: Printer, dataDir: string) {
  const saved: { file: ExportFile | null } = { file: null };
  // Read through a function: the saver sets it during the call, which the type checker cannot see.
  const savedFile = (): ExportFile | null => saved.file;
  const handlers = createHandlers({
    transport: 'web',
    appName: 'Chorus',
    appVersion: '0.0.0-bench',
    platform: process.platform,
    dataDir,
    events: createEventHub(),
    now: Date.now,
    secrets: createFileSecretStore({ file: path.join(dataDir, 'credentials.json'), kind: 'file' }),
    printer,
    saveExport: {
      save(file) {
        saved.file = file;
        return Promise.resolve({ outcome: 'saved', fileName: file.fileName });
      },
    },
    resourcesDir,
    onFailure: (where, error) => {
      throw new Error(`${where} failed`, { cause: error });
    },
  });
  return {
    /** The request through the contract to the finished file's bytes. */
    exportFile: async (request: ExportRequest): Promise<ExportFile> => {
      saved.file = null;
      const envelope = await dispatch(handlers, 'export.create', request);
      const file = savedFile();
      if (!envelope.ok || file === null) throw new Error(`export failed: ${JSON.stringify(envelope)}`);
      return file;
    },
  };
}

/** Pages of a Word or PDF file as LibreOffice lays a Word file out, or as the PDF has them. */
export async function pagesOf(file: string): Promise<number> {
  if (file.endsWith('.pdf')) return Number((await pdfInfo(file)).Pages);
  let pdf: string | null = null;
  try {
    pdf = await sofficeToPdf(file, 120_000);
    return Number((await pdfInfo(pdf)).Pages);
  } catch {
    return Number.NaN;
  } finally {
    if (pdf !== null) await rm(pdf, { force: true });
  }
}

export async function toolVersion(file: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(file, args, { timeout: 15_000 });
    return stdout.trim().split('\n')[0] ?? '';
  } catch {
    return 'unknown';
  }
}

export const spread = (samples: readonly number[]) =>
  `${Math.min(...samples).toFixed(0)}–${Math.max(...samples).toFixed(0)} ms`;
