import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createEventHub, type EventHub } from '../../electron/services/event-hub';
import { createHandlers } from '../../electron/services/handlers';
import { browserModeReasons, createWindowlessControl } from '../../electron/services/privacy/ports';
import { createFileSecretStore } from '../../electron/services/secrets';
import { createChromiumPrinter } from '../../electron/web-host/printer';
import { createDownloadSaveExport } from '../../electron/web-host/save-export';
import { startWebHost, type WebHost } from '../../electron/web-host/server';
import { chromiumPath } from './chromium';
import { resourcesDir } from './export-ports';

export const builtRendererDir = path.resolve(import.meta.dirname, '../../build/renderer');

export interface TestWebHost extends WebHost {
  events: EventHub;
  dataDir: string;
  failures: unknown[];
}

/** The real web host over the built renderer, as `npm run web` starts it, on a free port. */
export async function startTestWebHost(options: { rendererDir?: string } = {}): Promise<TestWebHost> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'chorus-data-'));
  const events = createEventHub();
  const failures: unknown[] = [];
  const onFailure = (_where: string, error: unknown) => failures.push(error);
  // The real printer, as `npm run web` has: Chromium starts on the first PDF export only.
  const printer = createChromiumPrinter({ executablePath: chromiumPath });
  const host = await startWebHost({
    rendererDir: options.rendererDir ?? builtRendererDir,
    handlers: createHandlers({
      transport: 'web',
      appName: 'Chorus',
      appVersion: '0.0.0-test',
      platform: process.platform,
      dataDir,
      events,
      now: Date.now,
      secrets: createFileSecretStore({ file: path.join(dataDir, 'credentials.json'), kind: 'file' }),
      printer,
      saveExport: createDownloadSaveExport(),
      resourcesDir,
      onFailure,
      window: createWindowlessControl(browserModeReasons.contentProtection),
    }),
    events,
    onFailure,
  });
  return {
    ...host,
    events,
    dataDir,
    failures,
    async close() {
      await host.close();
      await printer.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
