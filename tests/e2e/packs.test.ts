import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApprovedVersion, Audience } from '@core/repository/records';
import { freezeApprovedVersion } from '@core/co-production/approved-version';
import { consentWording, type Purpose } from '@core/co-production/consent';
import { appStore } from '../helpers/app-store';
import { sharedChromium, type ChromiumContext } from '../helpers/chromium';
import { makeService, makeWithdrawal, tempDir } from '../helpers/repository';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { PacksListPage, SupportServicesSection, useSharedFolder } from './pages/packs-page';
import { ShellPage } from './pages/shell-page';
import { syncStatusLine } from './pages/sync-page';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const screenshots = path.resolve(import.meta.dirname, '../../test-results/screenshots');

const beingHeard = 'Being heard';
const whatHelped = 'What helped';
const listeningFirst = 'Listening first';
const policeOnly = 'For police officers only';
const handoutOnly = 'A handout, not for sessions';
const packName = 'Week one: listening';
const withdrawnAt = 1_767_312_000_000;

let host: TestWebHost;
let browser: ChromiumContext;
let folder: string;
let publisher: Awaited<ReturnType<typeof makeService>>;

/**
 * An approved version the consultee consented to for `consented` and `uses` (training sessions
 * unless said), with its own warnings.
 */
function version(
  resourceId: string,
  title: string,
  consented: Audience[],
  contentWarnings: string[],
  number = 1,
  uses: Purpose[] = ['training-sessions'],
): Promise<ApprovedVersion> {
  const choices = {
    audiences: consented,
    purposes: uses,
    attribution: { kind: 'pseudonym' as const, value: 'Sam' },
  };
  return freezeApprovedVersion({
    content: {
      resourceId,
      version: number,
      title,
      summary: '',
      audiences: consented,
      topics: [],
      contentWarnings,
      reviewBy: '',
      document: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: `${title}.` }] }] },
    },
    consent: { choices, wording: consentWording(choices, { title, version: number }), agreedAt: 1_767_225_600_000 },
    facilitator: { name: 'Facilitator Fay', at: 1_767_225_601_000 },
  });
}

async function publish(item: Parameters<typeof publisher.service.publish>[0]): Promise<void> {
  const result = await publisher.service.publish(item);
  expect(result.ok).toBe(true);
}

// One Chromium for the whole file, started on first use; each test gets a fresh context of its own.
const browsers = sharedChromium();
afterAll(() => browsers.close());

// Each test has its own web host, browser context and repository, so each can run alone and in any order.
beforeEach(async () => {
  [host, browser, folder, publisher] = await Promise.all([
    startTestWebHost(),
    browsers.newContext(),
    tempDir('packs-folder'),
    makeService(),
  ]);
  browser.allowOrigin(host.origin);
  await mkdir(screenshots, { recursive: true });
  expect((await publisher.service.configure({ kind: 'folder', path: folder })).ok).toBe(true);
  const versions = await Promise.all([
    version('being-heard', beingHeard, ['social-care', 'police'], ['Describes grooming', 'Self-harm']),
    version('what-helped', whatHelped, ['social-care', 'police'], ['describes grooming']),
    version('listening-first', listeningFirst, ['social-care'], ['Police custody']),
    version('police-only', policeOnly, ['police'], ['Describes violence']),
    version('handout-only', handoutOnly, ['social-care'], [], 1, ['written-materials']),
  ]);
  for (const record of versions) await publish({ kind: 'version', record });
});

afterEach(async () => {
  await browser.close();
  await host.close();
  await rm(folder, { recursive: true, force: true });
  await rm(publisher.dataDir, { recursive: true, force: true });
  // Every request the browser made went to the app; anything else was refused and listed here.
  expect(browser.foreignRequests()).toEqual([]);
});

