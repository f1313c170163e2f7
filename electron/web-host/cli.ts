import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEventHub } from '../services/event-hub';
import { createHandlers } from '../services/handlers';
import { browserModeReasons, createWindowlessControl } from '../services/privacy/ports';
import { createFileSecretStore } from '../services/secrets';
import { parseCliOptions } from './cli-options';
import { createChromiumPrinter } from './printer';
import { createDownloadSaveExport } from './save-export';
import { startWebHost } from './server';

declare const CHORUS_VERSION: string;

function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'chorus-web');
}

const request = parseCliOptions(process.argv.slice(2));
if (request.kind === 'help') {
  process.stdout.write(request.text);
  process.exit(0);
}
if (request.kind === 'error') {
  console.error(request.message);
  process.exit(2);
}
const { port } = request;
const dataDir = path.resolve(request.dataDir ?? defaultDataDir());
mkdirSync(dataDir, { recursive: true, mode: 0o700 });

const events = createEventHub();
const reportFailure = (where: string, error: unknown) => console.error(`Chorus web host: ${where} failed`, error);
const printer = createChromiumPrinter();
const builtDir = path.dirname(fileURLToPath(import.meta.url));
const handlers = createHandlers({
  transport: 'web',
  appName: 'Chorus',
  appVersion: CHORUS_VERSION,
  platform: process.platform,
  dataDir,
  events,
  now: Date.now,
  secrets: createFileSecretStore({ file: path.join(dataDir, 'credentials.json'), kind: 'file' }),
  printer,
  saveExport: createDownloadSaveExport(),
  // build/web-host/cli.js sits two folders under the project, beside resources/.
  resourcesDir: path.resolve(builtDir, '../resources'),
  onFailure: reportFailure,
  // A page in someone's browser is not a window this host can protect or hide.
  window: createWindowlessControl(browserModeReasons.contentProtection),
});
const host = await startWebHost({
  rendererDir: path.resolve(builtDir, '../renderer'),
  handlers,
  events,
  port,
  onFailure: reportFailure,
});

console.log(`Chorus is running in browser mode. Open this address in Chromium:\n\n  ${host.url}\n`);
console.log('The address holds a private key for this run only. Press Ctrl+C to stop.');

const stop = () => {
  void Promise.all([host.close(), printer.close()]).then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
