import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGitRemote, tempDir, type TestGitRemote } from '../helpers/repository';

const cli = path.resolve(import.meta.dirname, '../../build/web-host/cli.js');

/**
 * The web host as `npm run web` starts it: the bundled build, not the sources. Bundling can break
 * what the sources do fine (a dependency's require() in an ES module), so this runs the bundle.
 */
describe('the built web host (npm run web)', () => {
  let child: ChildProcess;
  let dataDir: string;
  let url: URL;
  let remote: TestGitRemote;

  beforeAll(async () => {
    remote = await startTestGitRemote();
    dataDir = await tempDir('web-cli');
    child = spawn(process.execPath, [cli, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    url = await new Promise<URL>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output);
        if (found !== null) resolve(new URL(found[0]));
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`The web host ended (${String(code)}): ${output}`)));
    });
  });
  afterAll(async () => {
    child.kill();
    await remote.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const call = async (channel: string, input: unknown) => {
    const response = await fetch(new URL(`/api/call/${channel}`, url), {
      method: 'POST',
      headers: { Authorization: `Bearer ${url.searchParams.get('token') ?? ''}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as { ok: boolean; value?: unknown };
  };

  it('starts, and reaches a git repository through the bundled isomorphic-git', async () => {
    expect(await call('app.info', {})).toMatchObject({ ok: true, value: { transport: 'web' } });
    expect(await call('repository.configure', remote.settings)).toMatchObject({ ok: true, value: { ok: true } });
    expect(await call('repository.test', {})).toMatchObject({ ok: true, value: { ok: true, empty: true } });
  });
});

describe('the built web host on the command line', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });

  it('prints its usage for --help and stops without an error', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: node build/web-host/cli.js');
    expect(result.stderr).toBe('');
  });

  it('names an unknown option in one line and stops with exit code 2', () => {
    const result = run('--bogus');
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe("Unknown option '--bogus'. Run with --help to see the options.");
  });
});
