// Takes a screenshot of every main screen in browser mode, for looking at what we build and for
// comparing two builds pixel by pixel (scripts/compare-screenshots.ts):
//   npm run build && node --import tsx scripts/screenshot.ts [out-dir]
// Each screen is taken in the light and the dark scheme, at 1280x800 and at 640x400 (what a person
// sees at 200% zoom), with the page's clock fixed so that dates and times read the same every run.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium } from '../tests/helpers/chromium';
import { makeService, tempDir } from '../tests/helpers/repository';
import { startTestWebHost } from '../tests/helpers/web-host';
import { libraryVersion } from '../tests/unit/features/library-fixtures';

const outDir = path.resolve(process.argv[2] ?? 'test-results/screenshots');
const fixedNow = new Date(Date.UTC(2026, 2, 2, 10));
const sizes = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: 'zoom200', width: 640, height: 400 },
] as const;

/** A shared folder with two approved resources, one with a content warning. */
async function seedRepository(folder: string): Promise<void> {
  const publisher = await makeService();
  await publisher.service.configure({ kind: 'folder', path: folder });
  const versions = await Promise.all([
    libraryVersion('res-trust', {
      title: 'Learning to trust again',
      summary: 'What it took before I could talk to anyone.',
      text: ['The lighthouse was where we used to go.', 'Nobody asked me why I was there at night.'],
      topics: ['Trust'],
      warnings: ['Describes grooming'],
      consented: ['social-care', 'police'],
      reviewBy: '2099-12-31',
      at: Date.UTC(2026, 0, 15, 12),
    }),
    libraryVersion('res-taxi', {
      title: 'The taxi rank',
      summary: 'A driver who noticed.',
      text: 'A driver asked if I was alright, and waited for the answer.',
      topics: ['Night-time economy'],
      consented: ['social-care', 'licensing-night-time-economy'],
      reviewBy: '2020-01-31',
      at: Date.UTC(2026, 0, 20, 12),
    }),
  ]);
  for (const record of versions) {
    const published = await publisher.service.publish({ kind: 'version', record });
    if (!published.ok) throw new Error(`Could not seed the repository: ${published.problem.message}`);
  }
  await rm(publisher.dataDir, { recursive: true, force: true });
}

/**
 * A dialog or a notice is fixed to the window, so it is taken as the window shows it: in a full-page
 * screenshot the window grows while it is taken, and where a fixed element lands depends on timing.
 */
async function shoot(page: Page, name: string, options: { fullPage: boolean } = { fullPage: true }): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      // Two frames, so that the page is laid out and painted at the new size before it is taken.
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))),
      );
      const file = path.join(outDir, `${name}-${colorScheme}-${size.name}.png`);
      await page.screenshot({ path: file, fullPage: options.fullPage, animations: 'disabled', caret: 'hide' });
      await writeFile(file.replace(/\.png$/, '.styles.txt'), await computedStyles(page));
      console.log(file);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: sizes[0].width, height: sizes[0].height });
}

/**
 * One line per element (and its ::before and ::after), its place in the page and a hash of every
 * computed property but the custom ones, so that two builds can be compared beyond what a
 * screenshot shows (compare-screenshots.ts reads these too).
 */
function computedStyles(page: Page): Promise<string> {
  return page.evaluate(() => {
    const lines: string[] = [];
    for (const element of [document.documentElement, document.body, ...document.body.querySelectorAll('*')]) {
      let place = '';
      for (let node: Element | null = element; node !== null; node = node.parentElement) {
        const index = node.parentElement === null ? 0 : [...node.parentElement.children].indexOf(node);
        place = `/${node.tagName.toLowerCase()}[${index}]${place}`;
      }
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        let hash = 0x811c9dc5;
        for (let i = 0; i < style.length; i += 1) {
          const name = style.item(i);
          if (name.startsWith('--')) continue;
          const text = `${name}:${style.getPropertyValue(name)};`;
          for (let j = 0; j < text.length; j += 1) hash = Math.imul(hash ^ text.charCodeAt(j), 0x01000193) >>> 0;
        }
        lines.push(`${place}${pseudo ?? ''} ${element.getAttribute('class') ?? ''} ${hash.toString(16)}`);
      }
    }
    return `${lines.join('\n')}\n`;
  });
}

