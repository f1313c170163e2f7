import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crashDumpsDir, crashReporterOptions } from '../../electron/services/security/crash-dumps';
import { allowsDeveloperTools } from '../../electron/services/security/development';

describe('developer tools', () => {
  it('open only in an unpackaged build started with CHORUS_DEV=1', () => {
    expect(allowsDeveloperTools({ isPackaged: false, env: { CHORUS_DEV: '1' } })).toBe(true);
    expect(allowsDeveloperTools({ isPackaged: false, env: {} })).toBe(false);
    expect(allowsDeveloperTools({ isPackaged: false, env: { CHORUS_DEV: 'yes' } })).toBe(false);
  });

  it('stay closed in a packaged build whatever the environment says', () => {
    expect(allowsDeveloperTools({ isPackaged: true, env: { CHORUS_DEV: '1' } })).toBe(false);
    expect(allowsDeveloperTools({ isPackaged: true, env: {} })).toBe(false);
  });
});

describe('crash dumps', () => {
  it('are written inside the profile', () => {
    const profile = path.join('/home', 'sam', '.config', 'Chorus');
    const dir = crashDumpsDir(profile);
    expect(path.relative(profile, dir)).not.toMatch(/^\.\.|^$/);
    expect(path.isAbsolute(path.relative(profile, dir))).toBe(false);
  });

  it('are never uploaded, nor handed to the system crash handler', () => {
    expect(crashReporterOptions).toMatchObject({
      uploadToServer: false,
      submitURL: '',
      ignoreSystemCrashHandler: true,
    });
  });
});
