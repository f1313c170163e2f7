import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeProfileDir, spawnChromium, type SpawnedChromium } from '../helpers/chromium';
import { startRequestRecorder, type RequestRecorder } from '../helpers/request-recorder';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { DraftEditorPage, DraftsListPage } from './pages/drafts-page';

let host: TestWebHost;
let profileDir: string;
/** One recorder for every Chromium this file starts, so the record survives each crash. */
let recorder: RequestRecorder;

beforeAll(async () => {
  host = await startTestWebHost();
  profileDir = await mkdtemp(path.join(os.tmpdir(), 'chorus-crash-'));
  recorder = await startRequestRecorder();
  recorder.allowOrigin(host.origin);
});

afterAll(async () => {
  await host.close();
  await removeProfileDir(profileDir);
  await recorder.close();
  // Every request the browser made went to the app; anything else was refused and listed here.
  expect(recorder.foreignRequests()).toEqual([]);
});

async function start(): Promise<{ chromium: SpawnedChromium; page: Page }> {
  const chromium = await spawnChromium(profileDir, { recorder });
  const context = chromium.browser.contexts()[0] ?? (await chromium.browser.newContext());
  const page = await context.newPage();
  await page.goto(host.url);
  return { chromium, page };
}

describe('crash safety', () => {
  it('keeps everything shown as saved when Chromium is killed outright, at several points', async () => {
    const expected: string[] = [];
    let { chromium, page } = await start();
    await new DraftsListPage(page).newDraft.click();
    let editor = new DraftEditorPage(page);
    await editor.title.fill('Crash test');

    const rounds = ['First words, typed and saved.', ' More words after the first crash.', ' And a last line.'];
    for (const [index, words] of rounds.entries()) {
      await editor.typeInEditor(words);
      await editor.waitForSaved();
      expected.push(words.trim());
      await chromium.crash();

      ({ chromium, page } = await start());
      const list = new DraftsListPage(page);
      await list.draftLink('Crash test').click();
      editor = new DraftEditorPage(page);
      await editor.editor.getByText(expected[0] ?? '', { exact: false }).waitFor();
      const text = await editor.editor.innerText();
      for (const saved of expected) expect(text, `after crash ${index + 1}`).toContain(saved);
      expect(await editor.title.inputValue()).toBe('Crash test');
    }
    await chromium.close();
  });
});
