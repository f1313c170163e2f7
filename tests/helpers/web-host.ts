import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createEventHub, type EventHub } from '../../electron/services/event-hub';
import { createHandlers } from '../../electron/services/handlers';
import { createFileSecretStore } from '../../electron/services/secrets';
import { startWebHost, type WebHost } from '../../electron/web-host/server';

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
    }),
    events,
    onFailure: (_where, error) => failures.push(error),
  });
  return {
    ...host,
    events,
    dataDir,
    failures,
    async close() {
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
