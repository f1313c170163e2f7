import type { FailureReporter, Handlers } from '../shared/dispatch';
import type { Transport } from '../shared/contract';
import type { EventHub } from './event-hub';
import type { Printer, SaveExport } from './export/ports';
import { createExportService } from './export/service';
import { createDeviceKeyStore } from './privacy/device-key';
import { eraseHostData } from './privacy/erase';
import {
  browserModeReasons,
  createSpellingWithoutDownload,
  createWindowlessControl,
  type SpellingControl,
  type WindowControl,
} from './privacy/ports';
import { saveRendererFile } from './privacy/save-file';
import { createPrivacyService } from './privacy/service';
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
  /**
   * The app's window, for screen-capture blocking and the quick exit's hide. Electron passes its
   * window; the web host a windowless control that says why it cannot. Left out (handler tests), it
   * is windowless too.
   */
  window?: WindowControl;
  /**
   * The session's spellchecker, whose dictionary may come from Google's servers. Electron passes
   * its session's; browser mode leaves it out, since there the browser checks spelling, outside Chorus.
   */
  spelling?: SpellingControl;
  /** Clears the host's own browser storage on `data.erase` (Electron's session); browser mode has none. */
  clearBrowserStorage?: () => Promise<void>;
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
  const deviceKeys = createDeviceKeyStore({
    secrets: ports.secrets,
    ...(ports.onFailure === undefined ? {} : { onFailure: ports.onFailure }),
  });
  const privacy = createPrivacyService({
    dataDir: ports.dataDir,
    window: ports.window ?? createWindowlessControl('This Chorus host has no window to protect.'),
    deviceKeys,
    spelling: ports.spelling ?? createSpellingWithoutDownload(browserModeReasons.spelling),
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
    'repository.test': (input) => repository.test(input.settings),
    'repository.publish': (input) => repository.publish(input),
    'repository.pull': (input) => repository.pull(input),
    'export.create': (input) => exports.create(input),
    'privacy.status': () => privacy.status(),
    'privacy.setContentProtection': ({ on }) => privacy.setContentProtection(on),
    'privacy.setSpellingDownload': ({ on }) => privacy.setSpellingDownload(on),
    'privacy.hideWindow': async () => ({ hidden: await privacy.hideWindow() }),
    'deviceKey.remember': ({ key }) => deviceKeys.remember(key),
    'deviceKey.recall': async () => ({ key: await deviceKeys.recall() }),
    'deviceKey.forget': async () => ({ forgotten: await deviceKeys.forget() }),
    'data.save': (input) => saveRendererFile(ports.saveExport, input, ports.onFailure),
    'data.erase': async () => {
      await eraseHostData({
        repository,
        deviceKeys,
        privacy,
        ...(ports.clearBrowserStorage === undefined ? {} : { clearBrowserStorage: ports.clearBrowserStorage }),
      });
      return { erased: true as const };
    },
  };
}
