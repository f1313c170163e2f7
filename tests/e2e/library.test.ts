import AxeBuilder from '@axe-core/playwright';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sharedChromium, type ChromiumContext } from '../helpers/chromium';
import { makeService, makeWithdrawal, tempDir } from '../helpers/repository';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { libraryVersion } from '../unit/features/library-fixtures';
import { LibraryListPage, LibraryResourcePage } from './pages/library-page';
import { ShellPage } from './pages/shell-page';
import { SyncPage, syncStatusLine } from './pages/sync-page';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const screenshots = path.resolve(import.meta.dirname, '../../test-results/library');

const trust = 'Learning to trust again';
const taxi = 'The taxi rank';
const hospital = 'Hospital visits';
const withdrawn = 'A story taken back';
const approvedOn = Date.UTC(2026, 0, 15, 12);

let host: TestWebHost;
let browser: ChromiumContext;
let folder: string;
let page: Page;

/** A shared folder with four resources (one with two versions), one of them withdrawn. */
async function seedRepository(): Promise<void> {
  const publisher = await makeService();
  await publisher.service.configure({ kind: 'folder', path: folder });
  const versions = await Promise.all([
    libraryVersion('res-trust', {
      version: 1,
      title: trust,
      summary: 'What it took before I could talk to anyone.',
      text: ['The harbour was where we used to go.', 'Nobody asked me why I was there at night.'],
      topics: ['Trust'],
      warnings: ['Describes grooming'],
      consented: ['social-care', 'police'],
      reviewBy: '2099-12-31',
      at: approvedOn - 40 * 86_400_000,
    }),
    libraryVersion('res-trust', {
      version: 2,
      title: trust,
      summary: 'What it took before I could talk to anyone, and who made the difference.',
      text: [
        'The lighthouse was where we used to go.',
        'Nobody asked me why I was there at night. The youth worker who did ask kept asking, every week.',
      ],
      topics: ['Trust'],
      warnings: ['Describes grooming'],
      consented: ['social-care', 'police'],
      reviewBy: '2099-12-31',
      at: approvedOn,
    }),
    libraryVersion('res-taxi', {
      title: taxi,
      summary: 'A driver who noticed.',
      text: 'A driver asked if I was alright, and waited for the answer.',
      topics: ['Night-time economy'],
      consented: ['licensing-night-time-economy'],
      reviewBy: '2020-01-31',
    }),
    libraryVersion('res-hospital', {
      title: hospital,
      summary: 'Nobody asked why I kept coming back.',
      text: 'Four visits in a month, and every time a different nurse.',
      topics: ['Health'],
      warnings: ['Mentions self-harm'],
      consented: ['health', 'social-care'],
    }),
    libraryVersion('res-gone', { title: withdrawn, text: 'A quokka on the windowsill.' }),
  ]);
  for (const record of versions) {
    expect((await publisher.service.publish({ kind: 'version', record })).ok).toBe(true);
  }
  const withdrawal = await makeWithdrawal('res-gone', approvedOn + 86_400_000);
  expect((await publisher.service.publish({ kind: 'withdrawal', record: withdrawal })).ok).toBe(true);
  await rm(publisher.dataDir, { recursive: true, force: true });
}

/** Runs axe in the light and the dark theme, taking a screenshot of each for a person to look at. */
async function checkPage(where: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(screenshots, `${where}-${colorScheme}.png`), fullPage: true });
    const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    const violations = results.violations.map((each) => `${where} (${colorScheme}): ${each.id} (${each.nodes.length})`);
    expect(violations).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

// One Chromium for the whole file, started on first use; each test gets a fresh context of its own.
const browsers = sharedChromium();
afterAll(() => browsers.close());

