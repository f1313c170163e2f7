import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedChromium, type ChromiumContext } from '../helpers/chromium';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { DraftEditorPage, DraftsListPage } from './pages/drafts-page';
import { ShellPage } from './pages/shell-page';

let host: TestWebHost;
let browser: ChromiumContext;
let page: Page;
let shell: ShellPage;
let consoleErrors: string[];

// One Chromium for the whole file, started on first use; each test gets a fresh context of its own.
const browsers = sharedChromium();
afterAll(() => browsers.close());

// Each test gets its own web host and a fresh browser context, so the shortcut starts as the default.
beforeEach(async () => {
  [host, browser] = await Promise.all([startTestWebHost(), browsers.newContext()]);
  browser.allowOrigin(host.origin);
  page = await browser.context.newPage();
  consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  shell = new ShellPage(page);
  await shell.open(host.url);
});

afterEach(async () => {
  await browser.close();
  await host.close();
});

/** The Settings section as a user meets it. */
function quickExitSettings() {
  const section = page.getByRole('region', { name: 'Quick exit' });
  return {
    section,
    shortcut: section.locator('dt', { hasText: 'Shortcut' }).locator('xpath=following-sibling::dd[1]'),
    choose: section.getByRole('button', { name: 'Choose a different shortcut' }),
    recorder: section.getByRole('textbox', { name: 'New shortcut' }),
    status: section.getByRole('status'),
    extraShortcut: section.getByRole('checkbox', { name: 'Also leave with a keyboard shortcut' }),
    reset: section.getByRole('button', { name: 'Go back to Ctrl+Shift+X' }),
  };
}

/** The neutral page and nothing else: no app content in the DOM, the title or the address. */
async function expectNeutralPage(secrets: readonly string[]): Promise<void> {
  await page.getByRole('button', { name: 'Start again' }).waitFor();
  expect(await page.locator('body').innerText()).toBe('Start again');
  expect(await page.title()).toBe('New tab');
  expect(page.url()).not.toContain('#');
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  for (const secret of [...secrets, 'Drafts', 'Quick exit', 'Settings']) expect(html).not.toContain(secret);
  // A dialog closed by the exit must not leave the page inert (Radix sets pointer-events on body).
  expect(await page.evaluate(() => getComputedStyle(document.body).pointerEvents)).toBe('auto');
}

async function exitIsShown(): Promise<boolean> {
  return (await page.getByRole('button', { name: 'Start again' }).count()) === 1;
}

describe('quick exit shortcut', () => {
  it('leaves from the editor with Ctrl+Shift+X, without typing into the draft, and shows nothing of it', async () => {
    await new DraftsListPage(page).newDraft.click();
    const editor = new DraftEditorPage(page);
    await editor.title.fill('Somewhere private');
    await editor.typeInEditor('What happened at the station.');
    await editor.waitForSaved();
    await editor.editor.click();
    await page.keyboard.press('Control+Shift+X');
    await expectNeutralPage(['Somewhere private', 'What happened at the station.']);
    // Starting again shows the draft as it was: the shortcut reached neither the editor nor the title.
    await page.getByRole('button', { name: 'Start again' }).click();
    await new DraftsListPage(page).draftLink('Somewhere private').click();
    await editor.editor.getByText('What happened at the station.', { exact: true }).waitFor();
    expect(await editor.title.inputValue()).toBe('Somewhere private');
    expect(consoleErrors).toEqual([]);
  });

  it('leaves from inside a dialog, while typing in its field', async () => {
    await new DraftsListPage(page).newDraft.click();
    const editor = new DraftEditorPage(page);
    await editor.typeInEditor('Support is at the charity.');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Web address or email' }).click();
    await page.keyboard.type('https://example.org/');
    // Opening a Radix dialog already logs refused inline styles (its scroll lock) under the app's
    // Content-Security-Policy; only what the exit itself logs counts here.
    const before = consoleErrors.length;
    await page.keyboard.press('Control+Shift+X');
    await expectNeutralPage(['Support is at the charity.', 'example.org']);
    await expect(page.getByRole('dialog').count()).resolves.toBe(0);
    expect(consoleErrors.slice(before)).toEqual([]);
  });

  it('records a new shortcut, refusing unsafe ones, and keeps it after a reload', async () => {
    await shell.goTo('Settings');
    const settings = quickExitSettings();
    await settings.shortcut.getByText('Ctrl+Shift+X', { exact: true }).waitFor();
    expect(await page.locator('#quick-exit-hint').textContent()).toBe('Or press Shift three times, or Ctrl+Shift+X.');

    await settings.choose.click();
    await expect(settings.recorder.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('q');
    await settings.status.getByText(/^Q is for typing or moving around/).waitFor();
    await page.keyboard.press('Control+Shift+H');
    await settings.status.getByText(/^The editor uses Ctrl\+Shift\+H for “Highlight”/).waitFor();
    await page.keyboard.press('Control+Shift+Y');
    await settings.status.getByText('Saved. Ctrl+Shift+Y now leaves Chorus.').waitFor();
    // The shown shortcut follows the stored one a moment after "Saved".
    await settings.shortcut.getByText('Ctrl+Shift+Y', { exact: true }).waitFor();
    await expect(settings.choose.evaluate((el) => el === document.activeElement)).resolves.toBe(true);

    await page.reload();
    await shell.heading('Settings').waitFor();
    await settings.shortcut.getByText('Ctrl+Shift+Y', { exact: true }).waitFor();
    expect(await page.locator('#quick-exit-hint').textContent()).toBe('Or press Shift three times, or Ctrl+Shift+Y.');
    await page.keyboard.press('Control+Shift+X');
    await shell.heading('Settings').waitFor();
    expect(await exitIsShown()).toBe(false);
    await page.keyboard.press('Control+Shift+Y');
    await expectNeutralPage([]);
    expect(consoleErrors).toEqual([]);
  });

  it('can be turned off, leaving Shift three times, and reset to the default', async () => {
    await shell.goTo('Settings');
    const settings = quickExitSettings();
    await expect(settings.reset.isDisabled()).resolves.toBe(true);
    await settings.extraShortcut.click();
    await settings.shortcut.getByText('Off', { exact: true }).waitFor();
    expect(await page.locator('#quick-exit-hint').textContent()).toBe('Or press Shift three times.');
    await page.keyboard.press('Control+Shift+X');
    await shell.heading('Settings').waitFor();
    expect(await exitIsShown()).toBe(false);

    await settings.reset.click();
    await settings.shortcut.getByText('Ctrl+Shift+X', { exact: true }).waitFor();
    await expect(settings.extraShortcut.isChecked()).resolves.toBe(true);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await expectNeutralPage([]);
  });

  it('explains in Settings what the quick exit does not protect against', async () => {
    await shell.goTo('Settings');
    const { section } = quickExitSettings();
    await section.getByRole('heading', { name: 'What it cannot do' }).waitFor();
    const text = await section.innerText();
    expect(text).toContain('does not clear the browser’s history');
    expect(text).toContain('does not hide that Chorus is installed or running');
    expect(text).toContain('screen-recording');
  });
});
