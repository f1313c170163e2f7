import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyMeta, securityHeaders } from '../../electron/shared/csp';
import {
  appEntryUrl,
  appOrigin,
  decideExternalLink,
  isAppUrl,
  isNavigationAllowed,
  isPermissionAllowed,
  isTrustedSender,
  secureWebPreferences,
  spellCheckerLanguages,
} from '../../electron/services/security/policy';

const lookAlikes = [
  'app://chorus.evil/index.html',
  'app://evil/index.html',
  'app://chorus@evil/index.html',
  'app://user@chorus/index.html',
  'app://:secret@chorus/index.html',
  'app://chorus:8080/index.html',
  'app:chorus/index.html',
  'https://chorus/index.html',
  'http://chorus/index.html',
  'file:///chorus/index.html',
  'blob:app://chorus/0b3c1a52-5c1e-4f7b-9a43-52c4d1f0a001',
  'about:blank',
  'data:text/html,<h1>Chorus</h1>',
  'javascript:alert(1)',
];

const malformed = [
  '',
  ' ',
  'chorus',
  'index.html',
  '/index.html',
  'app//chorus/index.html',
  '://chorus',
  'app://chor us/',
];

describe('app URLs', () => {
  it('are app://chorus and nothing else', () => {
    expect(appOrigin).toBe('app://chorus');
    expect(appEntryUrl).toBe('app://chorus/index.html');
  });

  it.each([appEntryUrl, appOrigin, 'app://chorus/', 'app://chorus/assets/index-4f2a.js?v=1#top'])(
    'accepts %s',
    (url) => {
      expect(isAppUrl(url)).toBe(true);
      expect(isNavigationAllowed(url)).toBe(true);
    },
  );

  it.each(lookAlikes)('refuses the look-alike %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isNavigationAllowed(url)).toBe(false);
  });

  it.each(malformed)('refuses the malformed address %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isNavigationAllowed(url)).toBe(false);
  });
});

describe('external links', () => {
  it('asks before opening an https link, and opens the normalised address', () => {
    expect(decideExternalLink('https://example.org/guidance?page=2#top')).toEqual({
      action: 'confirm',
      url: 'https://example.org/guidance?page=2#top',
      host: 'example.org',
    });
    expect(decideExternalLink('HTTPS://Example.ORG/a b')).toEqual({
      action: 'confirm',
      url: 'https://example.org/a%20b',
      host: 'example.org',
    });
  });

  it('asks before opening a mailto link', () => {
    expect(decideExternalLink('mailto:support@example.org?subject=Chorus')).toEqual({
      action: 'confirm',
      url: 'mailto:support@example.org?subject=Chorus',
      host: 'support@example.org',
    });
  });

  it.each([
    'http://example.org/',
    'file:///etc/passwd',
    'file://server/share/report.docx',
    'javascript:alert(document.domain)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://example.org/0b3c1a52-5c1e-4f7b-9a43-52c4d1f0a001',
    'ftp://example.org/file',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=report',
    'vscode://file/etc/passwd',
    'app://chorus/index.html',
    'mailto:',
  ])('refuses %s', (url) => {
    expect(decideExternalLink(url)).toMatchObject({ action: 'deny' });
  });

  it.each(['https://user@example.org/', 'https://user:password@example.org/', 'https://:password@example.org/'])(
    'refuses an https link with credentials: %s',
    (url) => {
      expect(decideExternalLink(url)).toMatchObject({ action: 'deny' });
    },
  );

  it.each([...malformed, 'https://', 'https://exa mple.org/'])('refuses the malformed address %j', (url) => {
    expect(decideExternalLink(url)).toMatchObject({ action: 'deny' });
  });

  it('says which scheme it refused', () => {
    expect(decideExternalLink('http://example.org/')).toEqual({ action: 'deny', reason: 'http: links are not opened' });
    expect(decideExternalLink('not a link')).toEqual({ action: 'deny', reason: 'not a valid address' });
  });
});

describe('permissions', () => {
  it.each(['clipboard-sanitized-write', 'persistent-storage'])('grants %s to the app', (permission) => {
    expect(isPermissionAllowed(permission, appEntryUrl)).toBe(true);
    // The permission check handler passes an origin rather than a full address.
    expect(isPermissionAllowed(permission, appOrigin)).toBe(true);
  });

  it.each([...lookAlikes, ...malformed, 'https://example.org/'])(
    'grants nothing to anything but the app: %j',
    (url) => {
      expect(isPermissionAllowed('clipboard-sanitized-write', url)).toBe(false);
      expect(isPermissionAllowed('persistent-storage', url)).toBe(false);
    },
  );

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'display-capture',
    'fullscreen',
    'pointerLock',
    'openExternal',
    'fileSystem',
    'hid',
    'serial',
    'usb',
    'midi',
    'idle-detection',
    'window-management',
    'unknown',
    '',
    'CLIPBOARD-SANITIZED-WRITE',
  ])('refuses %j even to the app', (permission) => {
    expect(isPermissionAllowed(permission, appEntryUrl)).toBe(false);
  });
});

describe('IPC senders', () => {
  it("trusts only the app's own main frame", () => {
    expect(isTrustedSender({ url: appEntryUrl, isMainFrame: true })).toBe(true);
  });

  it('refuses a missing frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('refuses a subframe, even one showing the app', () => {
    expect(isTrustedSender({ url: appEntryUrl, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ url: 'https://example.org/', isMainFrame: false })).toBe(false);
  });

  it.each([...lookAlikes, ...malformed, 'https://example.org/'])('refuses a main frame showing %j', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true })).toBe(false);
  });
});

describe('web preferences', () => {
  const preferences = secureWebPreferences('/app/build/electron/preload.cjs');

  it('keeps the preload path it is given', () => {
    expect(preferences.preload).toBe('/app/build/electron/preload.cjs');
  });

  it("follow Electron's security checklist", () => {
    expect(preferences).toMatchObject({
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
    });
  });

  it('set nothing beyond the reviewed baseline', () => {
    // A new option is a security decision: add it here only after checking it against the checklist.
    expect(Object.keys(preferences).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'enableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('keep the developer tools closed unless a development run asks for them', () => {
    expect(preferences.devTools).toBe(false);
    expect(secureWebPreferences('/p', true).devTools).toBe(true);
  });

  it('spell-check in British English', () => {
    expect(preferences.spellcheck).toBe(true);
    expect(spellCheckerLanguages).toEqual(['en-GB']);
  });
});

describe('content security policy', () => {
  const directives = (policy: string) =>
    new Map(
      policy.split('; ').map((directive) => {
        const [name = '', ...sources] = directive.split(' ');
        return [name, sources];
      }),
    );
  const policy = directives(contentSecurityPolicy);

  it("allows scripts only from the app's own origin", () => {
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });

  it('names no remote origin and nothing unsafe', () => {
    const sources = [...policy.values()].flat();
    expect(sources.filter((source) => /^(https?|wss?):|\*|unsafe-/.test(source))).toEqual([]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('cannot be framed, change its base or post forms anywhere', () => {
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it('is the header every response carries, and the meta tag drops only frame-ancestors', () => {
    expect(securityHeaders['Content-Security-Policy']).toBe(contentSecurityPolicy);
    const meta = directives(contentSecurityPolicyMeta);
    expect(meta.has('frame-ancestors')).toBe(false);
    expect(new Map([...meta, ['frame-ancestors', ["'none'"]]])).toEqual(policy);
  });
});
