import { readFileSync } from 'node:fs';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
// The same YAML parser electron-builder reads its configuration with.
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const readText = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const config = load(readText('electron-builder.yml')) as Configuration;
const packageJson = JSON.parse(readText('package.json')) as { main: string };

describe('electron-builder.yml', () => {
  it('passes the schema check electron-builder runs before every build', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and puts the installers in dist/', () => {
    expect(config.appId).toBe('org.chorus.app');
    expect(config.productName).toBe('Chorus');
    expect(config.directories?.output).toBe('dist');
  });

  it('packs only the built app, without source maps or the web host, into an asar archive', () => {
    expect(config.files).toEqual(['build/**/*', '!build/**/*.map', '!build/web-host/**', 'package.json']);
    expect(config.asar).toBe(true);
    expect(packageJson.main).toMatch(/^build\/.+\.cjs$/);
  });

  it('flips every fuse to its safe setting', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an AppImage and a deb on Linux', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toBe('Chorus');
  });

  it('builds an assisted per-user NSIS installer on Windows', () => {
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.nsis?.oneClick).toBe(false);
    expect(config.nsis?.perMachine).toBe(false);
  });

  it('builds a dmg and a zip with the hardened runtime on macOS', () => {
    expect(config.mac?.target).toEqual(['dmg', 'zip']);
    expect(config.mac?.category).toBe('public.app-category.productivity');
    expect(config.mac?.hardenedRuntime).toBe(true);
  });
});
