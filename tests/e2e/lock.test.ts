import AxeBuilder from '@axe-core/playwright';
import { lstat, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  launchChromium,
  removeProfileDir,
  spawnChromium,
  type ChromiumProfile,
  type SpawnedChromium,
} from '../helpers/chromium';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { DraftEditorPage, DraftsListPage } from './pages/drafts-page';
import { LockPage } from './pages/lock-page';
import { ProfilesPage } from './pages/review-page';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const passphrase = 'otter kettle meadow';

let host: TestWebHost;
let profileDirs: string[] = [];

// Each test has its own web host (and its own browser profiles), so each can run alone and in any order.
beforeEach(async () => {
  host = await startTestWebHost();
  profileDirs = [];
});

afterEach(async () => {
  await host.close();
  await Promise.all(profileDirs.map(removeProfileDir));
});

async function freshProfileDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chorus-lock-'));
  profileDirs.push(dir);
  return dir;
}

/** A phrase no file could hold by chance. */
function uniquePhrase(): string {
  return `quokka ${crypto.randomUUID().slice(0, 8)} whispering lighthouse`;
}

/** Files of a profile directory holding the phrase as UTF-8 or UTF-16 (both byte orders). */
async function filesContaining(dir: string, phrase: string): Promise<string[]> {
  const needles = [
    Buffer.from(phrase, 'utf8'),
    Buffer.from(phrase, 'utf16le'),
    Buffer.from(phrase, 'utf16le').swap16(),
  ];
  const hits: string[] = [];
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder)) {
      const file = path.join(folder, entry);
      const stat = await lstat(file);
      if (stat.isDirectory()) await walk(file);
      else if (stat.isFile()) {
        const bytes = await readFile(file);
        if (needles.some((needle) => bytes.includes(needle))) hits.push(path.relative(dir, file));
      }
    }
  };
  await walk(dir);
  return hits;
}

async function openApp(profile: ChromiumProfile): Promise<Page> {
  profile.allowOrigin(host.origin);
  const page = await profile.context.newPage();
  await page.goto(host.url);
  return page;
}

/** Writes a draft with the phrase in its title and text, and waits for "Saved". */
async function writeDraft(page: Page, phrase: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drafts' }).click();
  await new DraftsListPage(page).newDraft.click();
  const editor = new DraftEditorPage(page);
  await editor.title.fill(`Title ${phrase}`);
  await editor.typeInEditor(`In my words: ${phrase}.`);
  await editor.waitForSaved();
}

