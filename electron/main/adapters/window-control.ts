import type { BrowserWindow } from 'electron';
import type { ContentProtectionSupport, WindowControl } from '../../services/privacy/ports';

/** Electron's `setContentProtection` works only where the system offers it (Windows and macOS). */
function supportOn(platform: NodeJS.Platform): ContentProtectionSupport {
  if (platform === 'win32' || platform === 'darwin') return { supported: true, reason: '' };
  return { supported: false, reason: 'Linux does not let apps block screen capture.' };
}

export interface ElectronWindowControl extends WindowControl {
  /** Takes charge of a new app window before it is shown: applies the current protection to it. */
  attach(window: BrowserWindow): void;
  /** Brings the app window back (after the quick exit hid it); false when there is none. */
  reveal(): boolean;
}

/**
 * The privacy ports over the app's own windows (not the printer's hidden one). The protection
 * choice is held here too, so a window made later in the run (macOS re-opening) gets it before it
 * is shown.
 */
export function createElectronWindowControl(platform: NodeJS.Platform = process.platform): ElectronWindowControl {
  const support = supportOn(platform);
  const windows = new Set<BrowserWindow>();
  let protect = false;
  const live = () => [...windows].filter((window) => !window.isDestroyed());

  return {
    contentProtectionSupport: () => support,
    setContentProtection(on) {
      protect = on;
      if (support.supported) for (const window of live()) window.setContentProtection(on);
    },
    hide() {
      const targets = live();
      for (const window of targets) {
        // Minimised first so the taskbar or Dock does not show its picture while it goes.
        window.minimize();
        window.hide();
      }
      return Promise.resolve(targets.length > 0);
    },
    attach(window) {
      windows.add(window);
      window.once('closed', () => windows.delete(window));
      if (support.supported) window.setContentProtection(protect);
    },
    reveal() {
      const [window] = live();
      if (window === undefined) return false;
      if (window.isMinimized()) window.restore();
      if (!window.isVisible()) window.show();
      window.focus();
      return true;
    },
  };
}
