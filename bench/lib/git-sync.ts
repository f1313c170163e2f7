// Shared pieces of the sync benchmarks: native git kept away from this machine's configuration,
// the approved versions both sides write, a repository seeded in one commit, a full pull through
// the repository service, and a tally of where the service's time goes inside isomorphic-git.
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import git from 'isomorphic-git';
import { markerBytes, markerPath, recordBytes, resourcesDir, versionPath } from '@core/repository/format';
import type { RepositoryService } from '../../electron/services/repository/service';
import { renderVersionPage } from '../../electron/services/repository/version-page';
import type { ApprovedVersion } from '@core/repository/records';
import { makeService, makeVersion, type TestGitRemote } from '../../tests/helpers/repository';
import { longDocument } from './corpus';

const run = promisify(execFile);

/** What the service writes as the marker of a new repository, byte for byte. */
export const marker = { path: markerPath, bytes: markerBytes('Chorus shared repository') };

export interface RepositoryFile {
  path: string;
  bytes: Uint8Array;
}

/** One approved version as it lands in the repository: the rendered page and the canonical JSON. */
export interface VersionFiles {
  version: ApprovedVersion;
  message: string;
  files: RepositoryFile[];
}

/** Words in each version's document: about a printed page. */
export const wordsPerVersion = 450;

/**
 * `count` approved versions, frozen as the renderer freezes them: `versionsPerResource` versions
 * of each resource in turn, each with its own page of writing (a fixed seed per version).
 */
export async function makeVersions(count: number, versionsPerResource: number): Promise<VersionFiles[]> {
  const out: VersionFiles[] = [];
  for (let index = 0; index < count; index += 1) {
    const resource = Math.floor(index / versionsPerResource) + 1;
    const number = (index % versionsPerResource) + 1;
    const resourceId = `res-${String(resource).padStart(4, '0')}`;
    const title = `Listening first, part ${resource}`;
    const version = await makeVersion(resourceId, number, {
      title,
      document: longDocument(wordsPerVersion, 10_000 + index),
    });
    out.push({
      version,
      // The service's own commit message (service.ts, commitMessage).
      message: `Publish “${title}” version ${number}\n\nResource ${resourceId}`,
      files: [
        { path: versionPath(version, 'html'), bytes: new TextEncoder().encode(renderVersionPage(version)) },
        { path: versionPath(version), bytes: recordBytes(version) },
      ],
    });
  }
  return out;
}

export const totalBytes = (versions: readonly VersionFiles[]) =>
  versions.reduce((sum, item) => sum + item.files.reduce((files, file) => files + file.bytes.byteLength, 0), 0);

/**
 * Native git for one trial: no system or user configuration (HOME is a folder of its own), no
 * prompts, and the same neutral author the service signs its commits with.
 */
