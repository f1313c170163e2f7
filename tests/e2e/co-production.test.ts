import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type ChromiumProfile } from '../helpers/chromium';
import { tinyPng } from '../helpers/editor';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { DraftEditorPage, DraftsListPage } from './pages/drafts-page';
import { ProfilesPage, ReviewResourcePage } from './pages/review-page';
import { ShellPage } from './pages/shell-page';

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let host: TestWebHost;
let browser: ChromiumProfile;
let page: Page;

beforeAll(async () => {
  host = await startTestWebHost();
  browser = await launchChromium();
  browser.allowOrigin(host.origin);
  page = await browser.context.newPage();
});

afterAll(async () => {
  await browser.close();
  await host.close();
  // Every request the browser made went to the app; anything else was refused and listed here.
  expect(browser.foreignRequests()).toEqual([]);
});

describe('co-production on one device with two profiles', () => {
  it('reviews, refuses sign-off with an open finding, resolves it, signs off on both sides and withdraws', async () => {
    const shell = new ShellPage(page);
    await shell.open(host.url);
    await page.getByRole('link', { name: 'Set up who is using Chorus' }).click();
    const profiles = new ProfilesPage(page);
    await profiles.add('Alex', 'Consultee (lived experience)');
    await profiles.add('Sam', 'Facilitator');
    expect(await page.getByRole('combobox', { name: 'Using Chorus as' }).inputValue()).not.toBe('');

    await shell.goTo('Drafts');
    await new DraftsListPage(page).newDraft.click();
    const editor = new DraftEditorPage(page);
    await editor.title.fill('My story');
    await editor.typeInEditor('Nobody asked me why. Call me on 07700 900123 if you want to talk.');
    await editor.waitForSaved();
    // A picture: pictures are not shared yet, and the sign-off must say so.
    const chooser = page.waitForEvent('filechooser');
    await (await editor.tool('Image')).click();
    await (await chooser).setFiles({ name: 'map.png', mimeType: 'image/png', buffer: Buffer.from(tinyPng) });
    const pictureDialog = page.getByRole('dialog', { name: 'Add an image' });
    await pictureDialog.getByRole('textbox', { name: 'Description' }).fill('A hand-drawn map of the estate');
    await pictureDialog.getByRole('button', { name: 'Add image' }).click();
    await editor.editor.getByRole('img', { name: 'A hand-drawn map of the estate' }).waitFor();
    await editor.waitForSaved();

    await shell.goTo('Review');
    await page.getByRole('link', { name: 'My story' }).click();
    await page.getByRole('heading', { level: 1, name: 'My story' }).waitFor();
    await page.getByRole('button', { name: 'Send for review' }).click();
    await page.getByRole('heading', { name: /^In review/ }).waitFor();

    // The facilitator suggests an edit and comments; the suggestion waits for the consultee.
    await profiles.switchTo('Sam');
    await page.getByRole('link', { name: 'Edit the draft' }).click();
    await editor.editor.getByText('Nobody asked me why.', { exact: false }).waitFor();
    await editor.typeInEditor(' Please listen.');
    await editor.waitForSaved();
    const suggestions = page.getByRole('list', { name: 'Suggested edits' });
    await suggestions.getByText('Add “ Please listen.”').waitFor();
    await suggestions.getByText('Waiting for the consultee to decide.').waitFor();
    await editor.editor.click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+End');
    await page.getByRole('button', { name: 'Comment on the selected words' }).click();
    const commentDialog = page.getByRole('dialog', { name: 'Add a comment' });
    await commentDialog.getByRole('textbox', { name: 'Comment' }).fill('Shall we keep the phone number out?');
    await commentDialog.getByRole('button', { name: 'Add comment' }).click();
    await page
      .getByRole('list', { name: 'Comment threads' })
      .getByText('Shall we keep the phone number out?')
      .waitFor();

    await profiles.switchTo('Alex');
    await suggestions
      .getByRole('group', { name: 'Add “ Please listen.”' })
      .getByRole('button', { name: 'Accept' })
      .click();
    await page.getByText('No suggested edits.').waitFor();
    await editor.waitForSaved();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    await page.getByRole('link', { name: 'My story' }).click();
    await page.getByRole('heading', { level: 1, name: 'My story' }).waitFor();

    await profiles.switchTo('Sam');
    const review = new ReviewResourcePage(page);
    await review.findings.getByText('07700 900123').waitFor();
    const checklist = page.getByRole('group', { name: /Safeguarding checklist/ });
    // `all()` does not wait, so wait for the facilitator's checklist to replace the consent form first.
    await checklist.waitFor();
    for (const box of await checklist.getByRole('checkbox').all()) await box.check();
    // The open comment does not block, but it is brought up, with the way to it, and set aside on purpose.
    await page.getByRole('button', { name: 'Sign off this version' }).click();
    await page
      .getByRole('alert')
      .getByText('Look at the open comment first, or tick “Sign off with the open comments as they are”.')
      .waitFor();
    const openComments = page.getByRole('group', { name: 'Open comments' });
    await openComments.getByText('There is 1 open comment on this draft.', { exact: false }).waitFor();
    await openComments.getByRole('link', { name: 'See the comments in the draft' }).waitFor();
    await openComments.getByRole('checkbox', { name: 'Sign off with the open comments as they are' }).check();
    await page.getByRole('button', { name: 'Sign off this version' }).click();
    await page
      .getByRole('alert')
      .getByText('The identifying-details check has findings that are not resolved yet.')
      .waitFor();

    await review.decide('07700 900123').getByRole('button', { name: 'Replace' }).click();
    await page.getByText('Every finding is resolved.').waitFor();
    await page.getByRole('button', { name: 'Sign off this version' }).click();
    await page.getByText(/Facilitator signed the checklist, .*, for this exact version\./).waitFor();
    await page
      .getByRole('status')
      .getByText('The safeguarding checklist is signed for this exact version. The consultee gives consent next.')
      .waitFor();

    await profiles.switchTo('Alex');
    await page.getByRole('checkbox', { name: 'Police' }).check();
    await page.getByRole('radio', { name: 'A name I choose (not my real name)' }).check();
    await page.getByRole('textbox', { name: 'Credit as' }).fill('Robin');
    const shared = page.getByRole('region', { name: 'What trainers will see' });
    await shared.getByText('Written under the name Robin').waitFor();
    expect(await shared.innerText()).not.toContain('07700 900123');
    expect(await shared.innerText()).toContain('Please listen.');
    expect(await shared.innerText()).not.toContain('Shall we keep');
    // Trainers will not get the picture, so the preview shows what they will see: its description.
    await shared.getByText('Image not available. Its description: “A hand-drawn map of the estate”').waitFor();
    expect(await shared.getByRole('img').count()).toBe(0);
    await shared.getByText('Pictures are not shared yet.', { exact: false }).waitFor();
    const agreement = page.getByRole('region', { name: 'What you are agreeing to' });
    expect(await agreement.innerText()).toContain('I can withdraw it at any time');
    expect(await agreement.innerText()).toContain(
      'It has one picture. It is not shared: trainers will see the description written for each picture instead.',
    );
    await page.getByRole('checkbox', { name: 'Sign off with the open comments as they are' }).check();
    await page.getByRole('button', { name: 'I agree, and sign off this version' }).click();
    await page.getByRole('heading', { name: /^Approved · version 1/ }).waitFor();
    // What happened is said, and no sharing is promised: no repository is set up here.
    await page
      .getByRole('status')
      .getByText('Approved. Version 1 of “My story” has both sign-offs and is now frozen. No shared repository', {
        exact: false,
      })
      .waitFor();
    const reviewSide = await page.getByRole('complementary', { name: 'Review' }).innerText();
    expect(reviewSide).not.toContain('approved and will be shared');
    expect(reviewSide).toContain('No shared repository is set up');

    const audit = page.getByRole('region', { name: 'Audit trail' });
    await audit.getByText('Approved').waitFor();
    expect(await audit.innerText()).toContain('Sam, facilitator');

    const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);

    await profiles.switchTo('Sam');
    // Only the consultee may withdraw: the button goes when the facilitator is using Chorus.
    await page.getByRole('button', { name: 'Withdraw this resource' }).waitFor({ state: 'detached' });
    await profiles.switchTo('Alex');
    await page.getByRole('button', { name: 'Withdraw this resource' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Withdraw this resource?' });
    await dialog.getByRole('textbox', { name: /Reason/ }).fill('I want a break.');
    await dialog.getByRole('button', { name: 'Withdraw' }).click();
    await page.getByRole('heading', { name: /^Withdrawn/ }).waitFor();
    await audit.getByText('Reason: I want a break.', { exact: false }).waitFor();
  });

  it("finds the consultee's own list, highlights and shows each finding, and remembers replacements and reasons", async () => {
    const shell = new ShellPage(page);
    await shell.open(host.url);
    await shell.goTo('Settings');
    const profiles = new ProfilesPage(page);
    await profiles.add('Robin', 'Consultee (lived experience)');
    await profiles.switchTo('Robin');

    await shell.goTo('Drafts');
    await new DraftsListPage(page).newDraft.click();
    const editor = new DraftEditorPage(page);
    await editor.title.fill('Walking home');
    await editor.typeInEditor('I told jaz everything.');
    await page.keyboard.press('Enter');
    await page.keyboard.type("Later jaz's mum rang me on 07700 900123.");
    await editor.waitForSaved();

    await shell.goTo('Review');
    await page.getByRole('link', { name: 'Walking home' }).click();
    await page.getByRole('heading', { level: 1, name: 'Walking home' }).waitFor();
    const review = new ReviewResourcePage(page);
    const list = page.getByRole('region', { name: 'People and places in my story' });
    await list.getByRole('textbox', { name: 'Name or place' }).fill('Jaz');
    expect(await list.getByRole('combobox', { name: 'What it is' }).inputValue()).toBe('person');
    await list.getByRole('textbox', { name: 'Name or place' }).press('Enter');
    await list.getByRole('list', { name: 'People and places in my story' }).getByText('Jaz').waitFor();

    // Found in lower case and with a possessive, said why, and highlighted in what will be shared.
    const jaz = review.findings.getByRole('listitem').filter({ hasText: 'jaz' });
    await jaz.getByText('It is on your list of people and places in your story.').waitFor();
    await jaz.getByText('2 times', { exact: false }).waitFor();
    const shared = page.getByRole('textbox', { name: 'Shared text, read only' });
    expect(await shared.locator('mark.finding-highlight', { hasText: 'jaz' }).count()).toBe(2);
    expect(await page.getByText('The check ran on this screen', { exact: false }).count()).toBe(0);

    // Choosing the finding selects it in the text, and choosing it again moves to the next one.
    const selected = () =>
      page.evaluate(() => {
        const selection = window.getSelection();
        const anchor = selection?.anchorNode;
        const element = anchor instanceof Element ? anchor : anchor?.parentElement;
        return [selection?.toString(), element?.closest('p')?.textContent];
      });
    await jaz.getByRole('button', { name: 'Show “jaz”, 1 of 2' }).click();
    expect(await selected()).toEqual(['jaz', 'I told jaz everything.']);
    await jaz.getByRole('button', { name: 'Show “jaz”, 2 of 2' }).click();
    expect(await selected()).toEqual(['jaz', "Later jaz's mum rang me on 07700 900123."]);

    // A pseudonym the consultee chose is not flagged again.
    await jaz.getByRole('textbox', { name: 'Replace with' }).fill('Sky');
    await review.decide('jaz').getByRole('button', { name: 'Replace' }).click();
    await shared.getByText('I told Sky everything.').waitFor();
    await review.findings.getByText('07700 900123').waitFor();
    expect(await review.findings.getByText('Sky', { exact: false }).count()).toBe(0);
    expect(await shared.locator('mark.finding-highlight', { hasText: 'Sky' }).count()).toBe(0);

    // Kept with a reason, and still kept after other words are edited.
    await review.decide('07700 900123').getByRole('button', { name: 'Keep' }).click();
    const keep = page.getByRole('dialog', { name: 'Keep “07700 900123”?' });
    await keep.getByRole('textbox', { name: 'Reason' }).fill('A made-up number.');
    await keep.getByRole('button', { name: 'Keep it' }).click();
    await page.getByText('Every finding is resolved.').waitFor();
    await page.getByRole('link', { name: 'Edit the draft' }).click();
    await editor.editor.getByText('I told Sky everything.').waitFor();
    await editor.editor.getByText('I told Sky everything.').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' It helped.');
    await editor.waitForSaved();
    await shell.goTo('Review');
    await page.getByRole('link', { name: 'Walking home' }).click();
    await page.getByText('I told Sky everything. It helped.').waitFor();
    await page.getByText('Every finding is resolved.').waitFor();
    await page.getByText('Kept on purpose (1)').click();
    await page.getByRole('list', { name: 'Kept on purpose' }).getByText('“07700 900123”: A made-up number.').waitFor();
  });
});
