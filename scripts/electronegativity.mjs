// Runs Electronegativity over electron/ and fails on any medium or high finding.
// Exit codes: 0 clean, 1 findings to fix, 2 Electronegativity itself failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const scannedDir = 'electron';
const require = createRequire(import.meta.url);
const timeoutMs = 5 * 60_000;

/**
 * Electronegativity's SARIF carries no severity: `level` is "note" for findings that need manual review and
 * "warning" for all others, and the rule metadata holds only a description. The severity lives in each check's
 * source, so this table is read from version 1.10.3's dist/finder/checks. A rule not listed here counts as
 * medium, so a check added by a later version fails the run until someone reads it.
 */
const highRules = new Set([
  'CONTEXT_ISOLATION_JS_CHECK',
  'LIMIT_NAVIGATION_GLOBAL_CHECK',
  'LIMIT_NAVIGATION_JS_CHECK',
  'NODE_INTEGRATION_ATTACH_EVENT_JS_CHECK',
  'NODE_INTEGRATION_HTML_CHECK',
  // Informational when it flags an explicit or unresolvable value, high when the option is missing; the SARIF
  // cannot tell the two apart, so it always counts as high.
  'NODE_INTEGRATION_JS_CHECK',
]);
const lowRules = new Set([
  'ALLOWPOPUPS_HTML_CHECK',
  'BLINK_FEATURES_HTML_CHECK',
  'BLINK_FEATURES_JS_CHECK',
  'EXPERIMENTAL_FEATURES_HTML_CHECK',
  'EXPERIMENTAL_FEATURES_JS_CHECK',
]);
const informationalRules = new Set([
  'CSP_HTML_CHECK',
  'CSP_JS_CHECK',
  'ELECTRON_VERSION_JSON_CHECK',
  'SECURITY_WARNINGS_DISABLED_JSON_CHECK',
  'SECURITY_WARNINGS_DISABLED_JS_CHECK',
]);

function severityOf(finding) {
  if (highRules.has(finding.rule)) return 'high';
  if (lowRules.has(finding.rule)) return 'low';
  if (informationalRules.has(finding.rule)) return 'informational';
  // "No CSP at all" is the only variant without a file; the weak-CSP variants point at the policy and are low.
  if (finding.rule === 'CSP_GLOBAL_CHECK') return finding.file === null ? 'medium' : 'low';
  // A security fix missing from a devDependency is informational and marked for review; in a dependency it is high.
  if (finding.rule === 'AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK') return finding.review ? 'informational' : 'high';
  return 'medium';
}

const everyWindowUsesSecureWebPreferences = ({ line, source }) =>
  line.includes('new BrowserWindow(') &&
  source.split('new BrowserWindow(').length === source.split('webPreferences: secureWebPreferences(').length;

/**
 * Findings reviewed and found to be false positives, each for one rule in one file (`null`: the finding has no
 * file). `at` must still recognise the reviewed code on the flagged line, so anything new in the same file, such
 * as a literal `sandbox: false` (reported on its own line), is reported as usual.
 */
