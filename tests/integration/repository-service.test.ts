import { existsSync } from 'node:fs';
import { readFile, readdir, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RepositoryService } from '../../electron/services/repository/service';
import {
  makeService,
  makeVersion,
  makeWithdrawal,
  pullAll,
  nativeGit,
  startTestGitRemote,
  tempDir,
  type TestGitRemote,
} from '../helpers/repository';

interface Setup {
  name: string;
  before(): Promise<void>;
  after(): Promise<void>;
  configure(service: RepositoryService): Promise<void>;
}

let git: TestGitRemote;
let folder: string;

const setups: Setup[] = [
  {
    name: 'git over HTTP (native git http-backend)',
    before: async () => {
      git = await startTestGitRemote();
    },
    after: () => git.close(),
    configure: async (service) => {
      const result = await service.configure(git.settings);
      expect(result.ok).toBe(true);
    },
  },
  {
    name: 'shared folder',
    before: async () => {
      folder = await tempDir('folder-remote');
    },
    after: () => rm(folder, { recursive: true, force: true }),
    configure: async (service) => {
      expect((await service.configure({ kind: 'folder', path: folder })).ok).toBe(true);
    },
  },
];

describe.each(setups)('repository service: $name', (setup) => {
  let client: Awaited<ReturnType<typeof makeService>>;

  beforeEach(async () => {
    await setup.before();
    client = await makeService();
    await setup.configure(client.service);
  });
  afterEach(async () => {
    await setup.after();
    await rm(client.dataDir, { recursive: true, force: true });
  });

  it('tests the connection, publishes, pulls and treats a re-publish as already there', async () => {
    const tested = await client.service.test();
    expect(tested).toMatchObject({ ok: true, empty: true });

    const version = await makeVersion('res-one', 1, { title: 'Being heard' });
    const first = await client.service.publish({ kind: 'version', record: version });
    expect(first).toEqual({
      ok: true,
      outcome: 'published',
      path: `resources/res-one/versions/0001-${version.id.slice(0, 12)}.json`,
    });
    expect(await client.service.publish({ kind: 'version', record: version })).toMatchObject({
      ok: true,
      outcome: 'already-present',
    });
    const withdrawal = await makeWithdrawal('res-one');
    expect(await client.service.publish({ kind: 'withdrawal', record: withdrawal })).toMatchObject({
      ok: true,
      outcome: 'published',
    });
    expect(await client.service.test()).toMatchObject({ ok: true, empty: false });

    const reader = await makeService();
    await setup.configure(reader.service);
    const pulled = await pullAll(reader.service);
    expect(pulled.skipped).toEqual([]);
    expect(pulled.items.map((item) => item.record.id).sort()).toEqual([version.id, withdrawal.id].sort());
    expect(pulled.items.find((item) => item.kind === 'version')?.record).toEqual(version);

    // Nothing new: an empty answer.
    const again = await reader.service.pull({ cursor: pulled.cursor, known: pulled.known });
    expect(again).toMatchObject({ ok: true, items: [], skipped: [], more: false });
    await rm(reader.dataDir, { recursive: true, force: true });
  });

  it('refuses a record whose hash does not match what it holds', async () => {
    const version = await makeVersion('res-two');
    const forged = { ...version, content: { ...version.content, title: 'Changed after approval' } };
    expect(await client.service.publish({ kind: 'version', record: forged })).toMatchObject({
      ok: false,
      problem: { kind: 'invalid-record', retry: false },
    });
  });

  it('pages a large pull and hands every record over exactly once', async () => {
    const versions = await Promise.all(Array.from({ length: 12 }, (_, index) => makeVersion(`page-${index}`)));
    for (const version of versions) {
      expect((await client.service.publish({ kind: 'version', record: version })).ok).toBe(true);
    }
    const reader = await makeService();
    await setup.configure(reader.service);
    const pulled = await pullAll(reader.service);
    expect(pulled.items.map((item) => item.record.id).sort()).toEqual(versions.map((v) => v.id).sort());
    await rm(reader.dataDir, { recursive: true, force: true });
  });
});

