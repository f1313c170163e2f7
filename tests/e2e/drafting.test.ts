import AxeBuilder from '@axe-core/playwright';
import { Document, HeadingLevel, Packer, Paragraph, TextRun, type IRunOptions } from 'docx';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedChromium, type ChromiumContext } from '../helpers/chromium';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { DraftEditorPage, DraftsListPage } from './pages/drafts-page';
import { ShellPage } from './pages/shell-page';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let host: TestWebHost;
let browser: ChromiumContext;
let page: Page;
let consoleErrors: string[];

// One Chromium for the whole file, started on first use; each test gets a fresh context of its own.
const browsers = sharedChromium();
afterAll(() => browsers.close());

// Each test gets its own web host and a fresh browser context, so IndexedDB starts empty and each can run alone.
beforeEach(async () => {
  [host, browser] = await Promise.all([startTestWebHost(), browsers.newContext()]);
  browser.allowOrigin(host.origin);
  page = await browser.context.newPage();
  consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await new ShellPage(page).open(host.url);
});

afterEach(async () => {
  await browser.close();
  await host.close();
  // Every request the browser made went to the app; anything else was refused and listed here.
  expect(browser.foreignRequests()).toEqual([]);
});

async function newDraft(title: string, text: string): Promise<DraftEditorPage> {
  await new DraftsListPage(page).newDraft.click();
  const editor = new DraftEditorPage(page);
  await editor.title.fill(title);
  await editor.typeInEditor(text);
  await editor.waitForSaved();
  return editor;
}

async function backToList(): Promise<DraftsListPage> {
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Drafts' }).click();
  const list = new DraftsListPage(page);
  await list.newDraft.waitFor();
  return list;
}

