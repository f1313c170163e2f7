import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { startRequestRecorder, type RecordedRequest, type RequestRecorder } from './request-recorder';

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

/**
 * Deletes a profile directory. Chromium's helper processes can still be writing into it for a
 * moment after the browser has exited, so an emptied folder may refill once: try again a few times.
 */
export function removeProfileDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

/** What a test may ask of the network a Chromium sees. */
export interface RecordedNetwork {
  /** Lets this origin through (the web host, a repository a test started); everything else is refused. */
  allowOrigin: (origin: string) => void;
  /** Every request to an origin not allowed, each refused; a test asserts this is empty. */
  foreignRequests: () => RecordedRequest[];
  /** Every request Chromium made, allowed or not. */
  requests: () => RecordedRequest[];
  /** The refused requests the test browser made by itself, left out of `foreignRequests`. */
  browserOwnRequests: () => RecordedRequest[];
}

export interface NetworkOptions {
  /**
   * 'recorded' (the default) sends every request through a request recorder that refuses all
   * origins not allowed. 'direct' is for the benchmarks only: they time the browser, and a proxy
   * in the way would be part of what they measure.
   */
  network?: 'recorded' | 'direct';
  /** A recorder to share, so that one allow-list and one record span several browsers. */
  recorder?: RequestRecorder;
}

/** A browser context of its own, with its own recorded network. */
export interface ChromiumContext extends RecordedNetwork {
  context: BrowserContext;
  close(): Promise<void>;
}

export interface ChromiumProfile extends ChromiumContext {
  userDataDir: string;
}

interface RoutedNetwork extends RecordedNetwork {
  args: string[];
  /** Tells the recorder what the pages in this context ask for; see `notePageRequest`. */
  watchPages(context: BrowserContext): void;
  close(): Promise<void>;
}

/** Starts a recorder unless one is given or the network is direct; closes only the one it started. */
async function routeNetwork(options: NetworkOptions): Promise<RoutedNetwork> {
  if (options.network === 'direct') {
    const notRecorded = (): never => {
      throw new Error('This Chromium was started with a direct network, so nothing was recorded');
    };
    return {
      args: [],
      allowOrigin: () => undefined,
      foreignRequests: notRecorded,
      requests: notRecorded,
      browserOwnRequests: notRecorded,
      watchPages: () => undefined,
      close: () => Promise.resolve(),
    };
  }
  const recorder = options.recorder ?? (await startRequestRecorder());
  return {
    args: recorder.chromiumArgs,
    allowOrigin: (origin) => recorder.allowOrigin(origin),
    foreignRequests: () => recorder.foreignRequests(),
    requests: () => recorder.requests(),
    browserOwnRequests: () => recorder.browserOwnRequests(),
    watchPages: (context) => context.on('request', (request) => recorder.notePageRequest(request.url())),
    close: () => (options.recorder === undefined ? recorder.close() : Promise.resolve()),
  };
}

/** What every test browser context is given: the same window size, theme and language. */
function contextOptions(options: { colorScheme?: 'light' | 'dark' }) {
  return {
    viewport: { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-GB',
  } as const;
}

/**
 * Starts Debian's Chromium with a fresh profile directory of its own. Every request it makes goes
 * through a request recorder: allow the app's origin with `allowOrigin`, and assert
 * `foreignRequests()` is empty when done.
 */
export async function launchChromium(
  options: { userDataDir?: string; colorScheme?: 'light' | 'dark' } & NetworkOptions = {},
): Promise<ChromiumProfile> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'chorus-chromium-')));
  const network = await routeNetwork(options);
  const context = await chromium
    .launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [...chromiumArgs, ...network.args],
      ...contextOptions(options),
    })
    .catch(async (error: unknown) => {
      await network.close();
      throw error;
    });
  network.watchPages(context);
  return {
    context,
    userDataDir,
    allowOrigin: network.allowOrigin,
    foreignRequests: network.foreignRequests,
    requests: network.requests,
    browserOwnRequests: network.browserOwnRequests,
    async close() {
      await context.close();
      await network.close();
      if (options.userDataDir === undefined) await removeProfileDir(userDataDir);
    },
  };
}

