import path from 'node:path';

/**
 * Where Electron writes crash dumps, and how its crash reporter is started. A dump holds the
 * process's memory, so it can hold what was on screen: it stays inside the profile (where
 * "Erase everything" and the person's own deletion of the profile reach it) and it is never
 * uploaded. Kept free of Electron so it can be unit-tested in Node; electron/main applies it
 * before the app is ready, as Electron requires.
 */
export function crashDumpsDir(profileDir: string): string {
  return path.join(profileDir, 'Crash dumps');
}

export const crashReporterOptions = {
  /** Electron requires an address; an empty one, with uploads off, sends nothing anywhere. */
  submitURL: '',
  uploadToServer: false,
  /** Nor is a dump handed to the operating system's own crash reporter (which may upload it). */
  ignoreSystemCrashHandler: true,
  compress: true,
} as const;
