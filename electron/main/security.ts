import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import { decideExternalLink, isNavigationAllowed, isPermissionAllowed } from '../services/security/policy';

/** One confirmation at a time, so a page cannot stack up dialogs. */
let confirming = false;

async function openExternalAfterConfirm(contents: WebContents, url: string): Promise<void> {
  const decision = decideExternalLink(url);
  if (decision.action === 'deny' || confirming) return;
  confirming = true;
  try {
    await confirmAndOpen(contents, decision);
  } finally {
    confirming = false;
  }
}

async function confirmAndOpen(contents: WebContents, decision: { url: string }): Promise<void> {
  const owner = BrowserWindow.fromWebContents(contents);
  const options = {
    type: 'question' as const,
    buttons: ['Open', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    title: 'Open a link outside Chorus?',
    message: `This link opens outside Chorus, in your ${decision.url.startsWith('mailto:') ? 'email program' : 'web browser'}.`,
    detail: decision.url,
    noLink: true,
  };
  const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
  if (response === 0) await shell.openExternal(decision.url);
}

/**
 * Locks down the default session: permissions and no downloads. Spelling is set apart, by the
 * person's choice (`adapters/spelling.ts`): setting its languages here would fetch a dictionary
 * from Google on Windows and Linux.
 */
export function hardenSession(): void {
  const ses = session.defaultSession;
  // The frame that asks is judged, not the page around it.
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  // Exports are written by the main process after a save dialog, so the page never needs to download.
  ses.on('will-download', (event) => event.preventDefault());
}

/** Applies to every web contents the app ever creates, including any it did not expect. */
export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isNavigationAllowed(url)) return;
      event.preventDefault();
      void openExternalAfterConfirm(contents, url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isNavigationAllowed(url)) event.preventDefault();
    });
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame && !isNavigationAllowed(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openExternalAfterConfirm(contents, url);
      return { action: 'deny' };
    });
  });
}
