import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeService,
  makeVersion,
  nativeGit,
  pullAll,
  startTestGitRemote,
  type TestGitRemote,
} from '../helpers/repository';

let git: TestGitRemote;
let client: Awaited<ReturnType<typeof makeService>>;

beforeEach(async () => {
  git = await startTestGitRemote();
  client = await makeService();
});

afterEach(async () => {
  await git.close();
  await rm(client.dataDir, { recursive: true, force: true });
});

const configureGit = () => client.service.configure(git.settings);

describe('repository service: erase', () => {
  it('forgets the settings, the token and the local copy of a git repository', async () => {
    expect((await configureGit()).ok).toBe(true);
    const first = await makeVersion('erase-one', 1, { title: 'Before erasing' });
    expect(await client.service.publish({ kind: 'version', record: first })).toMatchObject({ ok: true });
    expect(await readdir(path.join(client.dataDir, 'repository-cache'))).not.toEqual([]);

    await client.service.erase();
    await client.service.erase();

    expect(existsSync(path.join(client.dataDir, 'repository.json'))).toBe(false);
    expect(existsSync(path.join(client.dataDir, 'repository-cache'))).toBe(false);
    expect(await readFile(path.join(client.dataDir, 'credentials.json'), 'utf8')).not.toContain(git.server.token);
    expect(await client.service.status()).toMatchObject({ remote: { kind: 'none' }, hasToken: false });
    expect(await client.service.test()).toMatchObject({ ok: false, problem: { kind: 'not-configured' } });
  });

  it('works again at once when the same repository is set up again', async () => {
    expect((await configureGit()).ok).toBe(true);
    const first = await makeVersion('erase-two', 1, { title: 'Before erasing' });
    expect(await client.service.publish({ kind: 'version', record: first })).toMatchObject({ ok: true });
    expect((await pullAll(client.service)).items).toHaveLength(1);

    await client.service.erase();
    expect((await configureGit()).ok).toBe(true);

    // Straight away: the local copy is rebuilt from the server, and publishing goes on from there.
    const pulled = await pullAll(client.service);
    expect(pulled.items.map((item) => item.record.id)).toEqual([first.id]);
    expect(existsSync(path.join(client.dataDir, 'repository-cache'))).toBe(true);
    const second = await makeVersion('erase-two', 2, { title: 'After erasing' });
    expect(await client.service.publish({ kind: 'version', record: second })).toMatchObject({
      ok: true,
      outcome: 'published',
    });
    const { stdout } = await nativeGit(['--git-dir', git.server.repositoryPath, 'log', '--format=%s', 'HEAD']);
    expect(stdout).toContain('After erasing');
  });
});