const reviewedFalsePositives = [
  // Electronegativity cannot follow a function call in TypeScript (its scope resolver only looks at the literal
  // argument of `new BrowserWindow`), so it never sees what `secureWebPreferences()` in
  // electron/services/security/policy.ts returns: contextIsolation true and sandbox true, besides
  // app.enableSandbox(). tests/unit/security-policy.test.ts asserts that baseline instead.
  { rule: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/main/index.ts', at: everyWindowUsesSecureWebPreferences },
  { rule: 'SANDBOX_JS_CHECK', file: 'electron/main/index.ts', at: everyWindowUsesSecureWebPreferences },
  // The check wants `disableBlinkFeatures: 'Auxclick'`, but Chromium retired that runtime feature when auxclick
  // shipped, so the setting does nothing in Electron 45. The risk it names, a middle-click opening a link in a
  // new window, goes through the window-open handler in electron/main/security.ts, which denies every window.
  { rule: 'AUXCLICK_JS_CHECK', file: 'electron/main/index.ts', at: everyWindowUsesSecureWebPreferences },
  // Flagged for review because the address is not a literal. It is the address decideExternalLink() returned
  // (https without credentials, or mailto; see tests/unit/security-policy.test.ts), opened only after the user
  // confirms in a dialog.
  {
    rule: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'electron/main/security.ts',
    at: ({ line }) => line.includes('shell.openExternal(decision.url)'),
  },
  // "No CSP detected": Electronegativity only recognises a policy set through webRequest or in a meta tag of a
  // scanned HTML file. Ours is a header on every app:// response (protocol.ts serves static-files.ts, which adds
  // securityHeaders from electron/shared/csp.ts) and a meta tag that renderer/vite.config.ts adds at build time,
  // outside electron/. The weak-CSP variants of this rule have a file and still count.
  { rule: 'CSP_GLOBAL_CHECK', file: null },
];

/** Electronegativity, or this script's reading of it, went wrong: no verdict is possible. */
class ToolFailure extends Error {
  constructor(message, details = '') {
    super(message);
    this.details = details;
  }
}

function fail(message, details) {
  throw new ToolFailure(message, details);
}

/**
 * With SARIF output Electronegativity drops files it cannot parse without a word and still exits 0, so every file
 * it would scan is first parsed here with its own file list and parser.
 */
async function checkEveryFileParses(toolDir, inputDir) {
  const { list_files: listFiles } = require(path.join(toolDir, 'dist/util/file.js'));
  const { Parser } = require(path.join(toolDir, 'dist/parser/parser.js'));
  const files = await listFiles(inputDir);
  if (!Array.isArray(files) || files.length === 0) fail(`found no files to scan in ${scannedDir}/`);
  const parser = new Parser(false, true);
  const unreadable = [];
  for (const file of files) {
    try {
      parser.parse(file, readFileSync(file));
    } catch (error) {
      unreadable.push(`  ${path.relative(root, file)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (unreadable.length > 0) fail('it cannot parse these files, so it would skip them', unreadable.join('\n'));
}

function runElectronegativity(toolDir, electronVersion, sarifFile) {
  const cli = path.join(toolDir, readJson(path.join(toolDir, 'package.json')).bin.electronegativity);
  const args = [cli, '-i', scannedDir, '-o', sarifFile, '-r', '-e', electronVersion];
  // Its bin file is not executable in every install, so it runs through this Node.
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: timeoutMs });
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  if (result.error !== undefined) fail(result.error.message, output);
  if (result.signal !== null) fail(`it was stopped by ${result.signal}`, output);
  if (result.status !== 0) fail(`it exited with code ${result.status}`, output);
  if (!existsSync(sarifFile)) fail('it wrote no SARIF file', output);
  let sarif;
  try {
    sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
  } catch (error) {
    fail(`its SARIF file is not JSON (${error.message})`, output);
  }
  const run = sarif?.runs?.[0];
  if (sarif?.version !== '2.1.0' || run?.tool?.driver?.name !== 'Electronegativity' || !Array.isArray(run.results)) {
    fail('its SARIF file does not have the expected shape', output);
  }
  return run.results;
}

function toFinding(result) {
  const location = result.locations?.[0]?.physicalLocation;
  const uri = String(location?.artifactLocation?.uri ?? 'file:///').replaceAll('\\', '/');
  return {
    rule: String(result.ruleId),
    // Findings about the whole application have no file; the SARIF gives them the URI file:///.
    file: uri === 'file:///' ? null : path.posix.join(scannedDir, uri),
    line: Number(location?.region?.startLine ?? 1),
    review: result.level === 'note',
    message: String(result.message?.text ?? '').trim(),
  };
}

const sources = new Map();
function sourceOf(file) {
  if (!sources.has(file)) sources.set(file, readFileSync(path.join(root, file), 'utf8'));
  return sources.get(file);
}

function exclusionFor(finding) {
  return reviewedFalsePositives.find((exclusion) => {
    if (exclusion.rule !== finding.rule || exclusion.file !== finding.file) return false;
    if (exclusion.at === undefined) return true;
    if (finding.file === null) return false;
    const source = sourceOf(finding.file);
    return exclusion.at({ source, line: source.split('\n')[finding.line - 1] ?? '' });
  });
}

function firstSentence(text) {
  const sentence = text.split(/(?<=\.)\s/)[0] ?? text;
  return sentence.length > 90 ? `${sentence.slice(0, 89)}…` : sentence;
}

function printTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const format = (row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  console.log(format(rows[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows.slice(1)) console.log(format(row));
}

function classify(findings) {
  const used = new Set();
  const counts = { high: 0, medium: 0, low: 0, informational: 0, excluded: 0 };
  const blocking = [];
  for (const finding of findings) {
    finding.severity = severityOf(finding);
    const exclusion = exclusionFor(finding);
    if (exclusion !== undefined) {
      used.add(exclusion);
      counts.excluded += 1;
      continue;
    }
    counts[finding.severity] += 1;
    if (finding.severity === 'high' || finding.severity === 'medium') blocking.push(finding);
  }
  return { used, counts, blocking };
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

async function scan(workDir) {
  const toolDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const toolVersion = readJson(path.join(toolDir, 'package.json')).version;
  const electronVersion = readJson(require.resolve('electron/package.json')).version;
  await checkEveryFileParses(toolDir, path.join(root, scannedDir));
  const results = runElectronegativity(toolDir, electronVersion, path.join(workDir, 'results.sarif'));
  return { toolVersion, electronVersion, ...classify(results.map(toFinding)) };
}

let verdict;
const workDir = mkdtempSync(path.join(os.tmpdir(), 'chorus-electronegativity-'));
try {
  verdict = await scan(workDir);
} catch (error) {
  console.error(`Electronegativity failed: ${error instanceof Error ? error.message : String(error)}`);
  const details = error instanceof ToolFailure ? error.details : error instanceof Error ? error.stack : '';
  if (details?.trim()) console.error(details.replace(/^\n+|\s+$/g, ''));
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
if (verdict === undefined) process.exit(2);

const { toolVersion, electronVersion, used, counts, blocking } = verdict;
for (const exclusion of reviewedFalsePositives.filter((each) => !used.has(each))) {
  console.warn(
    `Note: the reviewed false positive ${exclusion.rule} in ${exclusion.file ?? '(no file)'} no longer occurs.`,
  );
}

const tally = `${counts.low} low, ${counts.informational} informational, ${counts.excluded} reviewed false positives excluded`;
if (blocking.length > 0) {
  printTable([
    ['Rule', 'Location', 'Severity', 'Message'],
    ...blocking.map((finding) => [
      finding.rule,
      finding.file === null ? '(whole app)' : `${finding.file}:${finding.line}`,
      finding.review ? `${finding.severity} (review)` : finding.severity,
      firstSentence(finding.message),
    ]),
  ]);
  console.log(
    `\nElectronegativity ${toolVersion}: ${blocking.length} medium or high findings in ${scannedDir}/ (${tally}).`,
  );
  process.exit(1);
}
console.log(
  `Electronegativity ${toolVersion} (Electron ${electronVersion}): no medium or high findings in ${scannedDir}/ (${tally}).`,
);
