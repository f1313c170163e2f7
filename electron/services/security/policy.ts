/**
 * The security decisions of the Electron main process, kept free of Electron so they can be
 * unit-tested in Node. `electron/main/security.ts` wires them to Electron's events.
 */

export const appScheme = 'app';
export const appHost = 'chorus';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for the app's own origin. Credentials are refused too: `app://x@chorus/` is not an
 * address the app ever produces, so it can only be an attempt to look like one.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${appScheme}:` &&
    parsed.host === appHost &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The window may only ever show the app's own pages. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

export type ExternalLinkDecision =
  { action: 'confirm'; url: string; host: string } | { action: 'deny'; reason: string };

/**
 * Links that leave the app: https and mailto may open in the system's own browser or mail
 * program, and only after the user confirms; everything else is refused.
 */
export function decideExternalLink(url: string): ExternalLinkDecision {
  const parsed = parse(url);
  if (parsed === null) return { action: 'deny', reason: 'not a valid address' };
  if (parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '') {
    return { action: 'confirm', url: parsed.href, host: parsed.hostname };
  }
  if (parsed.protocol === 'mailto:' && parsed.pathname !== '') {
    return { action: 'confirm', url: parsed.href, host: parsed.pathname };
  }
  return { action: 'deny', reason: `${parsed.protocol} links are not opened` };
}

/**
 * Permissions the renderer may use. Everything else (camera, microphone, location,
 * notifications, screen capture, HID, serial…) is refused without asking.
 */
const allowedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'persistent-storage']);

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return allowedPermissions.has(permission) && isAppUrl(requestingUrl);
}

/** What Electron tells us of the frame behind an IPC message. */
export interface SenderFrame {
  url: string;
  isMainFrame: boolean;
}

/** IPC is answered only for the app's own top-level page; a missing frame is refused. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  return frame !== null && frame !== undefined && frame.isMainFrame && isAppUrl(frame.url);
}

/**
 * The baseline of every window, following Electron's security checklist. The developer tools
 * cannot be opened at all unless `devTools` (see development.ts: never in a packaged build).
 */
export function secureWebPreferences(preloadPath: string, devTools = false) {
  return {
    preload: preloadPath,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
  } as const;
}

export const spellCheckerLanguages = ['en-GB'] as const;