describe('the app lock in Chromium', () => {
  it('leaves no trace of what was typed in the browser profile when the lock is on', async () => {
    // Control: without the lock the same search finds the phrase, so the search has teeth.
    const openDir = await freshProfileDir();
    const open = await launchChromium({ userDataDir: openDir });
    const control = uniquePhrase();
    await writeDraft(await openApp(open), control);
    expect(open.foreignRequests()).toEqual([]);
    await open.close();
    expect(await filesContaining(openDir, control)).not.toEqual([]);

    const lockedDir = await freshProfileDir();
    const profile = await launchChromium({ userDataDir: lockedDir });
    const page = await openApp(profile);
    const lock = new LockPage(page);
    await lock.turnOn(passphrase);
    const secret = uniquePhrase();
    await writeDraft(page, secret);
    expect(profile.foreignRequests()).toEqual([]);
    await profile.close();
    expect(await filesContaining(lockedDir, secret)).toEqual([]);
    expect(await filesContaining(lockedDir, passphrase)).toEqual([]);

    // And it is all there after unlocking in a new start.
    const again = await launchChromium({ userDataDir: lockedDir });
    const reopened = await openApp(again);
    const unlock = new LockPage(reopened);
    await unlock.unlockHeading.waitFor();
    await unlock.unlock(passphrase);
    await new DraftsListPage(reopened).draftLink(`Title ${secret}`).click();
    await new DraftEditorPage(reopened).editor.getByText(secret, { exact: false }).waitFor();
    await again.close();
  });

  it('turns on after profiles were added, and takes new profiles after', async () => {
    const profile = await launchChromium();
    const page = await openApp(profile);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const profiles = new ProfilesPage(page);
    await profiles.add('Robin Example', 'Consultee (lived experience)');
    await profiles.add('Sam Example', 'Facilitator');
    const lock = new LockPage(page);
    await lock.turnOn(passphrase);
    await expect(page.getByText('Something went wrong').count()).resolves.toBe(0);
    await profiles.add('Alex Example', 'Trainer');
    await profiles.switchTo('Alex Example');
    // A trainer is offered only the areas a trainer uses; an address in another one opens the Library instead.
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Drafts' }).waitFor({ state: 'detached' });
    await expect(nav.getByRole('link', { name: 'Review' }).count()).resolves.toBe(0);
    await page.evaluate(() => {
      window.location.hash = '#/drafts';
    });
    await expect.poll(() => page.url()).toMatch(/#\/library$/);
    await nav.getByRole('link', { name: 'Settings' }).click();
    await lock.lockNow();
    await lock.unlock(passphrase);
    await page.getByRole('list', { name: 'Profiles' }).getByText('Sam Example', { exact: true }).waitFor();
    await expect(page.getByRole('combobox', { name: 'Using Chorus as' }).inputValue()).resolves.not.toBe('');
    await expect(page.getByText('Something went wrong').count()).resolves.toBe(0);
    expect(profile.foreignRequests()).toEqual([]);
    await profile.close();
  });

  it('says a wrong passphrase is wrong, slows repeated tries, locks on request, on sleep and after the quick exit', async () => {
    const profile = await launchChromium();
    const page = await openApp(profile);
    const lock = new LockPage(page);
    await lock.turnOn(passphrase);
    await writeDraft(page, 'kept words');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await lock.lockNow();
    expect(await page.title()).toBe('Chorus');
    expect(await page.locator('body').innerText()).not.toContain('kept words');
    const axe = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(axe.violations.map((violation) => violation.id)).toEqual([]);

    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await lock.unlock('not my passphrase');
      await page
        .getByRole('alert')
        .getByText(/That passphrase is not right/)
        .waitFor();
    }
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Wait 1 second');
    await lock.waitUntilUnlockAllowed();
    await lock.unlock(passphrase);
    await lock.section.waitFor();

    // The computer going to sleep (the host's power event) locks it.
    host.events.emit('privacy.lock', { reason: 'suspend' });
    await page.getByText('Chorus locked itself when the computer went to sleep.').waitFor();
    await lock.unlock(passphrase);
    await lock.section.waitFor();

    // The quick exit locks too: starting again asks for the passphrase.
    await page.getByRole('button', { name: 'Quick exit' }).click();
    await page.getByRole('button', { name: 'Start again' }).click();
    await lock.unlockHeading.waitFor();
    expect(profile.foreignRequests()).toEqual([]);
    await profile.close();
  });

  it('locks by itself after the chosen time without use', async () => {
    const profile = await launchChromium();
    profile.allowOrigin(host.origin);
    const page = await profile.context.newPage();
    await page.clock.install();
    await page.goto(host.url);
    const lock = new LockPage(page);
    await lock.turnOn(passphrase);
    await lock.section.getByLabel('Lock by itself after').selectOption('1');
    // Reopening Settings starts the idle timer with the new time.
    await lock.lockNow();
    await lock.unlock(passphrase);
    await lock.section.waitFor();
    await page.clock.fastForward('00:50');
    await expect(lock.unlockHeading.isVisible()).resolves.toBe(false);
    await page.clock.fastForward('00:15');
    await page.getByText('Chorus locked itself because it was not used for a while.').waitFor();
    expect(profile.foreignRequests()).toEqual([]);
    await profile.close();
  });

  it('loses nothing when Chromium is killed while the lock is being turned on', async () => {
    const dir = await freshProfileDir();
    let chromium: SpawnedChromium = await spawnChromium(dir);
    const start = async () => {
      chromium.allowOrigin(host.origin);
      const context = chromium.browser.contexts()[0] ?? (await chromium.browser.newContext());
      const page = await context.newPage();
      await page.goto(host.url);
      return page;
    };
    let page = await start();
    await new DraftsListPage(page).newDraft.waitFor();
    const count = 300;
    await seedDrafts(page, count);
    await page.reload();
    await new DraftsListPage(page).draftLink('Seeded draft 7').waitFor();

    await new LockPage(page).startTurningOn(passphrase);
    // Killed part way: some records sealed, others not yet.
    await page.waitForFunction(() => {
      const match = /^(\d+) of (\d+) records$/.exec(
        document.querySelector('.lock-screen [role="status"]')?.textContent ?? '',
      );
      return match !== null && Number(match[1]) >= 50 && Number(match[1]) < Number(match[2]) - 100;
    });
    await chromium.crash();

    chromium = await spawnChromium(dir);
    page = await start();
    const again = new LockPage(page);
    await again.unlockHeading.waitFor();
    await again.unlock(passphrase);
    await page.getByRole('heading', { level: 1, name: 'Drafts' }).waitFor({ timeout: 60_000 });
    const list = new DraftsListPage(page);
    // The newest draft first; the list is read once the app is back.
    await list.draftLink('Seeded draft 0').waitFor({ timeout: 60_000 });
    // The first 20 rows are drawn at once and the rest of the first hundred at the next idle moment.
    await expect.poll(() => list.list.getByRole('link').count()).toBe(100);
    await page.getByText('300 drafts', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Show 100 more' }).click();
    await page.getByRole('button', { name: 'Show 100 more' }).waitFor();
    await expect.poll(() => list.list.getByRole('link').count()).toBe(200);
    // The oldest, sealed last (or not before the crash), is there whole.
    await list.search.fill('Seeded draft 299');
    await list.draftLink('Seeded draft 299').click();
    await new DraftEditorPage(page).editor.getByText('Seeded words 299 ', { exact: false }).waitFor();
    expect(chromium.foreignRequests()).toEqual([]);
    await chromium.close();
  });
});

/** Writes drafts straight into the app's IndexedDB, as earlier use of the app would have. */
async function seedDrafts(page: Page, count: number): Promise<void> {
  await page.evaluate(async (total) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('chorus');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    });
    const transaction = db.transaction(['resources', 'documents'], 'readwrite');
    const now = Date.now();
    for (let index = 0; index < total; index += 1) {
      const id = `seeded-${String(index).padStart(4, '0')}`;
      const text = `Seeded words ${index} ${'and more of the story, '.repeat(2000)}`;
      transaction.objectStore('resources').put({
        id,
        title: `Seeded draft ${index}`,
        summary: '',
        audiences: [],
        topics: [],
        contentWarnings: [],
        reviewBy: '',
        status: 'draft',
        version: 1,
        wordCount: 10_000,
        createdAt: now - index,
        updatedAt: now - index,
        inTrash: 0,
        trashedAt: 0,
      });
      transaction.objectStore('documents').put({
        resourceId: id,
        doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
        text,
        updatedAt: now - index,
      });
    }
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error ?? new Error('the seeding transaction failed'));
    });
    db.close();
  }, count);
}
