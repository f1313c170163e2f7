import AxeBuilder from '@axe-core/playwright';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumProfile } from '../helpers/chromium';
import { nativeGit, startTestGitRemote, tempDir, type TestGitRemote } from '../helpers/repository';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { DraftEditorPage, DraftsListPage } from './pages/drafts-page';
import { ProfilesPage } from './pages/review-page';
import { ShellPage } from './pages/shell-page';
import { SyncPage, syncStatusLine } from './pages/sync-page';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const title = 'What helped me trust again';
const approvedText = 'Nobody asked me why. I wish someone had listened first.';
/** Words that must never reach the repository: a comment, a later draft and the consultee's profile name. */
const consulteeProfile = 'Zephyrine';
const commentText = 'Shall we soften the second sentence?';
const laterDraftText = ' These later words were never approved.';

let remote: TestGitRemote;
let firstHost: TestWebHost;
let secondHost: TestWebHost;
let browser: ChromiumProfile;
let clone: string | null = null;

beforeAll(async () => {
  [remote, firstHost, secondHost, browser] = await Promise.all([
    startTestGitRemote(),
    startTestWebHost(),
    startTestWebHost(),
    launchChromium(),
  ]);
  // Only the web hosts: the repository is reached by the host's Node side, never by the browser.
  browser.allowOrigin(firstHost.origin);
  browser.allowOrigin(secondHost.origin);
});

afterAll(async () => {
  await browser.close();
  await Promise.all([firstHost.close(), secondHost.close(), remote.close()]);
  if (clone !== null) await rm(clone, { recursive: true, force: true });
  // Every request the browser made went to the app; anything else was refused and listed here.
  expect(browser.foreignRequests()).toEqual([]);
});

/** Runs axe in the light and the dark theme. */
async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    const violations = results.violations.map((each) => `${where} (${colorScheme}): ${each.id} (${each.nodes.length})`);
    expect(violations).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** A consultee and a facilitator co-produce one resource on this device; returns its id. */
async function approveOneResource(page: Page): Promise<string> {
  const shell = new ShellPage(page);
  await page.getByRole('link', { name: 'Set up who is using Chorus' }).click();
  const profiles = new ProfilesPage(page);
  await profiles.add(consulteeProfile, 'Consultee (lived experience)');
  await profiles.add('Sam', 'Facilitator');

  await shell.goTo('Drafts');
  await new DraftsListPage(page).newDraft.click();
  const editor = new DraftEditorPage(page);
  await editor.title.fill(title);
  await editor.typeInEditor(approvedText);
  await editor.waitForSaved();

  await shell.goTo('Review');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const resourceId = /#\/review\/([A-Za-z0-9_-]+)/.exec(page.url())?.[1] ?? '';
  await page.getByRole('button', { name: 'Send for review' }).click();
  await page.getByRole('heading', { name: /^In review/ }).waitFor();

  // The facilitator comments on the draft; the comment stays on this device.
  await profiles.switchTo('Sam');
  await page.getByRole('link', { name: 'Edit the draft' }).click();
  await editor.editor.getByText('Nobody asked me why.', { exact: false }).waitFor();
  await editor.editor.click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
  await page.getByRole('button', { name: 'Comment on the selected words' }).click();
  const commentDialog = page.getByRole('dialog', { name: 'Add a comment' });
  await commentDialog.getByRole('textbox', { name: 'Comment' }).fill(commentText);
  await commentDialog.getByRole('button', { name: 'Add comment' }).click();
  await page.getByRole('list', { name: 'Comment threads' }).getByText(commentText).waitFor();
  await editor.waitForSaved();

  await shell.goTo('Review');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const checklist = page.getByRole('group', { name: /Safeguarding checklist/ });
  await checklist.waitFor();
  for (const box of await checklist.getByRole('checkbox').all()) await box.check();
  // The comment above is still open: each sign-off asks that it be set aside on purpose.
  await page.getByRole('checkbox', { name: 'Sign off with the open comments as they are' }).check();
  await page.getByRole('button', { name: 'Sign off this version' }).click();
  await page.getByText(/Facilitator signed the checklist, .*, for this exact version\./).waitFor();

  await profiles.switchTo(consulteeProfile);
  await page.getByRole('checkbox', { name: 'Police' }).check();
  await page.getByRole('radio', { name: 'A name I choose (not my real name)' }).check();
  await page.getByRole('textbox', { name: 'Credit as' }).fill('Robin');
  await page.getByRole('checkbox', { name: 'Sign off with the open comments as they are' }).check();
  await page.getByRole('button', { name: 'I agree, and sign off this version' }).click();
  await page.getByRole('heading', { name: /^Approved · version 1/ }).waitFor();
  return resourceId;
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('.git/'));
}