/** The shared folder is a new temporary folder each run (and React puts its path back on every render). */
async function showSamePath(input: Locator): Promise<void> {
  await input.evaluate((element) => ((element as HTMLInputElement).value = '/srv/chorus/shared'));
}

async function goTo(page: Page, area: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: area, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: area, exact: true }).waitFor();
}

async function waitForSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => /^Saved \d/.test(document.querySelector('.save-status')?.textContent ?? ''));
}

await mkdir(outDir, { recursive: true });
const folder = await tempDir('screenshot-folder');
const [host, browser] = await Promise.all([startTestWebHost(), launchChromium(), seedRepository(folder)]);
try {
  browser.allowOrigin(host.origin);
  await browser.context.clock.setFixedTime(fixedNow);
  const page = await browser.context.newPage();
  await page.goto(host.url);
  await page.getByRole('heading', { level: 1, name: 'Drafts' }).waitFor();
  await shoot(page, 'drafts-empty');

  await page.getByRole('link', { name: 'Set up who is using Chorus' }).click();
  const people = page.getByRole('region', { name: 'People using this device' });
  for (const [name, role] of [
    ['Alex', 'Consultee (lived experience)'],
    ['Sam', 'Facilitator'],
  ] as const) {
    await people.getByRole('textbox', { name: 'Name' }).fill(name);
    await people.getByRole('radio', { name: role }).check();
    await people.getByRole('button', { name: 'Add profile' }).click();
    await people.getByRole('list', { name: 'Profiles' }).getByText(name, { exact: true }).waitFor();
  }

  await goTo(page, 'Drafts');
  await page.getByRole('button', { name: 'New draft' }).click();
  await page.getByRole('textbox', { name: 'Title' }).fill('My story');
  const editor = page.getByRole('textbox', { name: 'Draft text' });
  await editor.click();
  await page.keyboard.type('Nobody asked me why. Call me on 07700 900123 if you want to talk.');
  await waitForSaved(page);
  // The reading age is worked out after a pause: wait for its answer, too few words for one.
  await page.getByRole('region', { name: 'Writing aids' }).getByText('Write a little more to see this').waitFor();
  await editor.evaluate((element) => (element as HTMLElement).blur());
  await shoot(page, 'draft-editor');

  await goTo(page, 'Drafts');
  await page.getByRole('list', { name: 'Drafts' }).getByRole('link', { name: 'My story' }).waitFor();
  await shoot(page, 'drafts-list');

  await goTo(page, 'Review');
  await page.getByRole('link', { name: 'My story' }).click();
  await page.getByRole('heading', { level: 1, name: 'My story' }).waitFor();
  await page.getByRole('button', { name: 'Send for review' }).click();
  await page.getByRole('heading', { name: /^In review/ }).waitFor();
  const profile = page.getByRole('combobox', { name: 'Using Chorus as' });
  const sam = await profile.locator('option', { hasText: 'Sam' }).getAttribute('value');
  await profile.selectOption(sam ?? '');
  await page.getByRole('list', { name: 'Findings to resolve' }).getByText('07700 900123').waitFor();
  await page.getByRole('group', { name: /Safeguarding checklist/ }).waitFor();
  await shoot(page, 'review-sign-off');

  await goTo(page, 'Review');
  await shoot(page, 'review-list');

  await goTo(page, 'Sync');
  const repository = page.getByRole('region', { name: 'Shared repository' });
  await repository.getByRole('radio', { name: 'Shared folder' }).check();
  await repository.getByRole('textbox', { name: 'Folder path' }).fill(folder);
  await repository.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('status').getByText('Settings saved. Chorus is syncing now.').waitFor();
  await page.getByRole('link', { name: 'Sync status: Up to date' }).waitFor();
  await page.getByText('Last synced 10:00').waitFor();
  await showSamePath(repository.getByRole('textbox', { name: 'Folder path' }));
  await shoot(page, 'sync');

  await goTo(page, 'Library');
  const library = page.getByRole('list', { name: 'Approved resources' });
  await library.getByRole('link', { name: 'The taxi rank', exact: true }).waitFor();
  await library.getByRole('link', { name: 'Learning to trust again', exact: true }).waitFor();
  await shoot(page, 'library');
  await library.getByRole('link', { name: 'Learning to trust again', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: /^Content warnings?$/ }).waitFor();
  await shoot(page, 'library-warnings');
  await page.getByRole('button', { name: 'Show the resource' }).click();
  await page.getByRole('heading', { level: 1, name: 'Learning to trust again' }).waitFor();
  await shoot(page, 'library-resource');

  await goTo(page, 'Training packs');
  await page.getByRole('button', { name: 'New pack' }).click();
  const newPack = page.getByRole('dialog', { name: 'New training pack' });
  await newPack.getByRole('textbox', { name: 'Name' }).fill('Night-time economy briefing');
  await newPack.getByRole('radio', { name: 'Social care', exact: true }).check();
  await newPack.getByRole('radio', { name: 'Training sessions led by a trainer', exact: true }).check();
  await shoot(page, 'pack-new-dialog', { fullPage: false });
  await newPack.getByRole('button', { name: 'Create pack' }).click();
  await page.getByRole('heading', { level: 1, name: 'Night-time economy briefing' }).waitFor();
  await page.getByRole('button', { name: 'Add resource' }).click();
  const add = page.getByRole('dialog', { name: 'Add resources' });
  for (const title of ['Learning to trust again', 'The taxi rank']) {
    await add.getByRole('button', { name: `Add “${title}”` }).click();
    await add.getByRole('status').getByText(`Added “${title}” to the pack.`).waitFor();
  }
  await add.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('list', { name: 'Resources in this pack' }).getByRole('listitem').nth(1).waitFor();
  await add.waitFor({ state: 'detached' });
  await shoot(page, 'pack');
  await goTo(page, 'Training packs');
  await page
    .getByRole('list', { name: 'Training packs' })
    .getByRole('link', { name: 'Night-time economy briefing', exact: true })
    .waitFor();
  await shoot(page, 'packs-list');

  await goTo(page, 'Settings');
  await page.getByText('Version', { exact: true }).waitFor();
  // The data folder is a new temporary folder each run: show the same words in its place.
  await page
    .getByRole('region', { name: 'About this app' })
    .getByRole('term')
    .filter({ hasText: /^Data folder$/ })
    .locator('xpath=following-sibling::dd[1]')
    .evaluate((element) => (element.textContent = '/tmp/chorus-data'));
  await shoot(page, 'settings');

  const lock = page.getByRole('region', { name: 'App lock and privacy' });
  await lock.getByRole('button', { name: 'Turn on the lock' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('New passphrase', { exact: true }).fill('correct horse battery staple');
  await dialog.getByLabel('New passphrase again').fill('correct horse battery staple');
  await dialog.getByRole('button', { name: 'Turn on and encrypt' }).click();
  await lock.getByRole('button', { name: 'Lock now' }).waitFor({ timeout: 120_000 });
  await lock.getByRole('button', { name: 'Lock now' }).click();
  await page.getByRole('heading', { level: 1, name: 'Unlock Chorus' }).waitFor();
  await shoot(page, 'lock-screen');
} finally {
  await browser.close();
  await host.close();
  await rm(folder, { recursive: true, force: true });
}
