import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelOutput } from '../../../electron/shared/contract';
import { dispatch, type Handlers } from '../../../electron/shared/dispatch';
import { createEventHub } from '../../../electron/services/event-hub';
import type { SaveExport } from '../../../electron/services/export/ports';
import { createHandlers, type HostPorts } from '../../../electron/services/handlers';
import { unusedExportPorts } from '../../helpers/export-ports';
import { fakeKeychainSeal, newDeviceKey, recordingWindow, secretsIn, tempDataDir } from '../../helpers/privacy';

let dataDir: string;
let sharedFolder: string;

beforeEach(async () => {
  dataDir = await tempDataDir();
  sharedFolder = await tempDataDir();
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(sharedFolder, { recursive: true, force: true });
});

function handlersWith(overrides: Partial<HostPorts> = {}): Handlers {
  return createHandlers({
    transport: 'electron',
    appName: 'Chorus',
    appVersion: '1.0.0',
    platform: 'darwin',
    dataDir,
    events: createEventHub(),
    now: Date.now,
    secrets: secretsIn(dataDir, 'os-keychain', fakeKeychainSeal()),
    ...unusedExportPorts,
    window: recordingWindow(),
    ...overrides,
  });
}

async function call(handlers: Handlers, channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

describe('data.save', () => {
  const file = { fileName: 'Chorus – everything of mine.zip', mimeType: 'application/zip' };

  it('hands the bytes to the host’s save port as they were made', async () => {
    const saved: Uint8Array[] = [];
    const saveExport: SaveExport = {
      save: (exported) => {
        saved.push(exported.bytes);
        return Promise.resolve({ outcome: 'saved', fileName: exported.fileName });
      },
    };
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x7f]);
    const value = await call(handlersWith({ saveExport }), 'data.save', { ...file, data: bytes.toString('base64') });
    expect(value).toEqual({ outcome: 'saved', fileName: file.fileName });
    expect(Buffer.from(saved[0] ?? []).equals(bytes)).toBe(true);
  });

  it('comes back as a download through the browser-mode port', async () => {
    const data = Buffer.from('everything of mine').toString('base64');
    expect(await call(handlersWith(), 'data.save', { ...file, data })).toEqual({
      outcome: 'download',
      ...file,
      data,
    });
  });

  it('turns a failing save into plain words and tells the log the cause', async () => {
    const onFailure = vi.fn();
    const saveExport: SaveExport = { save: () => Promise.reject(new Error('EACCES: /home/someone/Documents')) };
    const value = (await call(handlersWith({ saveExport, onFailure }), 'data.save', {
      ...file,
      data: 'AAAA',
    })) as ChannelOutput<'data.save'>;
    expect(value).toEqual({
      outcome: 'failed',
      message:
        'Chorus could not save the file. Check there is space and that you may save in that folder, then try again.',
    });
    expect(onFailure).toHaveBeenCalledWith('data.save', expect.any(Error));
  });

  it('refuses damaged base64 without saving', async () => {
    const save = vi.fn<SaveExport['save']>();
    const value = (await call(handlersWith({ saveExport: { save } }), 'data.save', {
      ...file,
      data: 'not base64!',
    })) as ChannelOutput<'data.save'>;
    expect(value.outcome).toBe('failed');
    expect(save).not.toHaveBeenCalled();
  });

  it('refuses a file name with a path in it before any handler runs', async () => {
    for (const fileName of ['../secrets.json', 'a/b.zip', 'C:\\x.zip', '']) {
      const result = await dispatch(handlersWith(), 'data.save', { ...file, fileName, data: 'AAAA' });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});

describe('deviceKey channels', () => {
  it('refuse a string that is not a 32-byte base64 key', async () => {
    const handlers = handlersWith();
    const bad: unknown[] = [
      { key: 'short' },
      { key: newDeviceKey().slice(0, -1) },
      { key: `${newDeviceKey()}A` },
      { key: `-_${newDeviceKey().slice(2)}` },
      { key: newDeviceKey(), extra: true },
      {},
    ];
    for (const input of bad) {
      expect(await dispatch(handlers, 'deviceKey.remember', input)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(await call(handlers, 'deviceKey.recall', {})).toEqual({ key: null });
  });

  it('round-trip through dispatch', async () => {
    const handlers = handlersWith();
    const key = newDeviceKey();
    expect(await call(handlers, 'deviceKey.remember', { key })).toEqual({ ok: true });
    expect(await call(handlers, 'deviceKey.recall', {})).toEqual({ key });
    expect(await call(handlers, 'deviceKey.forget', {})).toEqual({ forgotten: true });
    expect(await call(handlers, 'deviceKey.recall', {})).toEqual({ key: null });
  });
});

describe('privacy channels', () => {
  it('report the status, apply the choice and hide the window', async () => {
    const window = recordingWindow();
    const handlers = handlersWith({ window });
    expect(await call(handlers, 'privacy.setContentProtection', { on: true })).toMatchObject({
      contentProtection: { supported: true, on: true },
    });
    expect(window.protection).toEqual([true]);
    expect(await call(handlers, 'privacy.hideWindow', {})).toEqual({ hidden: true });
    expect(window.hides).toBe(1);
  });
});

describe('data.erase', () => {
  it('removes everything the host keeps, twice without complaint, and leaves the services working', async () => {
    const clearBrowserStorage = vi.fn(() => Promise.resolve());
    const window = recordingWindow();
    const handlers = handlersWith({ clearBrowserStorage, window });
    expect(
      await call(handlers, 'repository.configure', {
        kind: 'git',
        url: 'https://git.example/chorus.git',
        username: 'consultee',
        token: 'token-value',
      }),
    ).toMatchObject({ ok: true, status: { hasToken: true } });
    await call(handlers, 'deviceKey.remember', { key: newDeviceKey() });
    await call(handlers, 'privacy.setContentProtection', { on: true });
    // What a git remote leaves behind: its local copy.
    await mkdir(path.join(dataDir, 'repository-cache', 'abc', 'objects'), { recursive: true });
    await writeFile(path.join(dataDir, 'repository-cache', 'abc', 'objects', 'pack'), 'x');

    expect(await call(handlers, 'data.erase', {})).toEqual({ erased: true });
    expect(await call(handlers, 'data.erase', {})).toEqual({ erased: true });

    for (const name of ['repository.json', 'privacy.json', 'repository-cache']) {
      expect(existsSync(path.join(dataDir, name)), name).toBe(false);
    }
    const secrets = JSON.parse(await readFile(path.join(dataDir, 'secrets.json'), 'utf8')) as { secrets: object };
    expect(secrets.secrets).toEqual({});
    expect(clearBrowserStorage).toHaveBeenCalledTimes(2);
    expect(window.protection.at(-1)).toBe(false);
    expect(await call(handlers, 'repository.status', {})).toMatchObject({ remote: { kind: 'none' }, hasToken: false });
    expect(await call(handlers, 'privacy.status', {})).toMatchObject({
      contentProtection: { on: false },
      rememberKey: { remembered: false },
    });

    // Set up again, as the person might straight after.
    expect(await call(handlers, 'repository.configure', { kind: 'folder', path: sharedFolder })).toMatchObject({
      ok: true,
    });
    expect(await call(handlers, 'repository.test', {})).toMatchObject({ ok: true, empty: true });
  });

  it('finishes every step when one fails, then reports the failure instead of "erased"', async () => {
    const onFailure = vi.fn();
    const handlers = handlersWith({
      clearBrowserStorage: () => Promise.reject(new Error('session busy')),
      onFailure,
    });
    await call(handlers, 'repository.configure', { kind: 'folder', path: sharedFolder });
    await call(handlers, 'deviceKey.remember', { key: newDeviceKey() });

    expect(await dispatch(handlers, 'data.erase', {}, onFailure)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(onFailure).toHaveBeenCalledWith('data.erase', expect.any(AggregateError));
    expect(existsSync(path.join(dataDir, 'repository.json'))).toBe(false);
    expect(await call(handlers, 'deviceKey.recall', {})).toEqual({ key: null });
  });
});
