// A 50-page training pack to PDF: the export service with the web host's Chromium printer against
// printing the very same HTML with Chromium directly (playwright-core's setContent and pdf, no
// extras), interleaved trial by trial in the same run, each side with its own warm Chromium.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildOutline } from '../../electron/services/export/outline';
import { renderPrintHtml } from '../../electron/services/export/pdf';
import { exportRequestSchema } from '../../electron/shared/contract';
import { createChromiumPrinter } from '../../electron/web-host/printer';
import { chromiumArgs, chromiumPath } from '../../tests/helpers/chromium';
import { pdfInfo } from '../../tests/helpers/export';
import { resourcesDir } from '../../tests/helpers/export-ports';
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

const name = 'export-pdf';
const description = `A training pack of ${resourceCount} resources (about ${resourceCount * wordsPerResource} words) to PDF.`;
const warmupRounds = 2;
const measuredRounds = roundsFromEnv('BENCH_EXPORT_ROUNDS', 10);

type Measures = Record<'total', number>;

export const exportPdf: Benchmark = {
  name,
  description,
  async run(): Promise<BenchResult> {
    const log = (line: string) => console.error(`[${name}] ${line}`);
    const work = await mkdtemp(path.join(os.tmpdir(), 'chorus-bench-pdf-'));
    const printer = createChromiumPrinter({ executablePath: chromiumPath });
    let browser: Browser | null = null;
    try {
      const { request, words } = await benchPack('pdf');
      const printStyles = await readFile(path.join(resourcesDir, 'print.css'), 'utf8');
      // Exactly what ours prints, made once: the baseline does none of our work before Chromium's.
      const html = renderPrintHtml(buildOutline(request), printStyles);
      const { exportFile } = exportHandlers(printer, work);
      browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
      const baselineBrowser = browser;
      const oursFile = path.join(work, 'ours.pdf');
      const baselineFile = path.join(work, 'baseline.pdf');
      log(`${words} words, print HTML ${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB`);

      const samples = await runInterleaved<'total'>({
        keys: ['total'],
        warmupRounds,
        measuredRounds,
        async baseline(): Promise<Measures> {
          const started = performance.now();
          const page = await baselineBrowser.newPage();
          await page.setContent(html);
          const pdf = await page.pdf();
          await page.close();
          const total = performance.now() - started;
          await writeFile(baselineFile, pdf);
          return { total };
        },
        async ours(): Promise<Measures> {
          const started = performance.now();
          const file = await exportFile(request);
          const total = performance.now() - started;
          if (new TextDecoder().decode(file.bytes.subarray(0, 5)) !== '%PDF-') throw new Error('ours is not a PDF');
          await writeFile(oursFile, file.bytes);
          return { total };
        },
        log,
      });

      // Untimed: where ours spends its time beyond Chromium's own printing.
      const runs = 3;
      const steps: Record<string, number> = {};
      const time = async <T>(label: string, action: () => Promise<T> | T): Promise<T> => {
        const started = performance.now();
        const result = await action();
        steps[label] = (steps[label] ?? 0) + (performance.now() - started) / runs;
        return result;
      };
      for (let index = 0; index < runs; index += 1) {
        await time('contract check of the request (zod)', () => exportRequestSchema.parse(request));
        const outline = await time('outline (buildOutline)', () => buildOutline(request));
        const printed = await time('print HTML (renderPrintHtml)', () => renderPrintHtml(outline, printStyles));
        await time('Chromium: context, setContent, tagged PDF with outline', () => printer.print(printed));
      }

      const [oursPages, baselinePages, oursInfo, baselineInfo, version] = await Promise.all([
        pagesOf(oursFile),
        pagesOf(baselineFile),
        pdfInfo(oursFile),
        pdfInfo(baselineFile),
        toolVersion(chromiumPath, ['--version']),
      ]);
      const oursBytes = (await readFile(oursFile)).byteLength;
      const baselineBytes = (await readFile(baselineFile)).byteLength;
      return {
        name,
        description,
        oursLabel:
          '`export.create` with `format: "pdf"` through `dispatch` and the real handler table, printed by the web host\'s printer (`createChromiumPrinter`: a fresh context without JavaScript per print, every request refused, `page.pdf({ tagged, outline, printBackground, preferCSSPageSize, format: "A4" })`), Chromium already running',
        baselineLabel: `the same print HTML (made once, before the trials) in ${version} through playwright-core: \`browser.newPage()\`, \`page.setContent(html)\`, \`page.pdf()\` with no options, \`page.close()\`, Chromium already running`,
        warmupRounds,
        measuredRounds,
        rows: [
          compare(
            'pack to PDF',
            'From the call to the PDF bytes: ours from `dispatch` to the bytes handed to the saver (contract checks, outline, HTML and print stylesheet, a tagged PDF with an outline); baseline from `newPage` to `page.close` after `pdf()`. Target: median ratio ≤ 1.3.',
            { ours: samples.ours.total, baseline: samples.baseline.total },
            { maxMedianRatio: 1.3 },
          ),
        ],
        notes: [
          `The pack: ${resourceCount} resources, ${words} words. Ours: ${oursPages} pages of ${oursInfo['Page size'] ?? '?'}, ${(oursBytes / 1024).toFixed(0)} KiB, tagged: ${oursInfo.Tagged ?? '?'}. Baseline: ${baselinePages} pages of ${baselineInfo['Page size'] ?? '?'}, ${(baselineBytes / 1024).toFixed(0)} KiB, tagged: ${baselineInfo.Tagged ?? '?'} (no shaded boxes without \`printBackground\`).`,
          `Spread (min–max): baseline ${spread(samples.baseline.total)}, ours ${spread(samples.ours.total)}.`,
          '',
          'Where the time goes in ours, mean of 3 untimed runs after the measured ones:',
          '',
          ...breakdownTable([{ label: 'ours', values: steps }], { share: true }),
        ],
        details: { words, oursPages, baselinePages, oursBytes, baselineBytes },
      };
    } finally {
      await browser?.close();
      await printer.close();
      await rm(work, { recursive: true, force: true });
    }
  },
};
