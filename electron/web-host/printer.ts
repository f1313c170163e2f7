import type * as Playwright from 'playwright-core';
import type { Printer } from '../services/export/ports';

export interface ChromiumPrinterOptions {
  /** Debian's Chromium unless `CHROMIUM_PATH` says otherwise. */
  executablePath?: string;
  /** Chromium is closed after this long without a print; it starts again on the next. */
  idleMs?: number;
}

export interface ChromiumPrinter extends Printer {
  close(): Promise<void>;
}

/**
 * Loaded from node_modules when the first PDF is printed, by a name the bundler does not follow:
 * playwright-core reads its own package files at run time, so it cannot be bundled.
 */
const playwrightModule = 'playwright-core';

/** Flags for a headless Chromium on a machine without a GPU, reaching for nothing on the network. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  // Chromium names the PDF's creator after its user agent ("Mozilla/5.0 (X11; Linux x86_64) …
  // HeadlessChrome/…"), which tells whoever gets the file which browser and system made it.
  '--user-agent=Chorus',
];

/**
 * The web host's printer: the system Chromium through playwright-core, started on the first print
 * and closed when idle. Each print gets a fresh context with JavaScript off and every request
 * refused, so the page can do nothing but lay itself out (its own security policy forbids loading
 * anything too). The PDF is tagged, has an outline from the headings, follows the page's `@page`
 * rules (A4, running header and page numbers from `resources/print.css`) and takes its title from
 * the page's `<title>`; its creator is Chorus and Chromium writes no author.
 */
export function createChromiumPrinter(options: ChromiumPrinterOptions = {}): ChromiumPrinter {
  const executablePath = options.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const idleMs = options.idleMs ?? 60_000;
  let browser: Promise<Playwright.Browser> | null = null;
  let printing = 0;
  let idleTimer: NodeJS.Timeout | undefined;

  /** Starts Chromium; if it ever goes away (a crash, or closed when idle), the next print starts another. */
  const launch = (): Promise<Playwright.Browser> => {
    const launching = (async () => {
      const { chromium } = (await import(playwrightModule)) as typeof Playwright;
      const launched = await chromium.launch({ executablePath, headless: true, args: chromiumArgs });
      launched.on('disconnected', () => {
        if (browser === launching) browser = null;
      });
      return launched;
    })();
    launching.catch(() => {
      if (browser === launching) browser = null;
    });
    return launching;
  };

  const closeBrowser = async () => {
    const current = browser;
    browser = null;
    if (current !== null) await (await current.catch(() => null))?.close();
  };

  const scheduleClose = () => {
    clearTimeout(idleTimer);
    if (printing > 0) return;
    idleTimer = setTimeout(() => void closeBrowser(), idleMs);
    idleTimer.unref();
  };

  return {
    async print(html) {
      clearTimeout(idleTimer);
      printing += 1;
      try {
        browser ??= launch();
        const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
        try {
          await context.route('**/*', (route) => route.abort());
          const page = await context.newPage();
          await page.setContent(html, { waitUntil: 'load' });
          const pdf = await page.pdf({
            format: 'A4',
            printBackground: true,
            preferCSSPageSize: true,
            tagged: true,
            outline: true,
          });
          return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
        } finally {
          await context.close();
        }
      } finally {
        printing -= 1;
        scheduleClose();
      }
    },
    async close() {
      clearTimeout(idleTimer);
      await closeBrowser();
    },
  };
}
