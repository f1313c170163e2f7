import type { FailureReporter, Handlers } from '../shared/dispatch';
import type { Transport } from '../shared/contract';
import type { EventHub } from './event-hub';
import type { Printer, SaveExport } from './export/ports';
import { createExportService } from './export/service';
import { createRepositoryService } from './repository/service';
import type { SecretStore } from './secrets';

/** What the handlers need from the host they run in. Both hosts pass real ports. */
export interface HostPorts {
  transport: Transport;
  appName: string;
  appVersion: string;
  platform: NodeJS.Platform;
  dataDir: string;
  events: EventHub;
  now: () => number;
  /** Where the repository token is kept: the OS keychain in Electron, a file in the web host. */
  secrets: SecretStore;
  /** How long a repository connection may go without a byte; 30 s unless a test says otherwise. */
  repositoryIdleTimeoutMs?: number;
  /** Chromium's print engine, for PDF exports: a hidden window in Electron, the system Chromium in the web host. */
  printer: Printer;
  /** Hands a finished export over: the save dialog in Electron, a download in the web host. */
  saveExport: SaveExport;
  /** The app's `resources/` folder (the print stylesheet). */
  resourcesDir: string;
  /** The host's failure log: told the cause of failures the renderer only hears about in plain words. */
  onFailure?: FailureReporter;
}

/** The one handler table, shared by Electron IPC and the web host. */
export function createHandlers(ports: HostPorts): Handlers {
  const repository = createRepositoryService({
    dataDir: ports.dataDir,
    secrets: ports.secrets,
    now: ports.now,
    ...(ports.repositoryIdleTimeoutMs === undefined ? {} : { idleTimeoutMs: ports.repositoryIdleTimeoutMs }),
  });
  const exports = createExportService({
    printer: ports.printer,
    saveExport: ports.saveExport,
    resourcesDir: ports.resourcesDir,
    ...(ports.onFailure === undefined ? {} : { onFailure: ports.onFailure }),
  });
  return {
    'app.info': () => ({
      name: ports.appName,
      version: ports.appVersion,
      platform: ports.platform,
      transport: ports.transport,
      paths: { data: ports.dataDir },
    }),
    'app.ping': ({ nonce }) => {
      const receivedAt = ports.now();
      ports.events.emit('app.pong', { nonce, sentAt: receivedAt });
      return { nonce, receivedAt };
    },
    'repository.status': () => repository.status(),
    'repository.configure': (input) => repository.configure(input),
    'repository.test': () => repository.test(),
    'repository.publish': (input) => repository.publish(input),
    'repository.pull': (input) => repository.pull(input),
    'export.create': (input) => exports.create(input),
  };
}