export interface NativeGit {
  home: string;
  git(args: string[], cwd: string): Promise<string>;
  /** Runs git with `input` on its standard input; its standard output as bytes. */
  gitWithInput(args: string[], cwd: string, input: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function startNativeGit(): Promise<NativeGit> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'chorus-bench-git-home-'));
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const identity = ['-c', 'user.name=Chorus', '-c', 'user.email=chorus@invalid', '-c', 'init.defaultBranch=main'];
  return {
    home,
    async git(args, cwd) {
      const { stdout } = await run('git', [...identity, ...args], { cwd, env, maxBuffer: 64 * 1024 * 1024 });
      return stdout;
    },
    gitWithInput(args, cwd, input) {
      return new Promise((resolve, reject) => {
        const child = spawn('git', [...identity, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
        const chunks: Buffer[] = [];
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
        child.once('error', reject);
        child.once('close', (code) => {
          if (code === 0) resolve(Buffer.concat(chunks));
          else reject(new Error(`git ${args.join(' ')} failed (${code ?? '?'}): ${stderr}`));
        });
        child.stdin.end(input);
      });
    },
    close: () => rm(home, { recursive: true, force: true }),
  };
}

export async function writeFiles(root: string, files: readonly RepositoryFile[]): Promise<void> {
  for (const file of files) {
    const target = path.join(root, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
  }
}

/**
 * Fills the remote's empty repository with the marker and every version's two files in ONE commit,
 * pushed straight into the bare repository on disk (not timed, so not through the server).
 */
export async function seedRepository(remote: TestGitRemote, versions: readonly VersionFiles[]): Promise<void> {
  const native = await startNativeGit();
  const work = await mkdtemp(path.join(os.tmpdir(), 'chorus-bench-seed-'));
  try {
    await native.git(['init', '-q'], work);
    await writeFiles(work, [marker, ...versions.flatMap((item) => item.files)]);
    await native.git(['add', '-A'], work);
    await native.git(['commit', '-q', '-m', `Seed ${versions.length} versions`], work);
    await native.git(['push', '-q', remote.server.repositoryPath, 'HEAD:main'], work);
  } finally {
    await rm(work, { recursive: true, force: true });
    await native.close();
  }
}

/** What a repository holds: commits on main and files in its tree, read with native git. */
export async function repositoryShape(remote: TestGitRemote): Promise<{ commits: number; files: number }> {
  const native = await startNativeGit();
  try {
    const where = remote.server.repositoryPath;
    const commits = Number((await native.git(['rev-list', '--count', 'main'], where)).trim());
    const files = (await native.git(['ls-tree', '-r', '--name-only', 'main'], where)).split('\n').filter(Boolean);
    return { commits, files: files.length };
  } finally {
    await native.close();
  }
}

/** A fresh service (its own data folder) set up for the remote; `close` deletes the folder. */
export async function configuredService(remote: TestGitRemote): Promise<{
  service: RepositoryService;
  failures: unknown[];
  close(): Promise<void>;
}> {
  const client = await makeService();
  const configured = await client.service.configure({
    kind: 'git',
    url: remote.server.url,
    username: remote.server.username,
    token: remote.server.token,
  });
  if (!configured.ok) throw new Error(`configure failed: ${configured.problem.message}`);
  return {
    service: client.service,
    failures: client.failures,
    close: () => rm(client.dataDir, { recursive: true, force: true }),
  };
}

/** Pulls every page as the renderer's sync engine does: known paths grow, the cursor moves on. */
export async function pullEverything(service: RepositoryService): Promise<{ versions: number; pages: number }> {
  let cursor: string | null = null;
  const known: string[] = [];
  let versions = 0;
  for (let pages = 1; ; pages += 1) {
    const page = await service.pull({ cursor, known });
    if (!page.ok) throw new Error(`pull failed: ${page.problem.message}`);
    if (page.skipped.length > 0) throw new Error(`pull skipped ${page.skipped[0]?.path ?? ''}`);
    versions += page.items.filter((item) => item.kind === 'version').length;
    known.push(...page.items.map((item) => item.path), ...page.skipped.map((file) => file.path));
    cursor = page.cursor;
    if (!page.more) return { versions, pages };
  }
}

/** Every `*.json` under `resources/` in a working tree, read and parsed; how many there were. */
export async function readVersionFiles(root: string): Promise<number> {
  const parsed = JSON.parse(await readFile(path.join(root, markerPath), 'utf8')) as { format?: unknown };
  if (parsed.format !== 1) throw new Error('The clone has no marker');
  let count = 0;
  for (const resource of await readdir(path.join(root, resourcesDir))) {
    const versionsDir = path.join(root, resourcesDir, resource, 'versions');
    for (const name of await readdir(versionsDir)) {
      if (!name.endsWith('.json')) continue;
      const record = JSON.parse(await readFile(path.join(versionsDir, name), 'utf8')) as { id?: unknown };
      if (typeof record.id !== 'string') throw new Error(`${name} has no id`);
      count += 1;
    }
  }
  return count;
}

/**
 * The same reading from a bare repository, without a working tree, as the service reads its local
 * copy: list the tree of main, read the marker and every version's JSON blob with one
 * `git cat-file --batch`, and parse each. How many versions there were.
 */
export async function readVersionBlobs(native: NativeGit, gitDir: string): Promise<number> {
  const listing = await native.git(['ls-tree', '-r', 'main'], gitDir);
  const wanted: string[] = [];
  for (const line of listing.split('\n')) {
    const [meta = '', filePath = ''] = line.split('\t');
    const oid = meta.split(' ')[2];
    if (oid === undefined) continue;
    if (filePath === markerPath || (filePath.startsWith(`${resourcesDir}/`) && filePath.endsWith('.json'))) {
      wanted.push(oid);
    }
  }
  const output = await native.gitWithInput(['cat-file', '--batch'], gitDir, `${wanted.join('\n')}\n`);
  let offset = 0;
  let versions = 0;
  let sawMarker = false;
  while (offset < output.length) {
    const headerEnd = output.indexOf(10, offset);
    const size = Number(output.subarray(offset, headerEnd).toString('latin1').split(' ')[2]);
    const record = JSON.parse(output.subarray(headerEnd + 1, headerEnd + 1 + size).toString('utf8')) as {
      id?: unknown;
      format?: unknown;
    };
    if (typeof record.id === 'string') versions += 1;
    else if (record.format === 1) sawMarker = true;
    offset = headerEnd + 1 + size + 1;
  }
  if (!sawMarker) throw new Error('The bare clone has no marker');
  return versions;
}

/** Wall-clock ms inside each isomorphic-git function the service called, and how often. */
export type GitTally = Record<string, { ms: number; calls: number }>;

const tallied = [
  'listServerRefs',
  'fetch',
  'push',
  'packObjects',
  'readCommit',
  'readTree',
  'readBlob',
  'writeBlob',
  'writeTree',
  'writeCommit',
  'writeRef',
  'init',
  'addRemote',
] as const;

/**
 * Runs `work` with isomorphic-git's functions wrapped to count and time them, then puts them back.
 * The service calls isomorphic-git through its default export, the same object imported here.
 * Calls the service makes concurrently (two tree reads at once when it lists) are each counted in
 * full.
 */
export async function tally(work: () => Promise<void>): Promise<GitTally> {
  const result: GitTally = {};
  const api = git as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const originals = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  for (const name of tallied) {
    const original = api[name];
    if (original === undefined) continue;
    originals.set(name, original);
    const entry = { ms: 0, calls: 0 };
    result[name] = entry;
    api[name] = async (...args: unknown[]) => {
      const started = performance.now();
      try {
        return await original(...args);
      } finally {
        entry.ms += performance.now() - started;
        entry.calls += 1;
      }
    };
  }
  try {
    await work();
  } finally {
    for (const [name, original] of originals) api[name] = original;
  }
  return result;
}

/** HTTP requests a server in this process answered; `challenges` of them with 401 (asking for credentials). */
export interface ServerRequests {
  requests: number;
  challenges: number;
}

/**
 * How many HTTP requests the git server in this process answered while `work` ran, whoever made
 * them (native git or the service): every `node:http` server's "request" events are counted, and
 * those answered 401. Native git sends the credentials in its URL only once the server asks.
 */
export async function countServerRequests(work: () => Promise<void>): Promise<ServerRequests> {
  const prototype = http.Server.prototype as unknown as {
    emit: (event: string | symbol, ...args: unknown[]) => boolean;
  };
  const original = prototype.emit;
  const counts: ServerRequests = { requests: 0, challenges: 0 };
  prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    const response = args[1];
    if (event === 'request' && response instanceof http.ServerResponse) {
      counts.requests += 1;
      response.once('finish', () => {
        if (response.statusCode === 401) counts.challenges += 1;
      });
    }
    return original.call(this, event, ...args);
  };
  try {
    await work();
  } finally {
    prototype.emit = original;
  }
  return counts;
}