/** Runs axe in the light and the dark theme, taking a screenshot of each when named. */
async function checkScreen(page: Page, where: string, screenshot?: string, fullPage = true): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    const violations = results.violations.map(
      (each) => `${where} (${colorScheme}): ${each.id} (${each.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
    expect(violations).toEqual([]);
    if (screenshot !== undefined) {
      await page.screenshot({ path: path.join(screenshots, `packs-${screenshot}-${colorScheme}.png`), fullPage });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function syncNow(page: Page, shell: ShellPage): Promise<void> {
  await shell.goTo('Sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByRole('button', { name: 'Sync now', disabled: false }).waitFor();
  await syncStatusLine(page, 'Up to date').waitFor();
}

/** A new page with the shared folder synced and a new pack for Social care holding `titles`. */
async function packHolding(name: string, titles: string[]) {
  const page = await browser.context.newPage();
  const shell = new ShellPage(page);
  await shell.open(host.url);
  await shell.goTo('Sync');
  await useSharedFolder(page, folder);
  await syncStatusLine(page, 'Up to date').waitFor();
  await shell.goTo('Training packs');
  const editor = await new PacksListPage(page).create(name, 'Social care');
  await editor.addResources(titles);
  return { page, editor };
}

describe('training packs', () => {
  // One long journey with axe and screenshots in both themes at seven points, so it has more time.
  it(
    'builds a pack for one audience with a session plan, exports it in all four formats, and a withdrawal stops its export',
    { timeout: 360_000 },
    async () => {
      const page = await browser.context.newPage();
      const shell = new ShellPage(page);
      await shell.open(host.url);

      // Support services, from their empty state.
      await shell.goTo('Settings');
      const support = new SupportServicesSection(page);
      await support.region.getByText('No support services yet.', { exact: false }).waitFor();
      await support.add({
        name: 'Local exploitation support',
        description: 'Confidential support for young people and families',
        contact: '01234 567890',
      });
      await support.add({ name: 'Helpline', description: 'Day and night', contact: 'help@example.org' });
      await checkScreen(page, 'Settings, support services', 'settings');

      await shell.goTo('Sync');
      await useSharedFolder(page, folder);
      await syncStatusLine(page, 'Up to date').waitFor();

      await shell.goTo('Training packs');
      await page.getByRole('heading', { name: 'No training packs yet' }).waitFor();
      await checkScreen(page, 'Packs, empty', 'list-empty');
      const editor = await new PacksListPage(page).create(packName, 'Social care');
      await editor.sessionPlan.getByText('Add resources to gather their content warnings here.').waitFor();

      // Only resources consented for Social care and for training sessions are offered; the dialog
      // says why two are missing.
      const dialog = await editor.openAddDialog();
      const offered = dialog.getByRole('list', { name: 'Resources you can add' });
      await offered.getByRole('heading', { name: beingHeard }).waitFor();
      expect(await offered.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
        beingHeard,
        listeningFirst,
        whatHelped,
      ]);
      expect(await dialog.getByText(policeOnly).isVisible()).toBe(false);
      expect(await dialog.getByText(handoutOnly).isVisible()).toBe(false);
      await dialog
        .getByText(
          '2 resources in the library are not offered: the people who shared them did not agree to their use for Social care, in training sessions led by a trainer.',
        )
        .waitFor();
      await dialog.getByText('Which resources').click();
      expect(
        await dialog
          .getByRole('list', { name: 'Resources not offered for this pack' })
          .getByRole('listitem')
          .allTextContents(),
      ).toEqual([handoutOnly, policeOnly]);
      await dialog.getByText('Which resources').click();
      await dialog.getByRole('searchbox', { name: 'Search by title' }).fill('HELPED');
      await dialog.getByText('1 resource found').waitFor();
      expect(await offered.getByRole('heading', { level: 3 }).allTextContents()).toEqual([whatHelped]);
      await dialog.getByRole('searchbox', { name: 'Search by title' }).fill('');
      await checkScreen(page, 'Add resources dialog', 'add-dialog', false);
      // Adding from the keyboard: focus moves on to the next resource to add.
      await dialog.getByRole('button', { name: `Add “${beingHeard}”` }).focus();
      await page.keyboard.press('Enter');
      await dialog.getByRole('status').getByText(`Added “${beingHeard}” to the pack.`).waitFor();
      await offered.getByText('In this pack').waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Add “${listeningFirst}”`);
      await dialog.getByRole('button', { name: 'Done' }).click();
      await editor.addResources([whatHelped, listeningFirst]);
      await expect.poll(() => editor.itemTitles()).toEqual([beingHeard, whatHelped, listeningFirst]);

      // Reordering from the keyboard: focus follows the item and its new place is announced.
      await editor.actions(listeningFirst).getByRole('button', { name: 'Move up' }).focus();
      await page.keyboard.press('Enter');
      await editor.itemsStatus.getByText(`“${listeningFirst}” is now 2 of 3.`).waitFor();
      await expect.poll(() => editor.itemTitles()).toEqual([beingHeard, listeningFirst, whatHelped]);
      await page.keyboard.press('Enter');
      await editor.itemsStatus.getByText(`“${listeningFirst}” is now 1 of 3.`).waitFor();
      await expect.poll(() => editor.itemTitles()).toEqual([listeningFirst, beingHeard, whatHelped]);
      // At the top, Move up is off, so focus moved to Move down of the same item.
      await expect
        .poll(() =>
          page.evaluate(() => [
            document.activeElement?.textContent,
            document.activeElement?.closest('[role="group"]')?.getAttribute('aria-label'),
          ]),
        )
        .toEqual(['Move down', `Actions for ${listeningFirst}`]);

      await editor.notes(beingHeard).fill('Pause after this one and check in with the group.');
      await editor.waitForSaved();

      // Remove with Undo puts the item back in its place.
      await editor.actions(whatHelped).getByRole('button', { name: 'Remove' }).click();
      await page.getByRole('status').getByText(`Removed “${whatHelped}” from the pack.`).waitFor();
      await expect.poll(() => editor.itemTitles()).toEqual([listeningFirst, beingHeard]);
      await page.getByRole('button', { name: 'Undo' }).click();
      await editor.item(whatHelped).waitFor();
      await expect.poll(() => editor.itemTitles()).toEqual([listeningFirst, beingHeard, whatHelped]);

      // The session plan: each warning once, with where it comes from, and the support services.
      const warnings = editor.sessionPlan.getByRole('list', { name: 'Content warnings' });
      expect(await warnings.getByRole('listitem').allTextContents()).toEqual([
        `Police custody — from “${listeningFirst}”`,
        `Describes grooming — from “${beingHeard}”, “${whatHelped}”`,
        `Self-harm — from “${beingHeard}”`,
      ]);
      const services = editor.sessionPlan.getByRole('list', { name: 'Support to signpost' });
      await services.getByText('Local exploitation support').waitFor();
      await services.getByText('help@example.org').waitFor();
      await checkScreen(page, 'Pack editor', 'editor');

      // All four formats download, each a real file of its kind.
      const downloads: { name: string; head: string }[] = [];
      page.on('download', (download) => {
        void download.path().then(async (file) => {
          const head = (await readFile(file)).subarray(0, 15).toString('latin1');
          downloads.push({ name: download.suggestedFilename(), head });
        });
      });
      const formats = [
        ['Word', '.docx', 'PK'],
        ['PDF', '.pdf', '%PDF-'],
        ['PowerPoint', '.pptx', 'PK'],
        ['HTML', '.html', '<!doctype html>'],
      ] as const;
      for (const [format, extension, magic] of formats) {
        await editor.exportButton(format).click();
        await expect
          .poll(() => editor.exportStatus.textContent(), { timeout: 30_000 })
          .toMatch(new RegExp(`^Downloaded .+\\${extension}$`));
        await expect
          .poll(() => downloads.find((file) => file.name.endsWith(extension))?.head.startsWith(magic))
          .toBe(true);
      }
      expect(downloads.map((file) => file.name)).toEqual(
        // The colon of the pack's name cannot be in a file name.
        formats.map(([, extension]) => `Week one listening – training pack${extension}`),
      );

      // The notes were saved with the pack.
      await shell.goTo('Training packs');
      const list = new PacksListPage(page);
      await list.row(packName).getByText('3 resources').waitFor();
      await checkScreen(page, 'Packs list', 'list');
      await list.packLink(packName).click();
      await editor.heading(packName).waitFor();
      expect(await editor.notes(beingHeard).inputValue()).toBe('Pause after this one and check in with the group.');

      // One resource is withdrawn and another has a new version, both published from elsewhere.
      await publish({ kind: 'withdrawal', record: await makeWithdrawal('being-heard', withdrawnAt) });
      await publish({
        kind: 'version',
        record: await version('listening-first', listeningFirst, ['social-care'], ['Police custody'], 2),
      });
      await syncNow(page, shell);

      await shell.goTo('Training packs');
      await list
        .row(packName)
        .getByText('A resource in this pack was withdrawn. Open the pack to remove it.')
        .waitFor();
      await checkScreen(page, 'Packs list, withdrawn', 'list-withdrawn');
      await list.packLink(packName).click();
      const withdrawnOn = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(
        withdrawnAt,
      );
      const sentence = `“${beingHeard}” was withdrawn on ${withdrawnOn}. Remove it before exporting.`;
      await editor.withdrawnAlert.getByText(sentence).waitFor();
      await editor.item(beingHeard).getByText(sentence).waitFor();
      for (const format of ['Word', 'PDF', 'PowerPoint', 'HTML'] as const) {
        const button = editor.exportButton(format);
        expect(await button.isDisabled()).toBe(true);
        const reasonId = (await button.getAttribute('aria-describedby')) ?? '';
        expect(await page.locator(`[id="${reasonId}"]`).textContent()).toBe(
          `Export is off: “${beingHeard}” was withdrawn. Remove it from the pack first.`,
        );
      }

      // A newer version is offered, never taken on its own.
      const listening = editor.item(listeningFirst);
      await listening.getByText('Version 2 is in the library. This pack keeps version 1 until you choose.').waitFor();
      await checkScreen(page, 'Pack editor, withdrawn', 'withdrawn');
      await listening.getByRole('button', { name: `Use version 2 of “${listeningFirst}”` }).click();
      await listening.getByText('Version 2', { exact: true }).waitFor();

      await editor.actions(beingHeard).getByRole('button', { name: 'Remove' }).click();
      await editor.withdrawnAlert.waitFor({ state: 'detached' });
      await expect.poll(() => editor.itemTitles()).toEqual([listeningFirst, whatHelped]);
      expect(await editor.exportButton('HTML').isEnabled()).toBe(true);
      expect(await editor.exportButton('HTML').getAttribute('aria-describedby')).toBeNull();
      await editor.exportButton('HTML').click();
      await expect.poll(() => editor.exportStatus.textContent()).toMatch(/^Downloaded .+\.html$/);
    },
  );

  it('keeps the New pack buttons in view in a narrow or zoomed window', async () => {
    const page = await browser.context.newPage();
    const shell = new ShellPage(page);
    await shell.open(host.url);
    await shell.goTo('Training packs');
    const list = new PacksListPage(page);
    await list.newPack.click();
    const dialog = page.getByRole('dialog', { name: 'New training pack' });
    // 860 pixels wide, then what a 1280×800 window shows at 200 % zoom.
    for (const size of [
      { width: 860, height: 800 },
      { width: 640, height: 400 },
    ]) {
      await page.setViewportSize(size);
      for (const name of ['Cancel', 'Create pack']) {
        const button = dialog.getByRole('button', { name });
        const box = await button.boundingBox();
        expect(box, `${name} at ${size.width}×${size.height}`).not.toBeNull();
        if (box === null) continue;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(size.width);
        expect(box.y + box.height).toBeLessThanOrEqual(size.height);
        // Nothing covers it: the button itself is what a click there reaches.
        const reached = await page.evaluate(
          ({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.textContent ?? null,
          { x: box.x + box.width / 2, y: box.y + box.height / 2 },
        );
        expect(reached).toBe(name);
      }
      await page.screenshot({ path: path.join(screenshots, `packs-new-pack-${size.width}x${size.height}.png`) });
    }
    await dialog.getByRole('button', { name: 'Create pack' }).click();
    await dialog.getByRole('alert').first().waitFor();
    await page.close();
  });

  it('turns the export buttons off while an export runs, so a second click starts no second export', async () => {
    const { page, editor } = await packHolding('One at a time', [whatHelped]);

    // The first export is held at the host until the second click has been tried.
    let exports = 0;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/call/export.create', async (route) => {
      exports += 1;
      await held;
      await route.continue();
    });
    const html = editor.exportButton('HTML');
    await html.click();
    await editor.exportStatus.getByText('Making the HTML file…', { exact: false }).waitFor();
    await expect.poll(() => exports).toBe(1);
    for (const format of ['HTML', 'PDF', 'Word', 'PowerPoint'] as const) {
      expect(await editor.exportButton(format).getAttribute('aria-disabled')).toBe('true');
    }
    await expect(html.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    // Forced, as a person's click is: Playwright itself waits for an aria-disabled button to be enabled.
    await html.click({ force: true });
    await editor.exportButton('PDF').click({ force: true });
    release();
    await expect.poll(() => editor.exportStatus.textContent()).toMatch(/^Downloaded .+\.html$/);
    expect(exports).toBe(1);
    expect(await html.getAttribute('aria-disabled')).toBeNull();
    await page.close();
  });

  it('asks how a pack made before packs had a use will be used, and holds its resources to the answer', async () => {
    const { page, editor } = await packHolding('From last year', [whatHelped]);
    await expect.poll(() => editor.itemTitles()).toEqual([whatHelped]);

    // As Chorus stored packs before it asked how they would be used: no use at all.
    const packs = appStore(page, 'packs');
    const pack = (await packs.getAll()).find((each) => each.name === 'From last year');
    if (pack === undefined) throw new Error('no pack');
    delete pack.purpose;
    await packs.put(pack);
    await page.reload();
    await editor.heading('From last year').waitFor();

    const chooser = page.getByRole('region', { name: 'How will this pack be used?' });
    await chooser.waitFor();
    const reason = async () =>
      page
        .locator(`[id="${(await editor.exportButton('Word').getAttribute('aria-describedby')) ?? ''}"]`)
        .textContent();
    await expect.poll(() => editor.exportButton('Word').isDisabled()).toBe(true);
    await expect.poll(reason).toBe('Export is off: choose how this pack will be used first.');
    await chooser.getByRole('button', { name: 'Save the use' }).click();
    await chooser.getByRole('alert').getByText('Choose how the pack will be used.').waitFor();
    await checkScreen(page, 'Pack editor, no use yet', 'no-use');

    // "What helped" was agreed for training sessions only, so it cannot stay in a pack of handouts.
    await chooser.getByRole('radio', { name: 'Printed or written training materials' }).check();
    await chooser.getByRole('button', { name: 'Save the use' }).click();
    await chooser.waitFor({ state: 'detached' });
    await editor.heading('From last year').waitFor();
    await page
      .getByText('For Social care, in printed or written training materials · 1 resource', { exact: false })
      .waitFor();
    await editor
      .item(whatHelped)
      .getByText(
        'Not agreed for this use. The person who shared it did not agree to its use for Social care, in printed or written training materials. Remove it before exporting.',
      )
      .waitFor();
    await expect.poll(() => editor.exportButton('PDF').isDisabled()).toBe(true);
    await expect
      .poll(reason)
      .toBe(
        `Export is off: the consent for “${whatHelped}” does not cover how this pack will be used. Remove it from the pack first.`,
      );
    await checkScreen(page, 'Pack editor, not agreed for this use', 'not-agreed');

    // Only what was agreed for handouts is offered now.
    const dialog = await editor.openAddDialog();
    const offered = dialog.getByRole('list', { name: 'Resources you can add' });
    await expect.poll(() => offered.getByRole('heading', { level: 3 }).allTextContents()).toEqual([handoutOnly]);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await editor.actions(whatHelped).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => editor.itemTitles()).toEqual([]);
    await editor.addResources([handoutOnly]);
    await expect.poll(() => editor.exportButton('HTML').isEnabled()).toBe(true);
    await page.close();
  });
});
