// What a cold start loads: the first page's scripts leave out the editor, the identifying-details
// check, the Library, the training packs and their exports; the editor's chunks are preloaded once
// the Drafts list is drawn; and the quick exit still blanks the window while an area's chunk is on
// its way. Which source files each built chunk holds is read from the build's source maps.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumProfile } from '../helpers/chromium';
import { builtRendererDir, startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { ShellPage } from './pages/shell-page';

/** Code that must not be part of the first page, by a part of its source path. */
const laterCode = {
  editor: 'renderer/src/features/drafting/ResourcePage.tsx',
  tiptap: 'node_modules/@tiptap/core/',
  detector: 'core/identifying-details/',
  compromise: 'node_modules/compromise/',
  library: 'renderer/src/features/library/',
  packs: 'renderer/src/features/packs/',
  importing: 'renderer/src/editor/import',
} as const;
type LaterCode = keyof typeof laterCode;

/**
 * A feature's index.ts is its public face, in the first page by design: for a feature loaded later it
 * only says how to load the rest, so it is not the feature's code.
 */
const isFeatureFace = (source: string): boolean => /renderer\/src\/features\/[^/]+\/index\.ts$/.test(source);

/** Whether a built chunk's source `source` is the later code `part` names. */
const holds = (source: string, part: string): boolean => source.includes(part) && !isFeatureFace(source);

/** For each built script (/assets/name.js), the source files its source map lists (none without a map). */
let chunkSources: Map<string, string[]>;

beforeAll(async () => {
  const assets = path.join(builtRendererDir, 'assets');
  const files = await readdir(assets);
  chunkSources = new Map();
  for (const file of files.filter((name) => name.endsWith('.js'))) {
    const sources = files.includes(`${file}.map`)
      ? (JSON.parse(await readFile(path.join(assets, `${file}.map`), 'utf8')) as { sources: string[] }).sources
      : [];
    chunkSources.set(`/assets/${file}`, sources);
  }
});

/** Which kinds of later code the scripts at these paths hold. */
function laterCodeIn(scripts: readonly string[]): LaterCode[] {
  const found = new Set<LaterCode>();
  for (const script of scripts) {
    const sources = chunkSources.get(script);
    if (sources === undefined) throw new Error(`${script} is not in build/renderer: is the build fresh?`);
    for (const [kind, part] of Object.entries(laterCode) as Array<[LaterCode, string]>)
      if (sources.some((source) => holds(source, part))) found.add(kind);
  }
  return [...found];
}

/** The chunk whose source map lists `part`. */
function chunkWith(part: string): string {
  const found = [...chunkSources].find(([, sources]) => sources.some((source) => holds(source, part)));
  if (found === undefined) throw new Error(`No built chunk holds ${part}`);
  return found[0];
}

/**
 * Added before the page's own scripts: notes performance.now() at the first moment the Drafts
 * list's empty state is in the DOM, so the scripts the page had asked for by then can be told apart
 * from those asked for afterwards (the idle preload).
 */
const listShownProbe = `(() => {
  const observer = new MutationObserver(() => {
    if (document.getElementById('empty-state-title') === null) return;
    window.__listShownAt = performance.now();
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** Paths of the scripts (and module preloads) whose fetch started before `until` (page clock), or all. */
function scriptsRequested(page: Page, until?: number): Promise<string[]> {
  return page.evaluate(
    (limit) =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
        .filter((entry) => limit === null || entry.startTime < limit)
        .map((entry) => new URL(entry.name).pathname),
    until ?? null,
  );
}

let host: TestWebHost;
let browser: ChromiumProfile;
let page: Page;
let shell: ShellPage;
let pageErrors: string[];

beforeEach(async () => {
  [host, browser] = await Promise.all([startTestWebHost(), launchChromium()]);
  browser.allowOrigin(host.origin);
  page = await browser.context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  shell = new ShellPage(page);
});

afterEach(async () => {
  await browser.close();
  await host.close();
  expect(browser.foreignRequests()).toEqual([]);
});

describe('cold start', () => {
  it('loads neither the editor, the detector, the Library nor the packs before the Drafts list is shown', async () => {
    await page.addInitScript({ content: listShownProbe });
    await shell.open(host.url);
    await page.getByRole('heading', { name: 'No drafts yet' }).waitFor();
    const shownAt = await page.evaluate(() => (window as unknown as { __listShownAt: number }).__listShownAt);
    const first = await scriptsRequested(page, shownAt);
    expect(first.length).toBeGreaterThan(0);
    expect(laterCodeIn(first)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('preloads the editor once the list is shown, and opens a draft with it', async () => {
    await shell.open(host.url);
    const editorChunk = chunkWith(laterCode.editor);
    // No click yet: the Drafts list asks for the editor's chunks by itself, in an idle moment.
    await expect.poll(() => scriptsRequested(page), { timeout: 15_000 }).toContain(editorChunk);
    await page.getByRole('button', { name: 'New draft' }).first().click();
    await page.getByRole('textbox', { name: 'Draft text' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('loads an area on its first visit, and the quick exit blanks the window while it is loading', async () => {
    await shell.open(host.url);
    const libraryChunk = chunkWith('renderer/src/features/library/LibraryPage.tsx');
    expect(await scriptsRequested(page)).not.toContain(libraryChunk);
    // Hold the Library's chunk back, as a slow disk would.
    let requested!: () => void;
    const asked = new Promise<void>((resolve) => (requested = resolve));
    const held: Route[] = [];
    await page.route(`**${libraryChunk}`, (route) => {
      held.push(route);
      requested();
    });
    await shell.link('Library').click();
    await asked;
    // Moving between areas is a transition: Drafts stays on screen meanwhile.
    await expect(shell.heading('Drafts').isVisible()).resolves.toBe(true);
    // The exit hides everything in the click's own task, so the next frame is blank.
    const shownAfterClick = await page.evaluate(() => {
      const quickExit = [...document.querySelectorAll('button')].find((button) => button.textContent === 'Quick exit');
      quickExit?.click();
      return [...document.body.children].filter((element) => getComputedStyle(element).display !== 'none').length;
    });
    expect(shownAfterClick).toBe(0);
    await page.getByRole('button', { name: 'Start again' }).waitFor();
    for (const route of held) await route.continue();
    expect(pageErrors).toEqual([]);
  });
});
