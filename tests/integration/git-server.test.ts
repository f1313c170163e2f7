import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request, type ClientRequest } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitServer, type GitServer } from '../../scripts/git-server';
import { startFaultProxy } from '../helpers/fault-proxy';

let temp: string;
let server: GitServer;

interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Native git, kept away from the machine's own configuration, credentials and prompts. */
function git(args: string[], cwd = temp): Promise<GitResult> {
  const env = {
    PATH: process.env.PATH,
    HOME: path.join(temp, 'home'),
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const identity = ['-c', 'user.name=Test Facilitator', '-c', 'user.email=facilitator@example.org'];
  return new Promise((resolve) => {
    execFile('git', [...identity, ...args], { cwd, env }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

function withCredentials(url: string, username: string, token: string): string {
  const parsed = new URL(url);
  parsed.username = username;
  parsed.password = token;
  return parsed.href;
}

const basic = (username: string, token: string) => `Basic ${Buffer.from(`${username}:${token}`).toString('base64')}`;

/**
 * Processes serving `projectRoot`: git http-backend and everything it started carry
 * GIT_PROJECT_ROOT in their environment. Also any direct child git that has exited but not been
 * reaped, whose environment can no longer be read.
 */
async function gitProcesses(projectRoot: string): Promise<number[]> {
  const found: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const environ = await readFile(`/proc/${name}/environ`, 'latin1');
      const stat = await readFile(`/proc/${name}/stat`, 'latin1');
      const [, command = '', fields = ''] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      const [state, parent] = fields.split(' ');
      const zombieChild = state === 'Z' && Number(parent) === process.pid && command.startsWith('git');
      if (environ.includes(`GIT_PROJECT_ROOT=${projectRoot}\0`) || zombieChild) found.push(Number(name));
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Starts an upload-pack request whose body never ends, so git http-backend keeps running. */
function hangingUploadPack(target: GitServer): ClientRequest {
  const url = new URL(`${target.url}/git-upload-pack`);
  const hanging = request({
    host: url.hostname,
    port: url.port,
    method: 'POST',
    path: url.pathname,
    headers: {
      Authorization: basic(target.username, target.token),
      'Content-Type': 'application/x-git-upload-pack-request',
    },
  });
  hanging.on('error', () => {
    // The test ends this request on purpose.
  });
  hanging.write('0032want ');
  return hanging;
}

beforeAll(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), 'chorus-git-server-'));
  await mkdir(path.join(temp, 'home'));
  server = await startGitServer({ root: path.join(temp, 'served') });
});

afterAll(async () => {
  await server.close();
  await rm(temp, { recursive: true, force: true });
});

describe('the local git server', () => {
  it('creates a bare repository that accepts pushes', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/chorus\.git$/);
    expect(server.repositoryPath).toBe(path.join(temp, 'served', 'chorus.git'));
    expect(server.token).toMatch(/^[\w-]{32}$/);
    const config = await git(['config', '--file', path.join(server.repositoryPath, 'config'), 'http.receivepack']);
    expect(config.stdout.trim()).toBe('true');
  });

  it('clones the empty repository, takes a push, and a second clone sees it', async () => {
    const url = withCredentials(server.url, server.username, server.token);
    const first = await git(['clone', url, 'first']);
    expect(first.code, first.stderr).toBe(0);
    const cwd = path.join(temp, 'first');
    expect((await git(['symbolic-ref', 'HEAD'], cwd)).stdout.trim()).toBe('refs/heads/main');

    await writeFile(path.join(cwd, 'approved.md'), 'An approved version.\n');
    expect((await git(['add', 'approved.md'], cwd)).code).toBe(0);
    expect((await git(['commit', '-m', 'Approve a version'], cwd)).code).toBe(0);
    const push = await git(['push', 'origin', 'main'], cwd);
    expect(push.code, push.stderr).toBe(0);

    const second = await git(['clone', url, 'second']);
    expect(second.code, second.stderr).toBe(0);
    expect(await readFile(path.join(temp, 'second', 'approved.md'), 'utf8')).toBe('An approved version.\n');
  });

  it('refuses a wrong token with 401', async () => {
    const wrong = await git(['clone', withCredentials(server.url, server.username, `${server.token}x`), 'wrong']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/401|Authentication failed/);
  });

  it('asks for credentials when none are given', async () => {
    const response = await fetch(`${server.url}/info/refs?service=git-upload-pack`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Basic realm="Chorus test repository"');
  });

  it('serves nothing outside the repository', async () => {
    const origin = new URL(server.url).origin;
    const headers = { Authorization: basic(server.username, server.token) };
    expect((await fetch(`${server.url}/info/refs?service=git-upload-pack`, { headers })).status).toBe(200);
    for (const outside of ['/', '/chorus.git', '/other.git/info/refs?service=git-upload-pack', '/chorus.gitx/HEAD']) {
      expect((await fetch(`${origin}${outside}`, { headers })).status, outside).toBe(404);
    }
    // Sent raw, since fetch would tidy away the dot segments.
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(server.url);
      request({ host: url.hostname, port: url.port, path: '/chorus.git/%2e%2e/other.git/HEAD', headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(404);
  });

  it.runIf(process.platform === 'linux')('stops git when the client goes away', async () => {
    const root = path.join(temp, 'served');
    const hanging = hangingUploadPack(server);
    await waitUntil(async () => (await gitProcesses(root)).length > 0, 'git http-backend is running');
    hanging.destroy();
    await waitUntil(async () => (await gitProcesses(root)).length === 0, 'git http-backend has stopped');
  });

  it.runIf(process.platform === 'linux')(
    'lets a push that reached its branch update finish after its client left, and leaves the branch unlocked',
    async () => {
      const root = path.join(temp, 'slow-update');
      const slow = await startGitServer({ root });
      try {
        // While the branch's lock is held, git runs this hook; it says so, then takes its time.
        const started = path.join(temp, 'update-started');
        const hook = path.join(slow.repositoryPath, 'hooks', 'reference-transaction');
        await writeFile(hook, `#!/bin/sh\n[ "$1" = prepared ] && touch '${started}' && sleep 1\nexit 0\n`, {
          mode: 0o755,
        });
        const url = withCredentials(slow.url, slow.username, slow.token);
        const cwd = path.join(temp, 'leaving');
        expect((await git(['init', '--quiet', '--initial-branch=main', cwd])).code).toBe(0);
        await writeFile(path.join(cwd, 'approved.md'), 'Version 1.\n');
        expect((await git(['add', 'approved.md'], cwd)).code).toBe(0);
        expect((await git(['commit', '--quiet', '-m', 'Version 1'], cwd)).code).toBe(0);
        const commit = (await git(['rev-parse', 'HEAD'], cwd)).stdout.trim();

        // The client pushes through a connection that is reset as soon as the server is updating
        // the branch, as the fault proxy and real networks do.
        const upstreams: Socket[] = [];
        const clients: Socket[] = [];
        const forwarder = createNetServer((client) => {
          const upstream = connect(Number(new URL(slow.url).port), '127.0.0.1');
          upstreams.push(upstream);
          clients.push(client);
          for (const socket of [client, upstream]) socket.on('error', () => undefined);
          client.pipe(upstream).pipe(client);
        });
        await new Promise<void>((resolve) => forwarder.listen(0, '127.0.0.1', resolve));
        const through = new URL(url);
        through.port = String((forwarder.address() as AddressInfo).port);
        const pushing = git(['push', through.href, 'main'], cwd);
        await waitUntil(
          () =>
            readFile(started).then(
              () => true,
              () => false,
            ),
          'the branch update has started',
        );
        for (const upstream of upstreams) upstream.resetAndDestroy();
        for (const client of clients) client.destroy();
        forwarder.close();
        await pushing;

        const remoteHead = async () => (await git(['ls-remote', url, 'refs/heads/main'])).stdout.split('\t')[0] ?? '';
        await waitUntil(async () => (await remoteHead()) === commit, 'the push has landed', 10_000);
        // Nothing was left locked: the next push goes through.
        await writeFile(path.join(cwd, 'approved.md'), 'Version 2.\n');
        expect((await git(['commit', '--quiet', '-am', 'Version 2'], cwd)).code).toBe(0);
        const next = await git(['push', url, 'main'], cwd);
        expect(next.code, next.stderr).toBe(0);
      } finally {
        await slow.close();
      }
    },
  );

  it.runIf(process.platform === 'linux')('leaves no git processes behind when closed', async () => {
    const root = path.join(temp, 'closing');
    const closing = await startGitServer({ root });
    hangingUploadPack(closing);
    await waitUntil(async () => (await gitProcesses(root)).length > 0, 'git http-backend is running');
    await closing.close();
    expect(await gitProcesses(root)).toEqual([]);
  });
});

describe('the fault proxy', () => {
  const target = () => ({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
  const noFaults = { resetRate: 0, stallRate: 0, errorRate: 0, stallMs: 0 };

  it('answers 500 when every connection gets an error', async () => {
    const proxy = await startFaultProxy({ target: target(), seed: 1, ...noFaults, errorRate: 1 });
    try {
      const response = await fetch(proxy.url('chorus.git/info/refs?service=git-upload-pack'));
      expect(response.status).toBe(500);
      expect(proxy.stats).toMatchObject({ connections: 1, errors: 1 });
    } finally {
      await proxy.close();
    }
  });

  it('breaks the exchange when every connection is reset', async () => {
    const proxy = await startFaultProxy({ target: target(), seed: 2, ...noFaults, resetRate: 1 });
    try {
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const exchange = fetch(proxy.url('chorus.git/info/refs?service=git-upload-pack')).then((r) => r.text());
        await expect(exchange).rejects.toThrow();
      }
      expect(proxy.stats).toMatchObject({ connections: 5, resets: 5 });
    } finally {
      await proxy.close();
    }
  });

  it('holds the response back for stallMs when every connection stalls', async () => {
    const proxy = await startFaultProxy({ target: target(), seed: 3, ...noFaults, stallRate: 1, stallMs: 300 });
    try {
      const started = Date.now();
      await fetch(proxy.url('chorus.git/info/refs?service=git-upload-pack'))
        .then((r) => r.text())
        .catch(() => 'reset after the stall');
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(proxy.stats.stalls).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('replays the same faults from the same seed', async () => {
    const rates = { resetRate: 0.3, stallRate: 0.3, errorRate: 0.3, stallMs: 10 };
    const outcomes: string[][] = [];
    for (const run of [0, 1]) {
      const proxy = await startFaultProxy({ target: target(), seed: 42, ...rates });
      const path = 'chorus.git/info/refs?service=git-upload-pack';
      for (let attempt = 0; attempt < 12; attempt += 1) {
        // A fresh connection each time, so each request gets the next draw.
        const response = await fetch(proxy.url(path), { headers: { Connection: 'close' } }).catch(() => undefined);
        await response?.text().catch(() => undefined);
      }
      outcomes[run] = [JSON.stringify(proxy.stats)];
      await proxy.close();
    }
    expect(outcomes[0]).toEqual(outcomes[1]);
    expect(JSON.parse(outcomes[0]?.[0] ?? '{}')).toMatchObject({ connections: 12 });
  });

  it('lets native git clone through it with faults off', async () => {
    const proxy = await startFaultProxy({ target: target(), seed: 4, ...noFaults, errorRate: 1 });
    proxy.setFaults(false);
    try {
      const url = proxy.url('chorus.git', { username: server.username, token: server.token });
      const clone = await git(['clone', url, 'through-proxy']);
      expect(clone.code, clone.stderr).toBe(0);
      expect(await readFile(path.join(temp, 'through-proxy', 'approved.md'), 'utf8')).toBe('An approved version.\n');
      expect(proxy.stats.errors).toBe(0);
      expect(proxy.stats.connections).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });
});
