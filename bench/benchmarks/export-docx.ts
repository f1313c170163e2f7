// A 50-page training pack to Word: the export service against pandoc converting the pack's own
// HTML export to DOCX, interleaved trial by trial in the same run.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { writeDocx } from '../../electron/services/export/docx';
import { renderExportHtml } from '../../electron/services/export/html';
import { buildOutline } from '../../electron/services/export/outline';
import { exportRequestSchema } from '../../electron/shared/contract';
import { unusedExportPorts } from '../../tests/helpers/export-ports';
import { compare, runInterleaved, type BenchResult, type Benchmark } from '../harness';
import { breakdownTable } from '../lib/report';
import { roundsFromEnv } from '../lib/util';
import {
  benchPack,
  exportHandlers,
  pagesOf,
  resourceCount,
  spread,
  toolVersion,
  wordsPerResource,
} from './export-fixture';

const run = promisify(execFile);
const name = 'export-docx';
const description = `A training pack of ${resourceCount} resources (about ${resourceCount * wordsPerResource} words) to a Word document.`;
const warmupRounds = 2;
const measuredRounds = roundsFromEnv('BENCH_EXPORT_ROUNDS', 10);

type Measures = Record<'total', number>;

/** Mean ms of each step of ours, from untimed runs after the measured ones. */
async function breakdown(request: Awaited<ReturnType<typeof benchPack>>['request']): Promise<Record<string, number>> {
  const runs = 3;
  const sums: Record<string, number> = {};
  const time = async <T>(label: string, action: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await action();
    sums[label] = (sums[label] ?? 0) + (performance.now() - started) / runs;
    return result;
  };
  for (let index = 0; index < runs; index += 1) {
    await time('contract check of the request (zod)', () => exportRequestSchema.parse(request));
    const outline = await time('outline (buildOutline)', () => buildOutline(request));
    await time('Word writer (writeDocx: docx, then zip)', () => writeDocx(outline));
  }
  return sums;
}

export const exportDocx: Benchmark = {
  name,
  description,
  async run(): Promise<BenchResult> {
    const log = (line: string) => console.error(`[${name}] ${line}`);
    const work = await mkdtemp(path.join(os.tmpdir(), 'chorus-bench-docx-'));
    try {
      const { request, words } = await benchPack('docx');
      const html = path.join(work, 'pack.html');
      await writeFile(html, renderExportHtml(buildOutline(request)));
      const { exportFile } = exportHandlers(unusedExportPorts.printer, work);
      const oursFile = path.join(work, 'ours.docx');
      const baselineFile = path.join(work, 'pandoc.docx');
      let oursBytes = 0;
      log(`${words} words, HTML export ${((await stat(html)).size / 1024).toFixed(0)} KiB`);

      const samples = await runInterleaved<'total'>({
        keys: ['total'],
        warmupRounds,
        measuredRounds,
        async baseline(): Promise<Measures> {
          await rm(baselineFile, { force: true });
          const started = performance.now();
          await run('pandoc', ['--from', 'html', '--to', 'docx', '--output', baselineFile, html], {
            maxBuffer: 16 * 1024 * 1024,
          });
          const total = performance.now() - started;
          if ((await stat(baselineFile)).size === 0) throw new Error('pandoc wrote an empty file');
          return { total };
        },
        async ours(): Promise<Measures> {
          const started = performance.now();
          const file = await exportFile(request);
          const total = performance.now() - started;
          if (file.bytes[0] !== 0x50 || file.bytes[1] !== 0x4b) throw new Error('ours is not a zip file');
          oursBytes = file.bytes.byteLength;
          await writeFile(oursFile, file.bytes);
          return { total };
        },
        log,
      });

      const [oursPages, baselinePages, pandoc] = await Promise.all([
        pagesOf(oursFile),
        pagesOf(baselineFile),
        toolVersion('pandoc', ['--version']),
      ]);
      // How much of pandoc's time is only starting a process, for reading the ratio.
      const startups: number[] = [];
      for (let index = 0; index < 5; index += 1) {
        const started = performance.now();
        await run('pandoc', ['--version']);
        startups.push(performance.now() - started);
      }
      const pandocStartup = startups.sort((a, b) => a - b)[2] ?? Number.NaN;
      const steps = await breakdown(request);
      return {
        name,
        description,
        oursLabel:
          '`export.create` with `format: "docx"` through `dispatch` and the real handler table (contract checks in and out, `buildOutline`, `writeDocx` with the docx library, the saver handed the bytes)',
        baselineLabel: `\`pandoc --from html --to docx\` (${pandoc}) converting the pack's own HTML export, written to a file once before the trials, as a separate process each trial`,
        warmupRounds,
        measuredRounds,
        rows: [
          compare(
            'pack to DOCX',
            'From the call to the finished file: ours from `dispatch` to the bytes handed to the saver; baseline from starting pandoc to its exit with the file written. Target: median ratio ≤ 1 (ours no slower).',
            { ours: samples.ours.total, baseline: samples.baseline.total },
            { maxMedianRatio: 1 },
          ),
        ],
        notes: [
          `The pack: ${resourceCount} resources, ${words} words (Chorus's own count) in headings, paragraphs with bold and italic, bullet lists and a content warning each, plus the cover, session plan, introduction and trainer notes. LibreOffice lays ours out on ${oursPages} A4 pages (cover, a new page for each part and for each resource's trainer notes) and pandoc's on ${baselinePages} (its default page size, no cover or section breaks).`,
          `Files: ours ${(oursBytes / 1024).toFixed(0)} KiB, pandoc's ${((await stat(baselineFile)).size / 1024).toFixed(0)} KiB. Spread (min–max): baseline ${spread(samples.baseline.total)}, ours ${spread(samples.ours.total)}.`,
          `Pandoc's time includes starting its process: \`pandoc --version\` takes ${pandocStartup.toFixed(0)} ms here (median of 5, after the trials). Ours runs in the already running host, as the export does in the app.`,
          '',
          'Where the time goes in ours, mean of 3 untimed runs after the measured ones:',
          '',
          ...breakdownTable([{ label: 'ours', values: steps }], { share: true }),
        ],
        details: { words, oursPages, baselinePages, oursBytes, pandoc, pandocStartupMs: pandocStartup },
      };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};