export interface SharedChromium {
  /**
   * A fresh context (empty storage, no cookies, nothing shared with any other context) with its
   * own request recorder, which every request of its pages goes through: allow the app's origin
   * with `allowOrigin`, and assert `foreignRequests()` is empty when done. Closing it closes the
   * context and its recorder; the browser stays for the next test.
   */
  newContext(options?: { colorScheme?: 'light' | 'dark' }): Promise<ChromiumContext>;
  /**
   * Closes the browser, if one was started. Its own recorder, which only the browser's own calls
   * reach (pages use their context's), must have refused nothing but those.
   */
  close(): Promise<void>;
}

/**
 * One Chromium for a whole test file, started on first use, handing each test a context of its
 * own: starting Chromium with a new profile directory costs seconds, a new context a fraction of
 * one. A context keeps its storage in memory, so tests that need a profile on disk (what it
 * holds after closing, a crash, a second start) use `launchChromium` or `spawnChromium` instead.
 */
export function sharedChromium(): SharedChromium {
  let started: Promise<{ browser: Browser; recorder: RequestRecorder }> | null = null;
  const start = async () => {
    // The browser's own calls (not any page's) go through a recorder that allows nothing.
    const recorder = await startRequestRecorder();
    const browser = await chromium
      .launch({ executablePath: chromiumPath, headless: true, args: [...chromiumArgs, ...recorder.chromiumArgs] })
      .catch(async (error: unknown) => {
        await recorder.close();
        throw error;
      });
    return { browser, recorder };
  };
  return {
    async newContext(options = {}) {
      started ??= start();
      const { browser } = await started;
      const recorder = await startRequestRecorder();
      // Playwright proxies loopback too when no bypass list is given, so the app's requests are recorded.
      const context = await browser
        .newContext({ ...contextOptions(options), proxy: { server: `http://127.0.0.1:${recorder.port}` } })
        .catch(async (error: unknown) => {
          await recorder.close();
          throw error;
        });
      let pageRequests = 0;
      context.on('request', (request) => {
        if (/^https?:/.test(request.url())) pageRequests += 1;
        recorder.notePageRequest(request.url());
      });
      return {
        context,
        allowOrigin: (origin) => recorder.allowOrigin(origin),
        foreignRequests: () => recorder.foreignRequests(),
        requests: () => recorder.requests(),
        browserOwnRequests: () => recorder.browserOwnRequests(),
        async close() {
          await context.close();
          await recorder.close();
          // A recorder nothing went through would make every test's "no foreign requests" say nothing.
          if (pageRequests > 0 && recorder.requests().length === 0) {
            throw new Error(`The context's ${pageRequests} requests bypassed its request recorder`);
          }
        },
      };
    },
    async close() {
      if (started === null) return;
      const { browser, recorder } = await started;
      started = null;
      await browser.close();
      await recorder.close();
      const foreign = recorder.foreignRequests();
      if (foreign.length > 0) throw new Error(`The browser itself called out: ${JSON.stringify(foreign)}`);
    },
  };
}

export interface SpawnedChromium extends RecordedNetwork {
  browser: Browser;
  /** Ends Chromium with SIGKILL, as a crash or a power cut would: nothing gets to flush or close. */
  crash(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts Chromium as a process of our own (not through Playwright's launcher), so a test can kill
 * it outright, and connects to it over the DevTools protocol.
 */
export async function spawnChromium(userDataDir: string, options: NetworkOptions = {}): Promise<SpawnedChromium> {
  const portFile = path.join(userDataDir, 'DevToolsActivePort');
  await rm(portFile, { force: true });
  const network = await routeNetwork(options);
  const child = spawn(
    chromiumPath,
    [
      ...chromiumArgs,
      ...network.args,
      // Playwright's launcher turns most of these off for launchChromium; without them Chromium calls Google
      // for optimisation hints, network time, search preconnects and form-filling hints.
      '--disable-features=OptimizationHints,NetworkTimeServiceQuerying,AimEnabled,PreconnectToSearch,MediaRouter,AutofillServerCommunication',
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
    await network.close();
    throw new Error('Chromium did not open its DevTools port');
  }
  // Playwright talks to the DevTools port from Node, so this connection is not routed or recorded.
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  for (const context of browser.contexts()) network.watchPages(context);
  return {
    browser,
    allowOrigin: network.allowOrigin,
    foreignRequests: network.foreignRequests,
    requests: network.requests,
    browserOwnRequests: network.browserOwnRequests,
    async crash() {
      child.kill('SIGKILL');
      await exited;
      await network.close();
    },
    async close() {
      await browser.close().catch(() => undefined);
      child.kill('SIGTERM');
      await exited;
      await network.close();
    },
  };
}