describe('drafting', () => {
  it('greets a first-time user, then creates, types, saves and keeps a draft across a reload', async () => {
    await page.getByRole('heading', { name: 'No drafts yet' }).waitFor();
    const editor = await newDraft('What I wish you knew', 'Listen first, then ask.');
    await expect.poll(() => editor.status.textContent()).toMatch(/^Saved \d\d:\d\d/);
    // The writing aids follow the saved text (recomputed when the page is next idle), and so does the status
    // when typing starts again.
    await expect.poll(() => editor.writingAid('Words').textContent()).toBe('4');
    await expect.poll(() => editor.writingAid('Reading time').textContent()).toBe('About 1 minute');
    await editor.typeInEditor(' Then listen again.');
    await editor.waitForSaved();
    await expect.poll(() => editor.writingAid('Words').textContent()).toBe('7');
    // The reading age waits for a pause in writing; until then it says it is being worked out.
    await editor.writingAid('Reading age').filter({ hasText: 'Write a little more to see this' }).waitFor();
    // What changes with every save sits in fixed boxes that clip (ui/common.css, .live-value): it must fit them.
    const clipped = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.live-value'))
        .filter((box) => box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight)
        .map((box) => box.textContent),
    );
    expect(clipped).toEqual([]);
    expect(await page.locator('.live-value').count()).toBe(2);
    await page.reload();
    await editor.editor.getByText('Listen first, then ask.').waitFor();
    await expect.poll(() => editor.title.inputValue()).toBe('What I wish you knew');
    const list = await backToList();
    await list.draftLink('What I wish you knew').waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('finds drafts by words in their text, moves one to the Trash with undo, and empties the Trash after asking', async () => {
    await newDraft('Trains', 'The station was where it started.');
    await backToList();
    await newDraft('School', 'Nobody at school noticed.');
    const list = await backToList();
    await list.search.fill('station');
    await list.draftLink('Trains').waitFor();
    await expect(list.draftLink('School').count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await list.draftLink('School').waitFor();

    await list.rowActions('School').getByRole('button', { name: 'Move to Trash' }).click();
    await page.getByRole('status').getByText('“School” moved to the Trash.').waitFor();
    await page.getByRole('button', { name: 'Undo' }).click();
    await list.draftLink('School').waitFor();

    await list.rowActions('School').getByRole('button', { name: 'Move to Trash' }).click();
    await page.getByRole('link', { name: 'Trash (1)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trash' }).waitFor();
    await page.getByRole('button', { name: 'Empty Trash' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Empty the Trash?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'School' }).waitFor();
    await page.getByRole('button', { name: 'Empty Trash' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete for good' }).click();
    await page.getByRole('heading', { name: 'The Trash is empty' }).waitFor();
  });

  it('renames, duplicates, and filters drafts by the audience set in their details', async () => {
    await newDraft('For police', 'Words for officers.');
    await page.getByRole('checkbox', { name: 'Police' }).check();
    await page.getByRole('textbox', { name: 'Summary' }).fill('What helped at the station.');
    await new DraftEditorPage(page).waitForSaved();
    await backToList();
    await newDraft('For teachers', 'Words for schools.');
    const list = await backToList();

    await list.rowActions('For teachers').getByRole('button', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename draft' });
    await rename.getByRole('textbox', { name: 'New title' }).fill('For school staff');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await list.draftLink('For school staff').waitFor();

    await list.rowActions('For police').getByRole('button', { name: 'Duplicate' }).click();
    await list.draftLink('Copy of For police').waitFor();

    await page.getByRole('combobox', { name: 'Audience' }).selectOption({ label: 'Police' });
    await page.getByText('2 drafts found').waitFor();
    await expect(list.draftLink('For school staff').count()).resolves.toBe(0);
    await list.search.fill('station');
    await page.getByText('2 drafts found').waitFor();
  });

  it('saves a version, compares it with later edits and restores it, keeping the later text as a version', async () => {
    const editor = await newDraft('History', 'The first telling.');
    await page.getByRole('textbox', { name: 'Summary' }).fill('How it was first told.');
    await editor.waitForSaved();
    await page.getByRole('button', { name: 'Save a version' }).click();
    await page.getByRole('textbox', { name: 'Name (optional)' }).fill('First telling');
    await page.getByRole('button', { name: 'Save version' }).click();
    const versions = page.getByRole('list', { name: 'Versions' });
    await versions.getByText('First telling').waitFor();

    await editor.editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('The truer telling, at last.');
    await editor.waitForSaved();
    // Drafts are written by the document writer's worker, off the page's main thread.
    expect(page.workers().map((worker) => worker.url())).toEqual([expect.stringContaining('document-writer')]);

    const actions = page.getByRole('group', { name: /^First telling/ });
    await actions.getByRole('button', { name: 'Compare' }).click();
    const compare = page.getByRole('dialog', { name: /^Compare: First telling/ });
    const current = compare.getByRole('region', { name: 'Current draft' }).locator('ins.diff-current');
    // It opens at the first change, counts them, and goes between them by button and by key.
    await compare.getByRole('status').getByText('2 changes. Showing change 1 of 2.').waitFor();
    expect(await current.textContent()).toBe('truer');
    await page.keyboard.press('Alt+ArrowDown');
    await compare.getByRole('status').getByText('Showing change 2 of 2', { exact: false }).waitFor();
    expect(await current.textContent()).toContain('at last');
    await compare.getByRole('button', { name: 'Previous change' }).click();
    await compare.getByRole('status').getByText('Showing change 1 of 2', { exact: false }).waitFor();
    await compare.getByRole('button', { name: 'Close' }).click();

    await actions.getByRole('button', { name: 'Restore' }).click();
    await page
      .getByRole('alertdialog', { name: 'Restore this version?' })
      .getByRole('button', { name: 'Restore' })
      .click();
    await editor.editor.getByText('The first telling.').waitFor();
    await versions.getByText('Before a restore').waitFor();
    // The title and details typed since the page opened stay on screen: a restore brings back the text only.
    expect(await editor.title.inputValue()).toBe('History');
    expect(await page.getByRole('textbox', { name: 'Summary' }).inputValue()).toBe('How it was first told.');
    await page.reload();
    await editor.editor.getByText('The first telling.').waitFor();
  });

  it('shows one calm row of formatting tools from the start, with the rest under More, never over the caret', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await new DraftsListPage(page).newDraft.click();
    const editor = new DraftEditorPage(page);
    // Before the writing has focus, the tools are there and usable.
    const bold = editor.toolbar.getByRole('button', { name: 'Bold', exact: true });
    await bold.waitFor();
    await page.waitForFunction(
      () => document.querySelector('[role="toolbar"] button')?.hasAttribute('disabled') === false,
    );
    const box = await editor.toolbar.boundingBox();
    expect(box?.height).toBeLessThan(70);
    // Highlight is a toggle that is off, and does not look on.
    const highlight = editor.toolbar.getByRole('button', { name: 'Highlight', exact: true });
    expect(await highlight.getAttribute('aria-pressed')).toBe('false');
    expect(await highlight.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    await editor.editor.click();
    await page.keyboard.press('Control+Shift+H');
    await expect.poll(() => highlight.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Control+Shift+H');
    await expect.poll(() => highlight.getAttribute('aria-pressed')).toBe('false');

    // What does not fit the row is under More, by keyboard too.
    const more = editor.toolbar.getByRole('button', { name: 'More' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    const rest = editor.toolbar.getByRole('group', { name: 'More formatting' });
    await rest.getByRole('button', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await rest.waitFor({ state: 'detached' });
    await expect.poll(() => more.evaluate((button) => button === document.activeElement)).toBe(true);

    // Going back up a long draft, the line with the caret is never under the sticky toolbar.
    await editor.editor.click();
    for (let line = 0; line < 30; line += 1) await page.keyboard.type(`Line ${line}\n`);
    for (let line = 0; line < 26; line += 1) await page.keyboard.press('ArrowUp');
    // Measured once the page has scrolled the caret into view (a frame or two after the last key).
    await expect
      .poll(() =>
        page.evaluate(() => {
          const toolbar = document.querySelector('[role="toolbar"]')?.getBoundingClientRect();
          const caret = window.getSelection()?.anchorNode;
          const line = (caret instanceof Element ? caret : caret?.parentElement)?.getBoundingClientRect();
          return toolbar === undefined || line === undefined ? 'not measured' : line.top < toolbar.bottom;
        }),
      )
      .toBe(false);
  });

  it('adds a link from the keyboard through a dialog that sits above the toolbar, and refuses unsafe addresses', async () => {
    const editor = await newDraft('Links', 'Support is at the charity.');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    // Nothing of the page, the sticky toolbar included, may show above an open dialog.
    const toolbarOnTop = await page.evaluate(() => {
      const toolbar = document.querySelector('[role="toolbar"]');
      if (toolbar === null) return 'no toolbar';
      const box = toolbar.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return top?.closest('[role="toolbar"]') !== null;
    });
    expect(toolbarOnTop).toBe(false);
    const address = dialog.getByRole('textbox', { name: 'Web address or email' });
    // A real click fails if anything (such as the sticky toolbar) covers the field.
    await address.click();
    await page.keyboard.type('javascript:alert(1)');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await dialog.getByRole('alert').waitFor();
    await address.fill('https://example.org/support');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await dialog.waitFor({ state: 'detached' });
    const link = editor.editor.getByRole('link');
    expect(await link.getAttribute('href')).toBe('https://example.org/support');
    await editor.waitForSaved();
  });

  it('imports a Word document made here into a new draft', async () => {
    const emphasis: IRunOptions = { text: 'every time', italics: true };
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Notes for the duty team', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({
              children: [new TextRun('Ask how they are, '), new TextRun(emphasis)],
            }),
          ],
        },
      ],
    });
    const buffer = await Packer.toBuffer(doc);
    const list = new DraftsListPage(page);
    await list.importFile({
      name: 'notes.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer,
    });
    const editor = new DraftEditorPage(page);
    await editor.editor.getByText('every time').waitFor();
    expect(await editor.title.inputValue()).toBe('Notes for the duty team');
    expect(await editor.editor.locator('em', { hasText: 'every time' }).count()).toBe(1);
  });

  it('imports an older Windows text file and says to check its letters', async () => {
    const list = new DraftsListPage(page);
    // "I’m fine – really" in Windows-1252: not UTF-8, so its letters are a guess.
    const bytes = Buffer.from([
      0x49, 0x92, 0x6d, 0x20, 0x66, 0x69, 0x6e, 0x65, 0x20, 0x96, 0x20, 0x72, 0x65, 0x61, 0x6c, 0x6c, 0x79,
    ]);
    await list.importFile({ name: 'old notes.txt', mimeType: 'text/plain', buffer: bytes });
    const editor = new DraftEditorPage(page);
    await editor.editor.getByText('I’m fine – really').waitFor();
    await page
      .getByText('This file was not saved as UTF-8, so Chorus read it as an older Windows file', { exact: false })
      .waitFor();
    // Said once: opening the draft again later does not repeat it.
    await page.reload();
    await editor.editor.getByText('I’m fine – really').waitFor();
    expect(await page.getByText('This file was not saved as UTF-8', { exact: false }).count()).toBe(0);
  });

  it('says clearly when a file cannot be imported, and creates nothing', async () => {
    const list = new DraftsListPage(page);
    await list.importFile({
      name: 'broken.docx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('not a zip'),
    });
    await page
      .getByRole('alert')
      .getByText(/could not be read as a Word document/)
      .waitFor();
    await page.getByRole('heading', { name: 'No drafts yet' }).waitFor();
  });

  it('has no WCAG 2.2 AA violations on the list, the editor, the history and the Trash', async () => {
    const check = async (where: string) => {
      const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
      expect(
        results.violations.map((v) => `${where}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      ).toEqual([]);
    };
    await check('empty list');
    await newDraft('Accessible', 'Some words.');
    await page.getByRole('button', { name: 'Save a version' }).click();
    await page.getByRole('button', { name: 'Save version' }).click();
    await page.getByRole('list', { name: 'Versions' }).waitFor();
    await check('editor');
    await backToList();
    await check('list');
    await page.getByRole('link', { name: /^Trash/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Trash' }).waitFor();
    await check('trash');
  });
});