describe('repository service: settings', () => {
  let client: Awaited<ReturnType<typeof makeService>>;
  beforeEach(async () => {
    client = await makeService();
  });
  afterEach(() => rm(client.dataDir, { recursive: true, force: true }));

  it('says plainly when nothing is set up', async () => {
    expect(await client.service.test()).toMatchObject({ ok: false, problem: { kind: 'not-configured' } });
  });

  it('tests the settings a form holds before they are saved, and stores nothing', async () => {
    const shared = await tempDir('folder-untested');
    try {
      expect(await client.service.test({ kind: 'folder', path: shared })).toMatchObject({ ok: true, empty: true });
      expect(await client.service.test({ kind: 'folder', path: 'relative/folder' })).toMatchObject({
        ok: false,
        problem: { kind: 'invalid-settings' },
      });
      const noToken = await client.service.test({ kind: 'git', url: 'https://example.org/a.git', username: 'me' });
      expect(noToken.ok ? '' : noToken.problem.message).toBe(
        'Enter the token your git host gave you, then test again.',
      );
      expect((await client.service.status()).remote).toEqual({ kind: 'none' });
    } finally {
      await rm(shared, { recursive: true, force: true });
    }
  });

  it.each([
    ['ftp://example.org/repo.git', 'https://'],
    ['http://example.org/repo.git', 'https://'],
    ['https://user:secret@example.org/repo.git', 'Leave the user name and token out'],
    ['not a url', 'full web address'],
  ])('refuses the address %s', async (url, words) => {
    const result = await client.service.configure({ kind: 'git', url, username: 'me', token: 't' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toContain(words);
  });

  it('never returns the token, and keeps it when the settings are saved without one', async () => {
    await client.service.configure({
      kind: 'git',
      url: 'https://git.example.org/r.git',
      username: 'me',
      token: 'sekret',
    });
    const saved = await client.service.configure({
      kind: 'git',
      url: 'https://git.example.org/r.git',
      username: 'you',
    });
    expect(saved).toMatchObject({
      ok: true,
      status: { remote: { kind: 'git', username: 'you' }, hasToken: true, secrets: { kind: 'file' } },
    });
    expect(JSON.stringify(saved)).not.toContain('sekret');
    expect(await readFile(path.join(client.dataDir, 'repository.json'), 'utf8')).not.toContain('sekret');
  });
});

describe('repository service: git remote faults', () => {
  let remote: TestGitRemote;
  beforeAll(async () => {
    remote = await startTestGitRemote();
  });
  afterAll(() => remote.close());

  it('says the token was refused, in plain words, and does not retry on its own', async () => {
    const client = await makeService();
    await client.service.configure({ kind: 'git', url: remote.server.url, username: 'chorus', token: 'wrong' });
    const result = await client.service.test();
    expect(result).toMatchObject({ ok: false, problem: { kind: 'unauthorised', retry: false } });
    if (!result.ok) expect(result.problem.message).toMatch(/refused the user name or token/);
    await rm(client.dataDir, { recursive: true, force: true });
  });

  it('says when nothing answers, and that it will try again', async () => {
    const client = await makeService();
    await client.service.configure({ kind: 'git', url: 'http://127.0.0.1:9/none.git', username: 'u', token: 't' });
    const result = await client.service.publish({ kind: 'version', record: await makeVersion('offline') });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'unreachable', retry: true } });
    await rm(client.dataDir, { recursive: true, force: true });
  });

  it('says plainly when the server will not take the files, and does not retry on its own', async () => {
    const hook = path.join(remote.server.repositoryPath, 'hooks', 'pre-receive');
    await writeFile(hook, '#!/bin/sh\necho "Publishing is paused for the audit" >&2\nexit 1\n', { mode: 0o755 });
    const client = await makeService();
    try {
      await client.service.configure(remote.settings);
      const result = await client.service.publish({ kind: 'version', record: await makeVersion('declined') });
      expect(result).toMatchObject({ ok: false, problem: { kind: 'refused', retry: false } });
      if (!result.ok)
        expect(result.problem.message).toMatch(/did not take Chorus's files \(pre-receive hook declined\)/);
      await expect(
        nativeGit(['--git-dir', remote.server.repositoryPath, 'rev-parse', '--verify', '-q', 'main']),
      ).rejects.toThrow();
    } finally {
      await rm(hook, { force: true });
      await rm(client.dataDir, { recursive: true, force: true });
    }
  });

  it('says the branch is stuck, not that others kept publishing, when a lock is left on the server', async () => {
    const client = await makeService();
    const lock = path.join(remote.server.repositoryPath, 'refs', 'heads', 'main.lock');
    try {
      await client.service.configure(remote.settings);
      expect((await client.service.publish({ kind: 'version', record: await makeVersion('before-lock') })).ok).toBe(
        true,
      );
      const before = await nativeGit(['--git-dir', remote.server.repositoryPath, 'rev-parse', 'main']);
      // What git leaves behind when it is killed in the middle of moving the branch.
      await writeFile(lock, `${before.stdout.trim()}\n`);
      const locked = await makeVersion('while-locked');
      const result = await client.service.publish({ kind: 'version', record: locked });
      expect(result).toMatchObject({ ok: false, problem: { kind: 'unreachable', retry: true } });
      if (!result.ok) {
        expect(result.problem.message).toMatch(
          /would not update its branch, though nobody else was publishing \(it said “failed to update ref”\)/,
        );
        expect(result.problem.message).toMatch(/a file ending in “\.lock”/);
      }
      const after = await nativeGit(['--git-dir', remote.server.repositoryPath, 'rev-parse', 'main']);
      expect(after.stdout).toBe(before.stdout);

      await rm(lock);
      expect((await client.service.publish({ kind: 'version', record: locked })).ok).toBe(true);
    } finally {
      await rm(lock, { force: true });
      await rm(client.dataDir, { recursive: true, force: true });
    }
  });

  it('lands both of two clients publishing at the same time, and native git reads a plain repository', async () => {
    const [a, b] = await Promise.all([makeService(), makeService()]);
    for (const client of [a, b]) {
      await client.service.configure(remote.settings);
    }
    const ours = await Promise.all(Array.from({ length: 6 }, (_, index) => makeVersion(`race-a-${index}`)));
    const theirs = await Promise.all(Array.from({ length: 6 }, (_, index) => makeVersion(`race-b-${index}`)));
    const publishAll = async (client: typeof a, versions: typeof ours) => {
      for (const version of versions) {
        const result = await client.service.publish({ kind: 'version', record: version });
        expect(result.ok, `${JSON.stringify(result)} ${String(client.failures.at(-1))}`).toBe(true);
      }
    };
    await Promise.all([publishAll(a, ours), publishAll(b, theirs)]);

    const clone = await tempDir('native-clone');
    await nativeGit(['clone', '--quiet', remote.authenticatedUrl, clone]);
    await nativeGit(['fsck', '--strict'], clone);
    const { stdout: authors } = await nativeGit(['log', '--format=%an <%ae>|%s'], clone);
    expect(
      new Set(
        authors
          .trim()
          .split('\n')
          .map((line) => line.split('|')[0]),
      ),
    ).toEqual(new Set(['Chorus <chorus@invalid>']));
    const { stdout: files } = await nativeGit(['ls-files'], clone);
    for (const version of [...ours, ...theirs]) {
      const base = `resources/${version.content.resourceId}/versions/0001-${version.id.slice(0, 12)}`;
      expect(files).toContain(`${base}.json`);
      expect(files).toContain(`${base}.html`);
      expect(JSON.parse(await readFile(path.join(clone, `${base}.json`), 'utf8'))).toEqual(version);
    }
    expect(JSON.parse(await readFile(path.join(clone, 'chorus-repository.json'), 'utf8'))).toMatchObject({ format: 1 });
    await Promise.all([a, b].map((client) => rm(client.dataDir, { recursive: true, force: true })));
    await rm(clone, { recursive: true, force: true });
  });
});

