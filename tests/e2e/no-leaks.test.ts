import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumProfile } from '../helpers/chromium';
import type { RecordedRequest } from '../helpers/request-recorder';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { DraftEditorPage, DraftsListPage } from './pages/drafts-page';
import { PacksListPage } from './pages/packs-page';
import { ProfilesPage } from './pages/review-page';
import { ShellPage } from './pages/shell-page';

/** Counts, inside the page, every way content could be shown outside the window. */
interface LeakWatch {
  titles: string[];
  notifications: number;
  permissionRequests: number;
  shownNotifications: number;
  serviceWorkerRegistrations: number;
}

declare global {
  interface Window {
    chorusLeakWatch?: LeakWatch;
  }
}

/**
 * Runs before the app's own scripts on every document. It wraps the notification and service
 * worker APIs so a call is counted even if it fails, and keeps every window title ever set,
 * so a title shown for a moment between two checks is caught too.
 */
function installLeakWatch(): void {
  const watch: LeakWatch = {
    titles: [],
    notifications: 0,
    permissionRequests: 0,
    shownNotifications: 0,
    serviceWorkerRegistrations: 0,
  };
  window.chorusLeakWatch = watch;
  const noteTitle = () => {
    if (watch.titles.at(-1) !== document.title) watch.titles.push(document.title);
  };
  new MutationObserver(noteTitle).observe(document, { subtree: true, childList: true, characterData: true });

  const Original = window.Notification;
  class CountedNotification extends Original {
    constructor(title: string, options?: NotificationOptions) {
      watch.notifications += 1;
      super(title, options);
    }
    static override requestPermission(callback?: NotificationPermissionCallback): Promise<NotificationPermission> {
      watch.permissionRequests += 1;
      return Original.requestPermission(callback);
    }
  }
  window.Notification = CountedNotification;

  // Reflect.get keeps the originals unbound on purpose: each wrapper calls one with its own `this`.
  const registration = ServiceWorkerRegistration.prototype;
  const showNotification = Reflect.get<ServiceWorkerRegistration, 'showNotification'>(registration, 'showNotification');
  registration.showNotification = function (this: ServiceWorkerRegistration, ...args) {
    watch.shownNotifications += 1;
    return showNotification.apply(this, args);
  };
  const container = ServiceWorkerContainer.prototype;
  const register = Reflect.get<ServiceWorkerContainer, 'register'>(container, 'register');
  container.register = function (this: ServiceWorkerContainer, ...args) {
    watch.serviceWorkerRegistrations += 1;
    return register.apply(this, args);
  };
}

function readWatch(page: Page): Promise<LeakWatch> {
  return page.evaluate(() => {
    const watch = window.chorusLeakWatch;
    if (watch === undefined) throw new Error('The leak watch was not installed');
    return { ...watch, titles: [...watch.titles, document.title] };
  });
}

describe('the request recorder', () => {
  let control: ChromiumProfile;
  let bystander: Server;
  let bystanderHits = 0;

  beforeEach(async () => {
    bystanderHits = 0;
    bystander = createServer((_request, response) => {
      bystanderHits += 1;
      response.end('should never be reached');
    });
    await new Promise<void>((resolve) => bystander.listen(0, '127.0.0.1', resolve));
    control = await launchChromium();
  });

  afterEach(async () => {
    await control.close();
    await new Promise<void>((resolve) => bystander.close(() => resolve()));
  });

  it('records and refuses a fetch, an image over https, a loopback server and a Google host nobody allowed', async () => {
    const bystanderPort = (bystander.address() as AddressInfo).port;
    const page = await control.context.newPage();
    // about:blank has no content security policy, so the requests reach the network layer.
    await page.setContent('<img alt="" src="https://leak.example.test/pixel.png">');
    const outcomes = await page.evaluate(async (port) => {
      const attempt = (url: string) =>
        fetch(url, { mode: 'no-cors' }).then(
          (response) => `status ${response.status}`,
          () => 'failed',
        );
      return [
        await attempt('http://leak.example.test/x'),
        await attempt(`http://127.0.0.1:${port}/y`),
        // A host the browser also calls by itself still counts once a page asks for it.
        await attempt('https://accounts.google.com/z'),
      ];
    }, bystanderPort);
    const expected: RecordedRequest[] = [
      { scheme: 'tunnel', method: 'CONNECT', host: 'leak.example.test', port: 443, path: '' },
      { scheme: 'http', method: 'GET', host: 'leak.example.test', port: 80, path: '/x' },
      { scheme: 'http', method: 'GET', host: '127.0.0.1', port: bystanderPort, path: '/y' },
      { scheme: 'tunnel', method: 'CONNECT', host: 'accounts.google.com', port: 443, path: '' },
    ];
    await expect.poll(() => control.foreignRequests(), { timeout: 5000 }).toEqual(expect.arrayContaining(expected));
    // An opaque no-cors answer has status 0; what matters is that nothing got through.
    expect(outcomes).not.toContain('status 200');
    expect(bystanderHits).toBe(0);
  });
});

