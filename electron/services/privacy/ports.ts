/** Whether this host can keep the window out of screen captures, and why not in words fit to show. */
export interface ContentProtectionSupport {
  supported: boolean;
  /** '' when supported. */
  reason: string;
}

/**
 * What the privacy channels need from the app's window. Electron implements it over its
 * `BrowserWindow` (`electron/main/adapters/window-control.ts`); a host without a window of its own
 * (browser mode, tests) uses `createWindowlessControl`.
 */
export interface WindowControl {
  contentProtectionSupport(): ContentProtectionSupport;
  /** Applies to the window now and to any window made later in this run. */
  setContentProtection(on: boolean): void;
  /** The quick exit's last step. Resolves to whether a window was hidden. */
  hide(): Promise<boolean>;
}

/** For hosts that have no window to protect or hide: says so, and does nothing. */
export function createWindowlessControl(reason: string): WindowControl {
  return {
    contentProtectionSupport: () => ({ supported: false, reason }),
    setContentProtection: () => undefined,
    hide: () => Promise.resolve(false),
  };
}

/**
 * The session's spellchecker. On Windows and Linux, Chromium checks spelling with a Hunspell
 * dictionary that it downloads from Google's servers, so there it waits for the person's leave;
 * macOS checks spelling itself and downloads nothing. Electron implements it over its session
 * (`electron/main/adapters/spelling.ts`); browser mode uses `createSpellingWithoutDownload`.
 */
export interface SpellingControl {
  /** True where checking spelling needs a dictionary from Google's servers. */
  readonly downloadNeeded: boolean;
  /** Why no download is needed here, in words fit to show; '' where one is. */
  readonly reason: string;
  /**
   * Where a download is needed: spelling on and the download allowed, or spelling off and nothing
   * fetched. Where none is needed, spelling is on whatever `allowDownload` says.
   */
  apply(allowDownload: boolean): void;
}

/** For hosts whose spelling fetches nothing through Chorus: says why, and does nothing. */
export function createSpellingWithoutDownload(reason: string): SpellingControl {
  return { downloadNeeded: false, reason, apply: () => undefined };
}

/** Why browser mode does not do what the desktop app does, in words fit to show. */
export const browserModeReasons = {
  contentProtection: 'Browser mode cannot block screen capture; use the desktop app.',
  spelling: 'In browser mode, your web browser checks spelling; Chorus downloads nothing for it.',
} as const;