describe('repository service: hostile folder content', () => {
  let root: string;
  let client: Awaited<ReturnType<typeof makeService>>;
  beforeEach(async () => {
    root = await tempDir('hostile');
    client = await makeService();
    await client.service.configure({ kind: 'folder', path: root });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
    await rm(client.dataDir, { recursive: true, force: true });
  });

  it('skips symbolic links and never follows them out of the folder', async () => {
    const good = await makeVersion('good');
    expect((await client.service.publish({ kind: 'version', record: good })).ok).toBe(true);
    const outside = await tempDir('outside');
    const secret = await makeVersion('secret');
    await mkdir(path.join(outside, 'versions'), { recursive: true });
    await writeFile(path.join(outside, 'versions', `0001-${secret.id.slice(0, 12)}.json`), JSON.stringify(secret));
    await symlink(outside, path.join(root, 'resources', 'secret'));
    await symlink(
      path.join(outside, 'versions', `0001-${secret.id.slice(0, 12)}.json`),
      path.join(root, 'resources', 'good', 'versions', `0002-${secret.id.slice(0, 12)}.json`),
    );
    const pulled = await pullAll(client.service);
    expect(pulled.items.map((item) => item.record.id)).toEqual([good.id]);
    expect(pulled.skipped.map((file) => file.path).sort()).toEqual([
      `resources/good/versions/0002-${secret.id.slice(0, 12)}.json`,
      'resources/secret',
    ]);
    await rm(outside, { recursive: true, force: true });
  });

  it('does not write through a symbolic link planted where a folder should be', async () => {
    const outside = await tempDir('outside');
    await mkdir(path.join(root, 'resources'), { recursive: true });
    await symlink(outside, path.join(root, 'resources', 'planted'));
    const result = await client.service.publish({ kind: 'version', record: await makeVersion('planted') });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'refused' } });
    expect(await readdir(outside)).toEqual([]);
    await rm(outside, { recursive: true, force: true });
  });

  it('never overwrites a different file in its place, and says so', async () => {
    const version = await makeVersion('taken');
    const target = path.join(root, 'resources', 'taken', 'versions', `0001-${version.id.slice(0, 12)}.json`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, '{"something":"else"}');
    const result = await client.service.publish({ kind: 'version', record: version });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'conflict', retry: false } });
    expect(await readFile(target, 'utf8')).toBe('{"something":"else"}');
  });

  it('refuses a repository of an unknown format, for publishing and pulling', async () => {
    await writeFile(path.join(root, 'chorus-repository.json'), '{"format":2}');
    for (const result of [
      await client.service.pull({ cursor: null, known: [] }),
      await client.service.publish({ kind: 'version', record: await makeVersion('later') }),
    ]) {
      expect(result).toMatchObject({ ok: false, problem: { kind: 'format' } });
    }
    expect(existsSync(path.join(root, 'resources'))).toBe(false);
  });
});
