import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appStore } from '../helpers/app-store';
import { sharedChromium, type ChromiumContext } from '../helpers/chromium';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { areaNames, SettingsPage, ShellPage } from './pages/shell-page';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let host: TestWebHost;
let browser: ChromiumContext;
let page: Page;
let shell: ShellPage;
let consoleErrors: string[];
let foreignRequests: string[];

// One Chromium for the whole file, started on first use; each test gets a fresh context of its own.
const browsers = sharedChromium();
afterAll(() => browsers.close());

// Each test has its own web host and browser context, so each can run alone and in any order.
beforeEach(async () => {
  [host, browser] = await Promise.all([startTestWebHost(), browsers.newContext()]);
  browser.allowOrigin(host.origin);
  page = await browser.context.newPage();
  consoleErrors = [];
  foreignRequests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith(host.origin)) foreignRequests.push(request.url());
  });
  shell = new ShellPage(page);
});

afterEach(async () => {
  await page.close();
  await browser.close();
  await host.close();
  // Every request the browser made went to the app; anything else was refused and listed here.
  expect(browser.foreignRequests()).toEqual([]);
});

describe('app shell in browser mode', () => {
  it('renders the shell with the main navigation and the quick exit', async () => {
    await shell.open(host.url);
    for (const area of areaNames) await expect(shell.link(area).isVisible()).resolves.toBe(true);
    await expect(shell.quickExit.isEnabled()).resolves.toBe(true);
    await expect(shell.link('Drafts').getAttribute('aria-current')).resolves.toBe('page');
    expect(await page.title()).toBe('Drafts – Chorus');
    expect(consoleErrors).toEqual([]);
  });

  it('trades the token for an HttpOnly, SameSite=Strict cookie and keeps it out of the address, history and page', async () => {
    const response = await page.goto(host.url);
    await shell.heading('Drafts').waitFor();
    // The host redirected before the page loaded: the token's address was never a page of the history.
    expect(response?.request().redirectedFrom()?.url()).toBe(host.url);
    expect(page.url()).toBe(`${host.origin}/#/drafts`);
    const seen = await page.evaluate(() => ({
      cookie: document.cookie,
      session: JSON.stringify(Object.entries(sessionStorage)),
      local: JSON.stringify(Object.entries(localStorage)),
    }));
    expect(JSON.stringify(seen)).not.toContain(host.token);
    // HttpOnly: no script on the page can read the session.
    expect(seen.cookie).toBe('');
    const cookies = await browser.context.cookies(host.origin);
    expect(cookies).toEqual([
      expect.objectContaining({ name: `chorus-session-${host.port}`, httpOnly: true, sameSite: 'Strict', path: '/' }),
    ]);
    expect(cookies[0]?.value).not.toBe(host.token);

    // The app works on the cookie alone, and a request without it is refused.
    await shell.goTo('Settings');
    const settings = new SettingsPage(page);
    await settings.checkConnection.click();
    await settings.status.getByText(/^Connected: requests and updates both work/).waitFor();
    expect(consoleErrors).toEqual([]);
    const withoutCookie = await page.evaluate(async () => {
      const response = await fetch('/api/call/app.ping', {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json' },
        body: '{"nonce":"abc"}',
      });
      return response.status;
    });
    expect(withoutCookie).toBe(401);
  });

  it('moves between every area by its link, marks it current and focuses its heading', async () => {
    await shell.open(host.url);
    for (const area of [...areaNames].reverse()) {
      await shell.goTo(area);
      await expect(shell.link(area).getAttribute('aria-current')).resolves.toBe('page');
      await expect(shell.heading(area).evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      expect(await page.title()).toBe(`${area} – Chorus`);
    }
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('can be used from the keyboard: skip link, quick exit, then the areas', async () => {
    await shell.open(host.url);
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to main content');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Quick exit');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Set up who is using Chorus');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Review');
    await page.keyboard.press('Enter');
    await shell.heading('Review').waitFor();
    expect(await focused()).toBe('Review');
    await expect(shell.heading('Review').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  });

  it('skip link moves focus to the heading of the current area', async () => {
    await shell.open(host.url);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(shell.heading('Drafts').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  });

  it('round-trips the API: shows the app details and proves requests and events work', async () => {
    await shell.open(host.url);
    await shell.goTo('Settings');
    const settings = new SettingsPage(page);
    await settings.detail('Version').getByText('0.0.0-test').waitFor();
    expect(await settings.detail('Running as').textContent()).toBe('Browser mode');
    expect(await settings.detail('Data folder').textContent()).toBe(host.dataDir);
    await settings.checkConnection.click();
    await settings.status.getByText(/^Connected: requests and updates both work/).waitFor();
    expect(consoleErrors).toEqual([]);
  });

  it('rejects a wrong token and a malformed payload with typed errors', async () => {
    await shell.open(host.url);
    const results = await page.evaluate(async (token) => {
      const call = async (auth: string, body: string) => {
        const response = await fetch('/api/call/app.ping', {
          method: 'POST',
          headers: { Authorization: `Bearer ${auth}`, 'Content-Type': 'application/json' },
          body,
        });
        return { status: response.status, body: (await response.json()) as unknown };
      };
      return {
        badToken: await call('not-the-token', '{"nonce":"abc"}'),
        malformed: await call(token, '{"nonce":["not","a","string"]}'),
      };
    }, host.token);
    expect(results.badToken).toMatchObject({ status: 401, body: { ok: false, error: { code: 'unauthorised' } } });
    expect(results.malformed).toMatchObject({
      status: 400,
      body: { ok: false, error: { code: 'invalid_input', issues: [{ path: 'nonce' }] } },
    });
  });

  it('enforces the Content-Security-Policy: injected inline script and eval do not run', async () => {
    const response = await page.goto(host.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await shell.heading('Drafts').waitFor();
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      const ran = { injected: false, evaluated: false };
      // Each attempt settles one way or the other: its code runs (and sets its flag through these
      // setters), or the policy refuses it and reports a violation. Wait for both, not for a time.
      let settle: () => void = () => undefined;
      const settled = new Promise<void>((resolve) => {
        settle = resolve;
      });
      const check = () => {
        const scriptDone = ran.injected || violations.includes('script-src-elem');
        const evalDone = ran.evaluated || violations.includes('script-src');
        if (scriptDone && evalDone) settle();
      };
      for (const name of ['injected', 'evaluated'] as const) {
        Object.defineProperty(window, `__${name}`, {
          configurable: true,
          set(value: boolean) {
            ran[name] = value;
            check();
          },
        });
      }
      document.addEventListener('securitypolicyviolation', (event) => {
        violations.push(event.violatedDirective);
        check();
      });
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      // A string passed to setTimeout is compiled like eval, later and outside the test's own call
      // (DevTools lets evaluations it runs itself bypass the policy, so eval cannot be tested directly).
      const later = setTimeout as unknown as (code: string, delay: number) => number;
      later('window.__evaluated = true;', 0);
      await settled;
      return { ...ran, violations };
    });
    expect(outcome.injected).toBe(false);
    expect(outcome.evaluated).toBe(false);
    expect(outcome.violations).toContain('script-src-elem');
    expect(outcome.violations).toContain('script-src');
  });

  it('quick exit clears the screen to a neutral page at once', async () => {
    await shell.open(host.url);
    await shell.goTo('Settings');
    await shell.quickExit.click();
    await expect(page.getByRole('navigation').count()).resolves.toBe(0);
    await expect(page.getByRole('heading').count()).resolves.toBe(0);
    expect(await page.locator('body').innerText()).toBe('Start again');
    expect(await page.title()).toBe('New tab');
    expect(page.url()).not.toContain('#');
    await page.getByRole('button', { name: 'Start again' }).click();
    await shell.heading('Drafts').waitFor();
  });

  it('quick exit also leaves on Shift pressed three times, but not when another key comes between', async () => {
    await shell.open(host.url);
    await shell.goTo('Library');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.getByRole('status').filter({ hasText: 'Shift, press 1 more time to exit.' }).waitFor();
    await page.keyboard.press('a');
    await page.keyboard.press('Shift');
    await shell.heading('Library').waitFor();
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.getByRole('button', { name: 'Start again' }).waitFor();
    await expect(page.getByRole('navigation').count()).resolves.toBe(0);
  });

  it('shows a damaged draft in the list, marked, instead of failing the list', async () => {
    await shell.open(host.url);
    // A draft whose details are not what Chorus wrote (damaged storage, or an old bug), put straight
    // into the browser's database behind the app's back.
    const resources = appStore(page, 'resources');
    await resources.put({
      id: 'damaged',
      title: 42,
      summary: null,
      audiences: 'police',
      status: 'weird',
      version: 'x',
      inTrash: 0,
    });
    await page.reload();
    const row = page.getByRole('listitem').filter({ hasText: 'Damaged' });
    await row.getByRole('link', { name: 'Untitled draft' }).waitFor();
    await row
      .getByText('Some of this draft’s details could not be read (title, summary, audiences', { exact: false })
      .waitFor();
    const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('keeps the navigation and the quick exit when a screen fails on a damaged record, and recovers', async () => {
    await shell.open(host.url);
    // A training pack whose items are not a list: the packs screen cannot draw it.
    const packs = appStore(page, 'packs');
    await packs.put({
      id: 'damaged',
      name: 'Damaged pack',
      description: '',
      introduction: '',
      audience: 'police',
      purpose: 'training-sessions',
      items: null,
      createdAt: 1,
      updatedAt: 2,
    });
    await shell.link('Training packs').click();
    await shell.heading('Something went wrong on this screen').waitFor();
    await page.getByText('Everything already saved is still on this device.').waitFor();
    await expect(shell.quickExit.isEnabled()).resolves.toBe(true);
    const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    // The rest of the app still works, and coming back tries the screen again.
    await shell.goTo('Settings');
    await shell.link('Training packs').click();
    await shell.heading('Something went wrong on this screen').waitFor();
    await page.getByRole('button', { name: 'Try again' }).click();
    await shell.heading('Something went wrong on this screen').waitFor();
    // Written behind the app's back, the repair is seen once the app reads the database afresh.
    await packs.delete('damaged');
    await page.reload();
    await shell.link('Training packs').click();
    await shell.heading('Training packs').waitFor();
    // React reports the failure in the console, and nothing else went wrong.
    expect(consoleErrors.filter((error) => !/reading 'map'|The above error occurred/.test(error))).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no WCAG 2.2 AA violations on any screen (${colorScheme})`, async () => {
      await page.emulateMedia({ colorScheme });
      await shell.open(host.url);
      for (const area of areaNames) {
        await shell.goTo(area);
        if (area === 'Settings') await new SettingsPage(page).detail('Version').getByText('0.0.0-test').waitFor();
        const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
        const violations = results.violations.map((v) => `${area}: ${v.id} (${v.nodes.length})`);
        expect(violations).toEqual([]);
      }
      await shell.quickExit.click();
      const neutral = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
      expect(neutral.violations.map((v) => v.id)).toEqual([]);
    });
  }
});
