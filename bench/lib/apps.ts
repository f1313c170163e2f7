// The two kinds of page the editor and list benchmarks open: Chorus (a snapshot of the build,
// through the real web host) and a baseline fixture (built with Vite, served statically).
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { builtRendererDir, startTestWebHost, type TestWebHost } from '../../tests/helpers/web-host';
import type { DocumentNode } from '@core/document/text';
import { seedDocument } from './seed';
import { serveStatic } from './static-server';
import { buildFixture } from './vite-fixture';

export interface ServedChorus {
  host: TestWebHost;
  /** The copy of build/renderer being served, for source maps. */
  rendererDir: string;
  origin: string;
  close(): Promise<void>;
}

/**
 * The web host over a private copy of build/renderer: other people rebuild the app while a
 * benchmark runs, and the pages, the source maps and the numbers must all belong to one build.
 */
export async function serveChorus(): Promise<ServedChorus> {
  const rendererDir = await mkdtemp(path.join(os.tmpdir(), 'chorus-bench-renderer-'));
  await cp(builtRendererDir, rendererDir, { recursive: true });
  const host = await startTestWebHost({ rendererDir });
  return {
    host,
    rendererDir,
    origin: new URL(host.url).origin,
    async close() {
      await host.close();
      await rm(rendererDir, { recursive: true, force: true });
    },
  };
}

export interface ServedFixture {
  url: string;
  dir: string;
  origin: string;
  close(): Promise<void>;
}

/** Builds bench/fixtures/<name> and serves it, with extra files (such as document.json) beside it. */
export async function serveFixture(name: string, files: Record<string, string> = {}): Promise<ServedFixture> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `chorus-bench-${name}-`));
  await buildFixture(name, dir);
  for (const [file, content] of Object.entries(files)) await writeFile(path.join(dir, file), content);
  const server = await serveStatic(dir);
  return {
    url: server.url,
    dir,
    origin: new URL(server.url).origin,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Fails a trial on any uncaught error in the page. Call `check()` at the end. */
export function watchPageErrors(page: Page, side: string): { check(): void } {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    check() {
      if (errors.length > 0) throw new Error(`${side}: the page threw: ${errors.join('; ')}`);
    },
  };
}

/**
 * Polls a JavaScript expression in the page until it is true. page.evaluate with a string goes
 * through the DevTools protocol, which the app's Content-Security-Policy does not apply to
 * (page.waitForFunction with a string would be refused: it evals inside the page).
 */
export async function waitForExpression(
  page: Page,
  expression: string,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if ((await page.evaluate(expression)) === true) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export const editorSelector = '[role="textbox"][aria-label="Draft text"]';

/** Waits until the editor shows all `blocks` top-level nodes of the document. */
export async function waitForDocument(page: Page, blocks: number): Promise<void> {
  await waitForExpression(page, `document.querySelector('${editorSelector}')?.childElementCount === ${blocks}`, 60_000);
}

/**
 * Seeds `doc` into Chorus's database with the app's own db code (on the app's origin), then loads
 * the draft's page afresh (a new document, not a route change) and waits until the editor shows
 * the whole document and the status line says everything is saved.
 */
export async function openChorusDraft(
  page: Page,
  chorus: ServedChorus,
  doc: DocumentNode,
  title: string,
): Promise<string> {
  await page.goto(`${chorus.host.url}#/settings`);
  const id = await seedDocument(page, title, doc);
  await page.goto('about:blank');
  await page.goto(`${chorus.host.url}#/drafts/${id}`);
  await waitForDocument(page, doc.content?.length ?? 0);
  await waitForExpression(
    page,
    `document.querySelector('.save-status[role="status"]')?.textContent === 'All changes saved'`,
  );
  return id;
}

/** Loads the bare TipTap page with the column width Chorus's editor has, and waits for the document. */
export async function openBareEditor(
  page: Page,
  fixture: ServedFixture,
  columnWidth: number,
  blocks: number,
): Promise<void> {
  await page.goto(`${fixture.url}?width=${Math.round(columnWidth)}`);
  await waitForDocument(page, blocks);
}

/**
 * Clicks the middle paragraph of the document (scrolled into view, as a user would) and moves the
 * caret to the end of that line, so typing happens in the middle of the document.
 */
export async function placeCaretInTheMiddle(page: Page): Promise<void> {
  const paragraphs = page.locator(`${editorSelector} > p`);
  const count = await paragraphs.count();
  await paragraphs.nth(Math.floor(count / 2)).click();
  await page.keyboard.press('End');
}

/** The width of Chorus's writing column (border box), for the baseline to lay out the same lines. */
export async function chorusColumnWidth(page: Page): Promise<number> {
  const width: unknown = await page.evaluate(
    `document.querySelector('${editorSelector}').getBoundingClientRect().width`,
  );
  if (typeof width !== 'number' || !(width > 100)) throw new Error(`Chorus's editor is ${String(width)} px wide`);
  return width;
}

/** What the editor benchmarks open: Chorus and the bare TipTap page, with one long document. */
export interface EditorSides {
  chorus: ServedChorus;
  bare: ServedFixture;
  doc: DocumentNode;
  /** Chorus's writing column width, given to the bare page. */
  columnWidth: number;
}

/**
 * Opens the side's page with the document (Chorus: seeded afresh as a new draft, so every trial
 * starts from the same document and no automatic snapshot is due), puts the caret in the middle
 * and lets the load's leftovers (spell checking, idle callbacks, lazy effects) finish.
 */
export async function openEditorSide(
  page: Page,
  side: 'baseline' | 'ours',
  sides: EditorSides,
  title: string,
): Promise<void> {
  if (side === 'ours') await openChorusDraft(page, sides.chorus, sides.doc, title);
  else await openBareEditor(page, sides.bare, sides.columnWidth, sides.doc.content?.length ?? 0);
  await placeCaretInTheMiddle(page);
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

/**
 * Serves both sides for `doc` and checks Chorus opens it with the right word count; measures
 * Chorus's column width for the bare page.
 */
export async function serveEditorSides(
  doc: DocumentNode,
  words: number,
  launch: () => Promise<{ context: { pages(): Page[]; newPage(): Promise<Page> }; close(): Promise<void> }>,
  cleanups: Array<() => Promise<void>>,
): Promise<EditorSides> {
  const bare = await serveFixture('bare-tiptap', { 'document.json': JSON.stringify(doc) });
  cleanups.push(() => bare.close());
  const chorus = await serveChorus();
  cleanups.push(() => chorus.close());
  const browser = await launch();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await openChorusDraft(page, chorus, doc, 'Benchmark setup');
    const columnWidth = await chorusColumnWidth(page);
    const shown: unknown = await page.evaluate(
      `[...document.querySelectorAll('dt')].find((dt) => dt.textContent === 'Words')?.nextElementSibling?.textContent`,
    );
    if (shown !== words.toLocaleString('en-GB'))
      throw new Error(`Chorus shows ${String(shown)} words, expected ${words}`);
    return { chorus, bare, doc, columnWidth };
  } finally {
    await browser.close();
  }
}
