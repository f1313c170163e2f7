import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a headless Chromium on a closed network with no GPU. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumProfile {
  context: BrowserContext;
  userDataDir: string;
  close(): Promise<void>;
}

/** Starts Debian's Chromium with a fresh profile directory of its own. */
export async function launchChromium(
  options: { userDataDir?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<ChromiumProfile> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'chorus-chromium-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-GB',
  });
  return {
    context,
    userDataDir,
    async close() {
      await context.close();
      if (options.userDataDir === undefined) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface SpawnedChromium {
  browser: Browser;
  /** Ends Chromium with SIGKILL, as a crash or a power cut would: nothing gets to flush or close. */
  crash(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts Chromium as a process of our own (not through Playwright's launcher), so a test can kill
 * it outright, and connects to it over the DevTools protocol.
 */
export async function spawnChromium(userDataDir: string): Promise<SpawnedChromium> {
  const portFile = path.join(userDataDir, 'DevToolsActivePort');
  await rm(portFile, { force: true });
  const child = spawn(
    chromiumPath,
    [
      ...chromiumArgs,
      '--headless',
      '--window-size=1280,1000',
      '--remote-debugging-port=0',
      `--user-data-dir=${userDataDir}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let port = '';
  for (let attempt = 0; attempt < 300 && port === ''; attempt += 1) {
    port = (await readFile(portFile, 'utf8').catch(() => '')).split('\n')[0] ?? '';
    if (port === '') await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (port === '') {
    child.kill('SIGKILL');
    throw new Error('Chromium did not open its DevTools port');
  }
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  return {
    browser,
    async crash() {
      child.kill('SIGKILL');
      await exited;
    },
    async close() {
      await browser.close().catch(() => undefined);
      child.kill('SIGTERM');
      await exited;
    },
  };
}
