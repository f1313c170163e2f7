import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  file: string;
  source: ts.SourceFile;
}

interface Finding {
  file: string;
  line: number;
  rule: string;
}

/**
 * One API that would show a resource's content outside the window, or send anything to anyone
 * but the configured repository. `matches` sees every node of every source file.
 */
interface Rule {
  name: string;
  why: string;
  /** Only these folders, when the API is harmless (or cannot exist) elsewhere. */
  under?: readonly string[];
  matches(node: ts.Node): boolean;
}

const isName = (node: ts.Node, name: string): boolean => ts.isIdentifier(node) && node.text === name;

const isMember = (node: ts.Node, member: string): boolean =>
  (ts.isPropertyAccessExpression(node) && node.name.text === member) ||
  (ts.isElementAccessExpression(node) &&
    ts.isStringLiteralLike(node.argumentExpression) &&
    node.argumentExpression.text === member);

const isCallOf = (node: ts.Node, callee: (expression: ts.Expression) => boolean): node is ts.CallExpression =>
  ts.isCallExpression(node) && callee(node.expression);

/** A string or template that starts with a scheme that leaves the machine. */
const isRemoteUrl = (node: ts.Node | undefined): boolean =>
  node !== undefined &&
  (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) &&
  /^(https?|wss?):\/\//i.test(ts.isTemplateExpression(node) ? node.head.text : node.text);

/** `uploadToServer: false`, and nothing spread after it that could turn uploads back on. */
const turnsUploadsOff = (options: ts.Expression | undefined): boolean => {
  if (options === undefined || !ts.isObjectLiteralExpression(options)) return false;
  const last = options.properties.findLastIndex(
    (property) => ts.isPropertyAssignment(property) && isName(property.name, 'uploadToServer'),
  );
  const property = options.properties[last];
  return (
    property !== undefined &&
    ts.isPropertyAssignment(property) &&
    property.initializer.kind === ts.SyntaxKind.FalseKeyword &&
    options.properties.slice(last + 1).every((later) => !ts.isSpreadAssignment(later))
  );
};

/**
 * The one allowed use of the crash reporter: imported from electron, and started in
 * electron/main with uploads off (dumps stay in the profile; see security/crash-dumps.ts).
 */
const isLocalCrashReporting = (node: ts.Node): boolean => {
  if (!node.getSourceFile().fileName.startsWith('electron/main/')) return false;
  const parent = node.parent;
  if (ts.isImportSpecifier(parent)) return true;
  return (
    ts.isPropertyAccessExpression(parent) &&
    parent.expression === node &&
    parent.name.text === 'start' &&
    ts.isCallExpression(parent.parent) &&
    parent.parent.expression === parent &&
    turnsUploadsOff(parent.parent.arguments[0])
  );
};

const rules: Rule[] = [
  {
    name: 'new Notification',
    why: 'a system notification shows its text on the lock screen and in the notification centre',
    matches: (node) => ts.isNewExpression(node) && isName(node.expression, 'Notification'),
  },
  {
    name: 'Notification.requestPermission',
    why: 'asks to show system notifications, which the app never needs',
    matches: (node) => isMember(node, 'requestPermission'),
  },
  {
    name: 'showNotification',
    why: "a service worker's notification is a system notification too",
    matches: (node) => isMember(node, 'showNotification'),
  },
  {
    name: 'serviceWorker.register',
    why: 'a service worker outlives the window and can fetch and notify on its own',
    matches: (node) =>
      isMember(node, 'register') && ts.isPropertyAccessExpression(node) && isMember(node.expression, 'serviceWorker'),
  },
  {
    name: 'addRecentDocument',
    why: "puts a file's name in the system's recent documents, jump list and dock menu",
    matches: (node) => isMember(node, 'addRecentDocument'),
  },
  {
    name: 'setRepresentedFilename',
    why: "shows a file's name and path in the macOS title bar",
    matches: (node) => isMember(node, 'setRepresentedFilename'),
  },
  {
    name: 'setJumpList / setUserTasks / setThumbarButtons',
    why: 'Windows taskbar entries are visible without opening the app',
    matches: (node) => ['setJumpList', 'setUserTasks', 'setThumbarButtons'].some((member) => isMember(node, member)),
  },
  {
    name: 'sendBeacon',
    why: 'a beacon is sent after the page has gone, the usual way telemetry leaves',
    matches: (node) => isMember(node, 'sendBeacon'),
  },
  {
    name: 'crashReporter',
    why: "Electron's crash reporter uploads memory dumps, which can hold what was on screen; it may only be started with uploadToServer: false written at the call, in electron/main",
    matches: (node) => isName(node, 'crashReporter') && !isLocalCrashReporting(node),
  },
  {
    name: 'autoUpdater',
    why: 'an update check calls a server on every start, saying who runs the app and when',
    matches: (node) => isName(node, 'autoUpdater'),
  },
  {
    name: 'net.request / net.fetch',
    why: "Electron's network stack in the main process; the repository is reached through the services only",
    under: ['electron/main/'],
    matches: (node) =>
      ts.isPropertyAccessExpression(node) &&
      isName(node.expression, 'net') &&
      (node.name.text === 'request' || node.name.text === 'fetch'),
  },
  {
    name: 'a request to an absolute http(s) or ws(s) address',
    why: 'the renderer talks only to its own host; a literal remote address would be a call home',
    under: ['renderer/src/', 'core/'],
    matches: (node) =>
      (isCallOf(
        node,
        (callee) => isName(callee, 'fetch') || isMember(callee, 'sendBeacon') || isMember(callee, 'open'),
      ) &&
        node.arguments.some(isRemoteUrl)) ||
      (ts.isNewExpression(node) &&
        ['WebSocket', 'EventSource', 'Request'].some((name) => isName(node.expression, name)) &&
        isRemoteUrl(node.arguments?.[0])),
  },
];