describe('sync through a real git server', () => {
  it('shares an approved version, never anything else, and a second device pulls it into its library', async () => {
    const page = await browser.context.newPage();
    const shell = new ShellPage(page);
    const sync = new SyncPage(page);
    await shell.open(firstHost.url);
    await syncStatusLine(page, 'Sync not set up').waitFor();

    await shell.goTo('Sync');
    await sync.outbox.getByText('Nothing waiting.', { exact: false }).waitFor();
    await expectNoAxeViolations(page, 'Sync, not set up');
    await sync.configureGit({ url: remote.server.url, username: remote.server.username, token: remote.server.token });
    expect(await sync.token.inputValue()).toBe('');
    await sync.settings.getByText('A token is stored. Leave this empty to keep it', { exact: false }).waitFor();
    expect(await sync.testConnection(/^Connected to /)).toContain(remote.server.url);
    expect(await page.content()).not.toContain(remote.server.token);

    const resourceId = await approveOneResource(page);

    // The approval is published, then pulled back into this device's library.
    await shell.goTo('Library');
    const library = page.getByRole('list', { name: 'Approved resources' });
    await library.getByRole('heading', { name: title }).waitFor();
    await library.getByText('Written under the name Robin').waitFor();
    await syncStatusLine(page, 'Up to date').waitFor();
    await expectNoAxeViolations(page, 'Library');

    await shell.goTo('Sync');
    await page.getByRole('heading', { level: 2, name: 'Up to date' }).waitFor();
    await sync.outbox.getByText('Nothing waiting.', { exact: false }).waitFor();
    await page.getByText(/^Last synced \d\d:\d\d$/).waitFor();
    await expectNoAxeViolations(page, 'Sync, up to date');

    // Words typed after approval stay in the draft on this device.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: 'Start a new version' }).click();
    await page.getByRole('button', { name: 'Send for review' }).waitFor();
    await shell.goTo('Drafts');
    await new DraftsListPage(page).draftLink(title).click();
    const editor = new DraftEditorPage(page);
    await editor.typeInEditor(laterDraftText);
    await editor.waitForSaved();
    await shell.goTo('Sync');
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('button', { name: 'Sync now', disabled: false }).waitFor();
    await syncStatusLine(page, 'Up to date').waitFor();

    clone = await tempDir('sync-clone');
    await nativeGit(['clone', '--quiet', remote.authenticatedUrl, clone]);
    const files = await filesUnder(clone);
    const versionFile = new RegExp(`^resources/${resourceId}/versions/0001-[0-9a-f]{12}\\.(json|html)$`);
    expect(files.filter((file) => versionFile.test(file)).map((file) => path.extname(file))).toEqual(
      expect.arrayContaining(['.json', '.html']),
    );
    const everything = [
      ...(await Promise.all(files.map((file) => readFile(path.join(clone ?? '', file), 'utf8')))),
      (await nativeGit(['log', '--all', '--format=%an %ae %s %b'], clone)).stdout,
    ].join('\n');
    expect(everything).toContain('Nobody asked me why.');
    for (const secret of [consulteeProfile, commentText, laterDraftText.trim(), remote.server.token]) {
      expect(everything).not.toContain(secret);
    }

    // A second device with its own database and settings pulls the same library.
    const second = await browser.context.newPage();
    const secondShell = new ShellPage(second);
    await secondShell.open(secondHost.url);
    await syncStatusLine(second, 'Sync not set up').waitFor();
    await secondShell.goTo('Library');
    await second.getByRole('heading', { name: 'No approved resources yet' }).waitFor();
    await secondShell.goTo('Sync');
    await new SyncPage(second).configureGit({
      url: remote.server.url,
      username: remote.server.username,
      token: remote.server.token,
    });
    await secondShell.goTo('Library');
    const secondLibrary = second.getByRole('list', { name: 'Approved resources' });
    await secondLibrary.getByRole('heading', { name: title }).waitFor();
    await secondLibrary.getByText('Written under the name Robin').waitFor();
    await syncStatusLine(second, 'Up to date').waitFor();
  });
});