// Each test has its own repository, web host and browser context, synced and on the full library list,
// so each can run alone and in any order.
beforeEach(async () => {
  folder = await tempDir('library-folder');
  await mkdir(screenshots, { recursive: true });
  [host, browser] = await Promise.all([startTestWebHost(), browsers.newContext(), seedRepository()]);
  browser.allowOrigin(host.origin);

  page = await browser.context.newPage();
  const shell = new ShellPage(page);
  await shell.open(host.url);
  await shell.goTo('Sync');
  const sync = new SyncPage(page);
  await sync.settings.getByRole('radio', { name: 'Shared folder' }).check();
  await sync.settings.getByRole('textbox', { name: 'Folder path' }).fill(folder);
  await sync.settings.getByRole('button', { name: 'Save settings' }).click();
  await syncStatusLine(page, 'Up to date').waitFor();
  await shell.goTo('Library');
  await new LibraryListPage(page).waitForTitles([trust, taxi, hospital]);
});

afterEach(async () => {
  await browser.close();
  await host.close();
  await rm(folder, { recursive: true, force: true });
  // Every request the browser made went to the app; anything else was refused and listed here.
  expect(browser.foreignRequests()).toEqual([]);
});

describe('the library', () => {
  it('lists the newest version of each resource that was not withdrawn, with warnings and review due', async () => {
    const library = new LibraryListPage(page);
    await library.resultCount.getByText('3 resources', { exact: true }).waitFor();
    expect((await library.titles()).sort()).toEqual([hospital, trust, taxi].sort());
    const trustCard = library.card(trust);
    await trustCard.getByText('Content warning: Describes grooming').waitFor();
    await trustCard.getByText('Version 2').waitFor();
    const taxiCard = library.card(taxi);
    await taxiCard.getByText('Review due').waitFor();
    // Only in the notice of what was withdrawn, never as a resource in the list.
    await page.getByRole('note', { name: 'Withdrawn resources' }).getByText(withdrawn, { exact: false }).waitFor();
    expect(await library.titles()).not.toContain(withdrawn);
    await checkPage('list');
  });

  it('finds a resource by a word in its text, despite a typo, and never a withdrawn one', async () => {
    const library = new LibraryListPage(page);
    await library.search.fill('lighthouse');
    await library.waitForTitles([trust]);
    await library.resultCount.getByText('1 resource found', { exact: true }).waitFor();

    await library.search.fill('lighthuose');
    await library.waitForTitles([trust]);

    // Words only in the earlier version are not in the list: it holds the newest version.
    await library.search.fill('harbour');
    await library.noMatch.waitFor();

    await library.search.fill('quokka');
    await library.noMatch.waitFor();
    await library.resultCount.getByText('0 resources found', { exact: true }).waitFor();
    await checkPage('no-match');
    await library.clearFilters.click();
    await library.waitForTitles([trust, taxi, hospital]);
    expect(await library.search.evaluate((element) => element === document.activeElement)).toBe(true);
  });

  it('narrows by audience, topic, review date and content warnings, and clears them all at once', async () => {
    const library = new LibraryListPage(page);
    await library.filter('Audience').selectOption({ label: 'Social care' });
    await library.waitForTitles([trust, hospital]);

    await library.leaveOutWarning('Describes grooming');
    await library.waitForTitles([hospital]);
    await checkPage('filters');
    await library.leaveOutWarning('Describes grooming', false);
    await library.leaveOutWarning('Every resource with a content warning');
    await library.noMatch.waitFor();
    await library.leaveOutWarning('Every resource with a content warning', false);
    await library.waitForTitles([trust, hospital]);

    await library.filter('Topic').selectOption({ label: 'Health' });
    await library.waitForTitles([hospital]);
    await library.filter('Audience').selectOption({ label: 'Any audience' });
    await library.filter('Topic').selectOption({ label: 'Any topic' });

    await library.filter('Review date').selectOption({ label: 'Review due' });
    await library.waitForTitles([taxi]);
    await library.filter('Review date').selectOption({ label: 'Not due for review' });
    await library.waitForTitles([trust, hospital]);

    await library.search.fill('nobody asked');
    await library.waitForTitles([trust, hospital]);
    await library.resultCount.getByText('2 resources found', { exact: true }).waitFor();
    await library.clearFilters.click();
    await library.waitForTitles([trust, taxi, hospital]);
    expect(await library.filter('Review date').inputValue()).toBe('all');
  });

  it('shows the content warnings first, then the resource, and an earlier version', async () => {
    const library = new LibraryListPage(page);
    const resource = new LibraryResourcePage(page);
    await library.search.fill('lighthouse');
    await library.waitForTitles([trust]);
    await library.resourceLink(trust).click();

    await resource.warningsHeading.waitFor();
    await expect.poll(() => resource.isFocused(resource.warningsHeading)).toBe(true);
    await page.getByRole('listitem').getByText('Describes grooming', { exact: true }).waitFor();
    expect(await resource.document.count()).toBe(0);
    expect(await page.getByText('lighthouse', { exact: false }).count()).toBe(0);
    await checkPage('warnings');

    // Back to the library keeps the search.
    await resource.backToLibrary.click();
    await library.waitForTitles([trust]);
    expect(await library.search.inputValue()).toBe('lighthouse');
    await library.resourceLink(trust).click();
    await resource.showResource.click();

    const title = resource.heading(trust);
    await title.waitFor();
    await expect.poll(() => resource.isFocused(title)).toBe(true);
    await resource.document.getByText('The lighthouse was where we used to go.').waitFor();
    expect(await resource.document.getAttribute('contenteditable')).toBe('false');
    // The window title names the area, never the resource.
    expect(await page.title()).toBe('Library – Chorus');
    expect(await resource.detail('Version').textContent()).toBe('2');
    expect(await resource.detail('Approved on').textContent()).toBe('15 January 2026');
    expect(await resource.detail('Who may see it').textContent()).toBe('Social care, Police');
    expect(await resource.detail('Review by').textContent()).toBe('31 December 2099');
    await page.getByText('Written under the name Sam').first().waitFor();
    // Sign-offs are shared with the facilitator's profile name; the library never shows it.
    expect(await page.getByText('Facilitator Fay').count()).toBe(0);
    await checkPage('resource');

    // The earlier version has the same warning, which was just read: it opens straight away.
    await resource.versions.getByRole('link', { name: 'Version 1' }).click();
    await resource.document.getByText('The harbour was where we used to go.').waitFor();
    await page.getByText('This is version 1, an earlier version.').waitFor();
    expect(await resource.detail('Version').textContent()).toBe('1');
    await expect.poll(() => resource.isFocused(resource.heading(trust))).toBe(true);
    await checkPage('earlier-version');
    await resource.versions.getByRole('link', { name: 'Version 2 (newest)' }).click();
    await resource.document.getByText('The lighthouse was where we used to go.').waitFor();

    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Library' }).click();
    await library.waitForTitles([trust]);
    await library.clearFilters.click();
  });

  it('opens a resource without warnings straight away, flagged when its review is due', async () => {
    const library = new LibraryListPage(page);
    const resource = new LibraryResourcePage(page);
    await library.resourceLink(taxi).click();
    await resource.heading(taxi).waitFor();
    expect(await resource.showResource.count()).toBe(0);
    await resource.detail('Review by').getByText('Review due').waitFor();
    await resource.versions.getByText('This is the only version in the library.').waitFor();
  });

  it('says plainly that a withdrawn resource was withdrawn, and shows none of it', async () => {
    const resource = new LibraryResourcePage(page);
    await page.evaluate(() => {
      window.location.hash = '#/library/res-gone';
    });
    await resource.heading('This resource was withdrawn').waitFor();
    await page.getByText(`“${withdrawn}” was withdrawn on 16 January 2026 and cannot be used.`).waitFor();
    expect(await page.getByText('quokka', { exact: false }).count()).toBe(0);
    expect(await resource.document.count()).toBe(0);
    await checkPage('withdrawn');
  });
});