async function listSources(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

async function parse(file: string): Promise<SourceFile> {
  const text = await readFile(path.join(root, file), 'utf8');
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return { file, source: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind) };
}

/** Walks the syntax tree, so that a comment or a string that mentions an API is not a finding. */
function findUses({ file, source }: SourceFile, ruleSet: Rule[]): Finding[] {
  const applicable = ruleSet.filter(
    (rule) => rule.under === undefined || rule.under.some((folder) => file.startsWith(folder)),
  );
  const findings: Finding[] = [];
  const visit = (node: ts.Node) => {
    for (const rule of applicable) {
      if (rule.matches(node)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        findings.push({ file, line, rule: `${rule.name}: ${rule.why}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** Whether any file has a node that `test` accepts. */
function anyNode(sources: SourceFile[], test: (node: ts.Node) => boolean): boolean {
  const search = (node: ts.Node): boolean => test(node) || (ts.forEachChild(node, search) ?? false);
  return sources.some(({ source }) => search(source));
}

function parseSnippet(text: string, file = 'renderer/src/example.ts'): SourceFile {
  return { file, source: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS) };
}

describe('APIs that show content outside the window or call home', () => {
  it('are used nowhere in the renderer, the core or the electron code', async () => {
    const files = [
      ...(await listSources('renderer/src')),
      ...(await listSources('core')),
      ...(await listSources('electron')),
    ];
    expect(files.length).toBeGreaterThan(50);
    const findings = (await Promise.all(files.map(parse))).flatMap((source) => findUses(source, rules));
    expect(findings).toEqual([]);
  });

  /*
   * Electron on Windows and Linux downloads Hunspell dictionaries from Google's CDN
   * (redirector.gvt1.com) for each spellchecker language, unless the download address points
   * elsewhere. Chorus points it away and downloads only when the person turns it on in Settings
   * (electron/services/privacy/spelling.ts); this fails if spelling is set up without that.
   */
  it('keeps the spellchecker from fetching its dictionaries from Google', async () => {
    const sources = await Promise.all((await listSources('electron')).map(parse));
    const spellcheckOn = anyNode(
      sources,
      (node) =>
        isMember(node, 'setSpellCheckerLanguages') ||
        (ts.isPropertyAssignment(node) &&
          isName(node.name, 'spellcheck') &&
          node.initializer.kind === ts.SyntaxKind.TrueKeyword),
    );
    const dictionariesLocal = anyNode(sources, (node) => isMember(node, 'setSpellCheckerDictionaryDownloadURL'));
    expect(!spellcheckOn || dictionariesLocal).toBe(true);
  });

  it('catches each of them in code, and not in comments or ordinary strings', () => {
    const offending = [
      "new Notification('Draft saved', { body: title });",
      'void Notification.requestPermission();',
      "void registration.showNotification('Saved');",
      "void navigator.serviceWorker.register('/sw.js');",
      'app.addRecentDocument(file);',
      'win.setRepresentedFilename(file);',
      'app.setJumpList([]);',
      "navigator.sendBeacon('/collect', data);",
      "crashReporter.start({ submitURL: 'https://example.test' });",
      'autoUpdater.checkForUpdates();',
      "void fetch('https://example.test/collect');",
      'void fetch(`https://example.test/${id}`);',
      "new WebSocket('wss://example.test/live');",
    ];
    for (const line of offending) {
      expect(findUses(parseSnippet(line), rules), line).toHaveLength(1);
    }
    expect(findUses(parseSnippet("net.request('https://example.test');", 'electron/main/x.ts'), rules)).toHaveLength(1);
    for (const line of [
      'crashReporter.start({ uploadToServer: true });',
      'crashReporter.start(options);',
      'crashReporter.start({ uploadToServer: false, ...options });',
      'crashReporter.getUploadedReports();',
    ]) {
      expect(findUses(parseSnippet(line, 'electron/main/index.ts'), rules), line).toHaveLength(1);
    }
    expect(
      findUses(parseSnippet('crashReporter.start({ ...options, uploadToServer: false });', 'renderer/src/x.ts'), rules),
    ).toHaveLength(1);

    const harmless = [
      '// new Notification() would show the title on the lock screen, so we never call it.',
      "const help = 'We never use navigator.sendBeacon or autoUpdater.';",
      'void fetch(`${origin}/api/call`);',
      "void fetch('/api/events');",
      'void fetch(blobUrl);',
      "const notification = { kind: 'Notification' };",
    ];
    for (const line of harmless) {
      expect(findUses(parseSnippet(line), rules), line).toEqual([]);
    }
    const localCrashReporting = [
      "import { crashReporter } from 'electron';",
      'crashReporter.start({ ...crashReporterOptions, uploadToServer: false });',
    ].join('\n');
    expect(findUses(parseSnippet(localCrashReporting, 'electron/main/index.ts'), rules)).toEqual([]);
  });
});