describe('walking every area of the app with a resource open', () => {
  let host: TestWebHost;
  let browser: ChromiumProfile;

  beforeEach(async () => {
    [host, browser] = await Promise.all([startTestWebHost(), launchChromium()]);
    browser.allowOrigin(host.origin);
  });

  afterEach(async () => {
    await browser.close();
    await host.close();
    expect(browser.foreignRequests()).toEqual([]);
  });

  it('keeps its content out of window titles and notifications, registers no service worker and calls nobody', async () => {
    const phrase = `Marigold lantern ${randomBytes(4).toString('hex')}`;
    const page = await browser.context.newPage();
    await page.addInitScript(installLeakWatch);
    const shell = new ShellPage(page);
    await shell.open(host.url);
    const permissionAtStart = await page.evaluate(() => Notification.permission);

    await page.getByRole('link', { name: 'Set up who is using Chorus' }).click();
    const profiles = new ProfilesPage(page);
    await profiles.add('Alex', 'Consultee (lived experience)');
    await profiles.add('Sam', 'Facilitator');

    await shell.goTo('Drafts');
    await new DraftsListPage(page).newDraft.click();
    const editor = new DraftEditorPage(page);
    await editor.title.fill(phrase);
    await editor.typeInEditor(`The ${phrase} was where we used to meet.`);
    await editor.waitForSaved();
    await page.getByRole('button', { name: 'Save a version' }).click();
    await page.getByRole('button', { name: 'Save version' }).click();
    await page.getByRole('list', { name: 'Versions' }).waitFor();

    await shell.goTo('Drafts');
    const list = new DraftsListPage(page);
    await list.search.fill(phrase);
    await list.draftLink(phrase).waitFor();

    await shell.goTo('Review');
    await page.getByRole('link', { name: phrase }).click();
    await page.getByRole('heading', { level: 1, name: phrase }).waitFor();
    await page.getByRole('button', { name: 'Send for review' }).click();
    await page.getByRole('heading', { name: /^In review/ }).waitFor();

    await shell.goTo('Library');
    await shell.goTo('Training packs');
    await new PacksListPage(page).create(phrase, 'Social care');
    await shell.goTo('Sync');
    await shell.goTo('Settings');

    const watch = await readWatch(page);
    expect(watch.titles.length).toBeGreaterThan(3);
    expect(watch.titles.filter((title) => title.toLowerCase().includes(phrase.toLowerCase()))).toEqual([]);
    expect(watch).toMatchObject({
      notifications: 0,
      permissionRequests: 0,
      shownNotifications: 0,
      serviceWorkerRegistrations: 0,
    });
    expect(await page.evaluate(() => Notification.permission)).toBe(permissionAtStart);
    expect(permissionAtStart).toBe('default');
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);

    // The walk went through the recorder, and all it saw was the app itself and the test browser's own calls.
    const hostPort = Number(new URL(host.origin).port);
    const browserOwn = new Set(browser.browserOwnRequests());
    const seen = browser.requests().filter((request) => !browserOwn.has(request));
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((request) => request.host !== '127.0.0.1' || request.port !== hostPort)).toEqual([]);
    expect(browser.foreignRequests()).toEqual([]);
    await page.close();
  });
});
