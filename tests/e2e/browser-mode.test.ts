import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedChromium, type ChromiumContext } from '../helpers/chromium';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { DraftEditorPage, DraftsListPage } from './pages/drafts-page';
import { ShellPage } from './pages/shell-page';

let host: TestWebHost;
let browser: ChromiumContext;

// One Chromium for the whole file, started on first use; each test gets a fresh context of its own.
const browsers = sharedChromium();
afterAll(() => browsers.close());

beforeEach(async () => {
  [host, browser] = await Promise.all([startTestWebHost(), browsers.newContext()]);
  browser.allowOrigin(host.origin);
});

afterEach(async () => {
  await browser.close();
  // One test stops the host itself; stopping it again is harmless.
  await host.close().catch(() => undefined);
  expect(browser.foreignRequests()).toEqual([]);
});

describe('browser mode', () => {
  it('keeps answering after the app is loaded again and again in one tab', async () => {
    const page = await browser.context.newPage();
    const shell = new ShellPage(page);
    await shell.open(host.url);
    await new DraftsListPage(page).newDraft.click();
    const editor = new DraftEditorPage(page);
    await editor.title.fill('Loaded again');
    await editor.waitForSaved();
    const draft = page.url();

    // Each load used to leave its event stream open, until Chromium's six connections to the host
    // were all held and the next load's requests were never answered.
    for (let load = 1; load <= 10; load += 1) {
      if (load === 1) await page.goto(host.url);
      else if (load === 2) await page.goto(draft);
      else if (load % 2 === 1) await page.goBack();
      else await page.goForward();
      if (load % 2 === 0) await expect.poll(() => editor.title.inputValue()).toBe('Loaded again');
      else await shell.heading('Drafts').waitFor();
      const answered = await page.evaluate(async () => (await fetch('/index.html', { cache: 'no-store' })).ok);
      expect(answered, `load ${load}`).toBe(true);
    }
    await page.close();
  });

  it('says so when the host stops answering, and keeps the app usable', async () => {
    const page = await browser.context.newPage();
    const shell = new ShellPage(page);
    await shell.open(host.url);
    const notice = page.getByRole('alert').getByText('Chorus has lost touch with its background service.');
    expect(await notice.count()).toBe(0);
    await host.close();
    await notice.waitFor();
    // Everything on this device still works: the navigation and the quick exit are there.
    await expect(shell.quickExit.isEnabled()).resolves.toBe(true);
    await page.close();
  });
});
