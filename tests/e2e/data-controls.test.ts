import AxeBuilder from '@axe-core/playwright';
import { readFile, rm } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedChromium, type ChromiumContext } from '../helpers/chromium';
import { tempDir } from '../helpers/repository';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { DraftEditorPage, DraftsListPage } from './pages/drafts-page';
import { SettingsPage, ShellPage } from './pages/shell-page';
import { SyncPage } from './pages/sync-page';
import { YourDataPage } from './pages/your-data-page';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Words no other test writes, so finding them anywhere means they came from this draft. */
const phrase = `Marigold lanterns ${Date.now().toString(36)}`;
const title = 'What the lanterns meant';

let host: TestWebHost;
let browser: ChromiumContext;
let page: Page;
let folder: string;
let pageErrors: string[];

// One Chromium for the whole file, started on first use; each test gets a fresh context of its own.
const browsers = sharedChromium();
afterAll(() => browsers.close());

// Each test has its own web host, browser context and folder, so each can run alone and in any order.
beforeEach(async () => {
  [host, browser, folder] = await Promise.all([startTestWebHost(), browsers.newContext(), tempDir('data-controls')]);
  browser.allowOrigin(host.origin);
  page = await browser.context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await new ShellPage(page).open(host.url);
});

afterEach(async () => {
  await browser.close();
  await host.close();
  await rm(folder, { recursive: true, force: true });
  expect(browser.foreignRequests()).toEqual([]);
});

async function call(channel: string, input: unknown = {}): Promise<unknown> {
  const response = await fetch(`${host.origin}/api/call/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return response.json();
}

/** Whether any IndexedDB database of the page holds `text` in any record, read with IndexedDB itself. */
function databasesHold(text: string): Promise<boolean> {
  return page.evaluate(async (needle) => {
    const request = <T>(req: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
      });
    for (const { name } of await indexedDB.databases()) {
      if (name === undefined) continue;
      const db = await request(indexedDB.open(name));
      try {
        for (const store of Array.from(db.objectStoreNames)) {
          const records = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
          if (JSON.stringify(records).includes(needle)) return true;
        }
      } finally {
        db.close();
      }
    }
    return false;
  }, text);
}

async function expectNoAxeViolations(where: string, include: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include(include).withTags(wcagTags).analyze();
    const violations = results.violations.map((each) => `${where} (${colorScheme}): ${each.id} (${each.nodes.length})`);
    expect(violations).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Writes the draft with the phrase (and markup that must stay text) and waits for "Saved". */
async function writeDraft(): Promise<void> {
  await new DraftsListPage(page).newDraft.click();
  const editor = new DraftEditorPage(page);
  await editor.title.fill(title);
  await editor.typeInEditor(`${phrase} <script>alert(1)</script>`);
  await editor.waitForSaved();
}

async function isFocused(locator: ReturnType<Page['locator']>): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}

describe('data controls', () => {
  it('exports everything of mine as a zip with the draft in its JSON and its web page', async () => {
    const shell = new ShellPage(page);
    await writeDraft();

    await shell.goTo('Settings');
    const data = new YourDataPage(page);
    await expectNoAxeViolations('Your data', '.your-data');
    const download = await data.exportEverything();
    const name = download.suggestedFilename();
    expect(name).toMatch(/^Chorus – everything of mine – \d{4}-\d{2}-\d{2}\.zip$/);
    await data.exportStatus.getByText(`Saved “${name}” to your browser’s downloads.`).waitFor();

    const zip = await JSZip.loadAsync(await readFile(await download.path()));
    const paths = Object.keys(zip.files);
    expect(paths).toEqual(expect.arrayContaining(['README.txt', 'data/resources.json', 'data/documents.json']));
    expect(await zip.file('data/documents.json')?.async('string')).toContain(phrase);
    const draftPage = paths.find((path) => path.startsWith('drafts/What the lanterns meant-'));
    const html = (await zip.file(draftPage ?? '')?.async('string')) ?? '';
    expect(html).toContain(phrase);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(pageErrors).toEqual([]);
  });

  it('leaves everything in place when the erase dialog is cancelled with the keyboard', async () => {
    await writeDraft();
    await new ShellPage(page).goTo('Settings');
    const data = new YourDataPage(page);
    await data.eraseButton.focus();
    await page.keyboard.press('Enter');
    await data.eraseDialog.waitFor();
    expect(await isFocused(data.confirmField)).toBe(true);
    await expectNoAxeViolations('Erase dialog', '.erase-dialog');
    await page.keyboard.press('Escape');
    await data.eraseDialog.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(data.eraseButton)).toBe(true);
    expect(await databasesHold(phrase)).toBe(true);
  });

  it('erases everything on this device after ERASE is typed: database, storage, caches and the repository settings', async () => {
    const shell = new ShellPage(page);
    await writeDraft();
    await shell.goTo('Sync');
    const sync = new SyncPage(page);
    await sync.settings.getByRole('radio', { name: 'Shared folder' }).check();
    await sync.settings.getByRole('textbox', { name: 'Folder path' }).fill(folder);
    await sync.settings.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => ((await call('repository.status')) as { value?: { remote: unknown } }).value?.remote)
      .toEqual({ kind: 'folder', path: folder });
    await page.evaluate(async () => {
      localStorage.setItem('left-behind', 'yes');
      await (await caches.open('left-behind')).put('/left-behind', new Response('yes'));
    });

    await shell.goTo('Settings');
    const data = new YourDataPage(page);
    await data.eraseButton.click();
    await data.eraseDialog.waitFor();
    await page.keyboard.type('erase it');
    await page.keyboard.press('Enter');
    await data.eraseDialog.getByRole('alert').getByText('To erase, type ERASE in the box.').waitFor();
    expect(await isFocused(data.confirmField)).toBe(true);
    expect(await databasesHold(phrase)).toBe(true);

    await page.keyboard.press('Control+A');
    await page.keyboard.type('ERASE');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'No drafts yet' }).waitFor({ timeout: 30_000 });

    expect(await databasesHold(phrase)).toBe(false);
    const left = await page.evaluate(async () => ({
      local: localStorage.length,
      caches: await caches.keys(),
    }));
    expect(left).toEqual({ local: 0, caches: [] });
    expect(await call('repository.status')).toMatchObject({
      ok: true,
      value: { remote: { kind: 'none' }, hasToken: false },
    });
    // Browser mode still reaches its host after the fresh start.
    await shell.goTo('Settings');
    const settings = new SettingsPage(page);
    await settings.checkConnection.click();
    await settings.status.getByText(/^Connected: requests and updates both work/).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
