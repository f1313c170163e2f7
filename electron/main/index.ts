import path from 'node:path';
import { app, BrowserWindow, crashReporter } from 'electron';
import { createEventHub } from '../services/event-hub';
import { createHandlers } from '../services/handlers';
import { applySavedContentProtection, applySavedSpelling } from '../services/privacy/service';
import { crashDumpsDir, crashReporterOptions } from '../services/security/crash-dumps';
import { allowsDeveloperTools } from '../services/security/development';
import { appEntryUrl, secureWebPreferences } from '../services/security/policy';
import { clearAppBrowserStorage } from './adapters/browser-storage';
import { lockOnSleepAndScreenLock } from './adapters/power-lock';
import { createElectronPrinter } from './adapters/printer';
import { createElectronSaveExport } from './adapters/save-export';
import { createElectronSecretStore } from './adapters/secrets';
import { createElectronSpellingControl } from './adapters/spelling';
import { createElectronWindowControl } from './adapters/window-control';
import { forwardEvents, serveIpc } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents } from './security';

const isDevelopment = allowsDeveloperTools({ isPackaged: app.isPackaged, env: process.env });
const buildDir = path.resolve(__dirname, '..');
const events = createEventHub();
const windowControl = createElectronWindowControl();
const spelling = createElectronSpellingControl({ resourcesDir: path.join(buildDir, 'resources') });
const reportFailure = (where: string, error: unknown) => console.error(`Chorus: ${where} failed`, error);

// Before anything can crash: dumps stay in the profile and are never sent (see crash-dumps.ts).
app.setPath('crashDumps', crashDumpsDir(app.getPath('userData')));
crashReporter.start({ ...crashReporterOptions, uploadToServer: false });
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
    webPreferences: secureWebPreferences(path.join(buildDir, 'electron', 'preload.cjs'), isDevelopment),
  });
  // Before it is first shown, so a protected window is never captured.
  windowControl.attach(window);
  forwardEvents(events, window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appEntryUrl);
  return window;
}

// Starting Chorus again also brings back a window the quick exit hid.
app.on('second-instance', () => {
  windowControl.reveal();
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

void app.whenReady().then(async () => {
  const dataDir = app.getPath('userData');
  // First of all: the session may start fetching a spelling dictionary before the choice is read.
  spelling.holdDownloads();
  hardenSession();
  serveRenderer(path.join(buildDir, 'renderer'));
  serveIpc(
    createHandlers({
      transport: 'electron',
      appName: app.getName(),
      appVersion: app.getVersion(),
      platform: process.platform,
      dataDir,
      events,
      now: Date.now,
      secrets: await createElectronSecretStore(),
      printer: createElectronPrinter(),
      saveExport: createElectronSaveExport(),
      // Beside the build folder: resources/print.css.
      resourcesDir: path.join(buildDir, 'resources'),
      onFailure: reportFailure,
      window: windowControl,
      spelling,
      clearBrowserStorage: clearAppBrowserStorage,
    }),
    reportFailure,
  );
  lockOnSleepAndScreenLock(events);
  installMenu(isDevelopment);
  await applySavedContentProtection(dataDir, windowControl);
  await applySavedSpelling(dataDir, spelling);
  createWindow();
  app.on('activate', () => {
    if (!windowControl.reveal()) createWindow();
  });
});
