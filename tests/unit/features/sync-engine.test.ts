import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getSyncState, listLibrary, listOutbox, type ChorusDb } from '../../../renderer/src/db';
import { backoffDelay, createSyncEngine, type SyncActivity } from '../../../renderer/src/features/sync/engine';
import type { Platform } from '../../../renderer/src/platform/platform';
import { openTestDb } from '../../helpers/db';
import { makeVersion, makeWithdrawal, tempDir } from '../../helpers/repository';
import { approveAll, inProcessPlatform } from '../../helpers/sync';

describe('backoffDelay', () => {
  it('doubles from 5 seconds with half of it random, and stops growing at 15 minutes', () => {
    expect(backoffDelay(1, () => 0)).toBe(2_500);
    expect(backoffDelay(1, () => 1)).toBe(5_000);
    expect(backoffDelay(2, () => 1)).toBe(10_000);
    expect(backoffDelay(4, () => 0.5)).toBe(30_000);
    expect(backoffDelay(40, () => 1)).toBe(15 * 60_000);
    expect(backoffDelay(40, () => 0)).toBe(7.5 * 60_000);
  });
});

describe('sync engine over a shared folder', () => {
  let db: ChorusDb;
  let folder: string;
  let client: { platform: Platform; dataDir: string };
  let clock: number;

  const engine = (overrides: { retryDelay?: (attempts: number) => number } = {}) =>
    createSyncEngine({ db, platform: client.platform, isOnline: () => true, now: () => clock, ...overrides });

  beforeEach(async () => {
    db = openTestDb();
    folder = await tempDir('engine-folder');
    client = await inProcessPlatform();
    clock = 1_800_000_000_000;
  });
  afterEach(async () => {
    db.close();
    await rm(folder, { recursive: true, force: true });
    await rm(client.dataDir, { recursive: true, force: true });
  });

  it('does nothing, and keeps the outbox, until a repository is set up', async () => {
    await approveAll(db, [await makeVersion('waiting')]);
    await engine().request();
    expect(await listOutbox(db)).toMatchObject([{ attempts: 0, needsAttention: false }]);
    expect(await getSyncState(db)).toMatchObject({ lastSyncAt: null, lastProblem: '' });
  });

  it('publishes the outbox, marks where each record went, then pulls the library, reporting progress', async () => {
    await client.platform.invoke('repository.configure', { kind: 'folder', path: folder });
    const versions = [await makeVersion('one'), await makeVersion('two')];
    await approveAll(db, versions);
    const sync = engine();
    const seen: SyncActivity[] = [];
    sync.subscribe(() => seen.push(sync.activity()));
    await sync.request();

    expect(await db.outbox.count()).toBe(0);
    const published = await db.approvedVersions.toArray();
    expect(published.map((record) => record.published?.path).sort()).toEqual(
      versions
        .map((version) => `resources/${version.content.resourceId}/versions/0001-${version.id.slice(0, 12)}.json`)
        .sort(),
    );
    expect((await listLibrary(db)).map((record) => record.id).sort()).toEqual(versions.map((v) => v.id).sort());
    expect(seen).toContainEqual({ phase: 'publishing', done: 1, total: 2 });
    expect(seen).toContainEqual({ phase: 'pulling', received: 2 });
    expect(seen.at(-1)).toEqual({ phase: 'idle' });
    expect(await getSyncState(db)).toMatchObject({ lastSyncAt: clock, lastProblem: '' });
  });

  it('backs off when the folder cannot be reached, keeping the attempt and the reason', async () => {
    await client.platform.invoke('repository.configure', { kind: 'folder', path: path.join(folder, 'unplugged') });
    await approveAll(db, [await makeVersion('later')]);
    await engine({ retryDelay: (attempts) => attempts * 60_000 }).request();
    const [entry] = await listOutbox(db);
    expect(entry).toMatchObject({ attempts: 1, needsAttention: false, nextAttemptAt: clock + 60_000 });
    expect(entry?.lastError).toMatch(/cannot be found\. Is the drive connected\?/);
    expect((await getSyncState(db)).lastProblem).toMatch(/cannot be found/);

    // Not due yet: a plain run leaves it alone.
    await engine().request();
    expect((await listOutbox(db))[0]?.attempts).toBe(1);
    // Due, and the drive is back.
    await mkdir(path.join(folder, 'unplugged'));
    clock += 60_000;
    await engine().request();
    expect(await db.outbox.count()).toBe(0);
  });

  it('waits quietly while offline instead of knocking every second, and publishes on coming online', async () => {
    await client.platform.invoke('repository.configure', { kind: 'folder', path: folder });
    await approveAll(db, [await makeVersion('offline')]);
    const events = new EventTarget();
    vi.stubGlobal('window', events);
    let online = false;
    let statusCalls = 0;
    const counting: Platform = {
      ...client.platform,
      invoke: (channel, payload) => {
        if (channel === 'repository.status') statusCalls += 1;
        return client.platform.invoke(channel, payload);
      },
    };
    const sync = createSyncEngine({ db, platform: counting, isOnline: () => online });
    try {
      sync.start();
      // Long enough for a one-second retry timer to have fired twice.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(statusCalls).toBe(1);
      expect((await getSyncState(db)).lastProblem).toMatch(/offline/);
      expect(await db.outbox.count()).toBe(1);

      online = true;
      events.dispatchEvent(new Event('online'));
      await expect.poll(() => db.outbox.count(), { timeout: 5_000 }).toBe(0);
    } finally {
      sync.stop();
      vi.unstubAllGlobals();
    }
  });

  it('holds a conflict for a person to look at, and tries it again only on "Sync now"', async () => {
    await client.platform.invoke('repository.configure', { kind: 'folder', path: folder });
    const version = await makeVersion('clash');
    const target = path.join(folder, 'resources', 'clash', 'versions', `0001-${version.id.slice(0, 12)}.json`);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, '{"not":"ours"}');
    await approveAll(db, [version]);

    await engine().request();
    expect(await listOutbox(db)).toMatchObject([{ needsAttention: true, attempts: 1 }]);
    expect((await listOutbox(db))[0]?.lastError).toMatch(/A different file is already in the repository/);

    await engine().request();
    expect((await listOutbox(db))[0]?.attempts).toBe(1);

    await rm(target);
    await engine().request({ everything: true });
    expect(await db.outbox.count()).toBe(0);
  });

  it('a withdrawal reaches the library and marks every version of the resource withdrawn', async () => {
    await client.platform.invoke('repository.configure', { kind: 'folder', path: folder });
    await approveAll(db, [await makeVersion('gone', 1), await makeVersion('gone', 2), await makeVersion('kept')]);
    await engine().request();
    expect((await listLibrary(db)).map((record) => record.resourceId).sort()).toEqual(['gone', 'kept']);

    // Another device withdraws it; this one pulls.
    const other = await inProcessPlatform();
    await other.platform.invoke('repository.configure', { kind: 'folder', path: folder });
    const published = await other.platform.invoke('repository.publish', {
      kind: 'withdrawal',
      record: await makeWithdrawal('gone'),
    });
    expect(published.ok).toBe(true);
    await engine().request();

    expect((await listLibrary(db)).map((record) => record.resourceId)).toEqual(['kept']);
    const gone = await db.library.where('resourceId').equals('gone').toArray();
    expect(gone).toHaveLength(2);
    expect(gone.every((record) => record.withdrawnAt !== undefined)).toBe(true);
    await rm(other.dataDir, { recursive: true, force: true });
  });

  it('lists a bad file as skipped once and takes the rest', async () => {
    await client.platform.invoke('repository.configure', { kind: 'folder', path: folder });
    await approveAll(db, [await makeVersion('fine')]);
    await engine().request();
    const bad = path.join(folder, 'resources', 'fine', 'versions', '0002-aaaaaaaaaaaa.json');
    await writeFile(bad, '{"format":1}');
    await mkdir(path.join(folder, 'resources', 'bad id!'), { recursive: true });
    await writeFile(path.join(folder, 'resources', 'bad id!', 'x.json'), '{}');
    const other = await makeVersion('other');
    await approveAll(db, [other]);
    await engine().request();

    expect((await listLibrary(db)).map((record) => record.resourceId).sort()).toEqual(['fine', 'other']);
    const skipped = await db.skippedFiles.toArray();
    expect(skipped.map((file) => file.path).sort()).toEqual([
      'resources/bad id!/x.json',
      'resources/fine/versions/0002-aaaaaaaaaaaa.json',
    ]);
    expect(skipped.find((file) => file.path.includes('0002'))?.reason).toMatch(/not an approved version/);
  });
});
