import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeProfileDir, spawnChromium, type SpawnedChromium } from '../helpers/chromium';
import { startRequestRecorder, type RequestRecorder } from '../helpers/request-recorder';
import { startTestWebHost, type TestWebHost } from '../helpers/web-host';
import { DraftEditorPage, DraftsListPage } from './pages/drafts-page';

let host: TestWebHost;
let profileDir: string;
/** One recorder for every Chromium this file starts, so the record survives each crash. */
let recorder: RequestRecorder;

// Each test has its own host, browser profile and recorder, so each can run alone.
beforeEach(async () => {
  host = await startTestWebHost();
  profileDir = await mkdtemp(path.join(os.tmpdir(), 'chorus-crash-'));
  recorder = await startRequestRecorder();
  recorder.allowOrigin(host.origin);
});

afterEach(async () => {
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

  it('loses nothing typed more than half a second before Chromium is killed during steady typing', async () => {
    let { chromium, page } = await start();
    await new DraftsListPage(page).newDraft.click();
    let editor = new DraftEditorPage(page);
    await editor.title.fill('Steady typing');
    await editor.typeInEditor('Start:');
    await editor.waitForSaved();

    // Keys as fast as the browser takes them for 1.5 s, never the pause that saves at once: long
    // enough for several saves at most 400 ms apart, short of the 2 s the saver used to wait.
    const typed: { key: string; at: number }[] = [];
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const began = performance.now();
    for (let index = 0; performance.now() - began < 1500; index += 1) {
      const key = letters.charAt(index % letters.length);
      await page.keyboard.type(key);
      typed.push({ key, at: performance.now() });
    }
    const killedAt = performance.now();
    await chromium.crash();

    ({ chromium, page } = await start());
    await new DraftsListPage(page).draftLink('Steady typing').click();
    editor = new DraftEditorPage(page);
    await editor.editor.getByText('Start:', { exact: false }).waitFor();
    const kept = (await editor.editor.innerText()).trim();
    const all = `Start:${typed.map((each) => each.key).join('')}`;
    // What came back is exactly what was typed, up to some point: nothing reordered or made up.
    expect(all.startsWith(kept)).toBe(true);
    const lost = typed.slice(kept.length - 'Start:'.length);
    const oldestLostMs = lost.length === 0 ? 0 : killedAt - (lost[0]?.at ?? killedAt);
    console.log(
      `Steady typing: ${typed.length} keys in ${Math.round(killedAt - began)} ms; ${lost.length} lost, ` +
        `the oldest typed ${Math.round(oldestLostMs)} ms before the kill.`,
    );
    expect(oldestLostMs).toBeLessThanOrEqual(500);
    await chromium.close();
  });
});
