import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { createEventHub } from '../services/event-hub';
import { createHandlers } from '../services/handlers';
import { appEntryUrl, secureWebPreferences } from '../services/security/policy';
import { createElectronPrinter } from './adapters/printer';
import { createElectronSaveExport } from './adapters/save-export';
import { createElectronSecretStore } from './adapters/secrets';
import { forwardEvents, serveIpc } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents } from './security';

const isDevelopment = process.env.CHORUS_DEV === '1';
const buildDir = path.resolve(__dirname, '..');
const events = createEventHub();
const reportFailure = (where: string, error: unknown) => console.error(`Chorus: ${where} failed`, error);

app.enableSandbox();
// Dates, numbers and the spellchecker follow British English whatever the system's language.
app.commandLine.appendSwitch('lang', 'en-GB');
registerAppScheme();
hardenWebContents();

// A second copy hands over to the first (see 'second-instance') and ends before making a window.
if (!app.requestSingleInstanceLock()) {
  app.exit(0);
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    title: 'Chorus',
    show: false,
    webPreferences: secureWebPreferences(path.join(buildDir, 'electron', 'preload.cjs')),
  });
  forwardEvents(events, window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window === undefined) return;
  if (window.isMinimized()) window.restore();
  window.focus();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

void app.whenReady().then(async () => {
  hardenSession();
  serveRenderer(path.join(buildDir, 'renderer'));
  serveIpc(
    createHandlers({
      transport: 'electron',
      appName: app.getName(),
      appVersion: app.getVersion(),
      platform: process.platform,
      dataDir: app.getPath('userData'),
      events,
      now: Date.now,
      secrets: await createElectronSecretStore(),
      printer: createElectronPrinter(),
      saveExport: createElectronSaveExport(),
      // Beside the build folder: resources/print.css.
      resourcesDir: path.join(buildDir, 'resources'),
      onFailure: reportFailure,
    }),
    reportFailure,
  );
  installMenu(isDevelopment);
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});
