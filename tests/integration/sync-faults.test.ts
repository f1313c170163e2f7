import 'fake-indexeddb/auto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChorusDb, getSyncState, listLibrary } from '../../renderer/src/db';
import { createSyncEngine } from '../../renderer/src/features/sync/engine';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy';
import { makeVersion, nativeGit, startTestGitRemote, tempDir, type TestGitRemote } from '../helpers/repository';
import { approveAll, inProcessPlatform } from '../helpers/sync';

describe('sync through a network that resets, stalls and fails', () => {
  let remote: TestGitRemote;
  let proxy: FaultProxy;
  const seed = Number(process.env.CHORUS_FAULT_SEED ?? 20261123);

  beforeAll(async () => {
    remote = await startTestGitRemote();
    const target = new URL(remote.server.url);
    proxy = await startFaultProxy({
      target: { host: target.hostname, port: Number(target.port) },
      seed,
      errorRate: 0.05,
      resetRate: 0.05,
      stallRate: 0.02,
      // Longer than the client waits, so a stall is given up and tried again.
      stallMs: 2_500,
    });
  });
  afterAll(async () => {
    await proxy.close();
    await remote.close();
  });

  it(`publishes 200 versions exactly once, empties the outbox and pulls them all back (seed ${seed})`, async () => {
    // Short enough to make stalls cost little, long enough that a busy machine (CI runs this beside
    // Chromium) does not take ordinary slow answers for stalls: at 700 ms two clean-clone runs
    // stopped making progress and ran into the time limit.
    const { platform, dataDir } = await inProcessPlatform({ idleTimeoutMs: 2_000 });
    const configured = await platform.invoke('repository.configure', {
      kind: 'git',
      url: proxy.url(new URL(remote.server.url).pathname.slice(1)),
      username: remote.server.username,
      token: remote.server.token,
    });
    expect(configured.ok).toBe(true);

    const db = new ChorusDb(`sync-faults-${seed}`);
    const versions = await Promise.all(
      Array.from({ length: 200 }, (_, index) => makeVersion(`fault-${String(index).padStart(3, '0')}`)),
    );
    await approveAll(db, versions);

    const engine = createSyncEngine({ db, platform, isOnline: () => true, retryDelay: () => 0 });
    let rounds = 0;
    const started = performance.now();
    while ((await db.outbox.count()) > 0 || rounds === 0) {
      rounds += 1;
      const seconds = Math.round((performance.now() - started) / 1000);
      if (rounds === 300 || seconds > 300) {
        // Say why, rather than run into the test's time limit: what each waiting entry last met.
        const waiting = (await db.outbox.toArray()).map((entry) => `${entry.attempts}× ${entry.lastError}`);
        const state = await getSyncState(db);
        const sofar = { rounds, seconds, proxy: proxy.stats, waiting, state };
        throw new Error(`The outbox did not drain: ${JSON.stringify(sofar)}`);
      }
      await engine.request();
    }
    // One more run, so the pull also gets through the faults.
    for (let tries = 0; (await listLibrary(db)).length < 200 && tries < 50; tries += 1) await engine.request();

    expect(await db.outbox.count()).toBe(0);
    expect(proxy.stats.resets + proxy.stats.errors + proxy.stats.stalls).toBeGreaterThan(30);
    const published = await db.approvedVersions.toArray();
    expect(published.every((record) => record.published !== undefined)).toBe(true);
    expect((await listLibrary(db)).map((record) => record.id).sort()).toEqual(versions.map((v) => v.id).sort());

    // An independent reader: native git sees every version once, added once, never changed.
    const clone = await tempDir('fault-clone');
    await nativeGit(['clone', '--quiet', remote.authenticatedUrl, clone]);
    await nativeGit(['fsck', '--strict'], clone);
    const { stdout } = await nativeGit(['log', '--format=', '--name-status', '--', 'resources'], clone);
    const changes = stdout.trim().split('\n').filter(Boolean);
    expect(changes.filter((line) => !line.startsWith('A\t'))).toEqual([]);
    const added = changes.map((line) => line.slice(2));
    expect(added.length).toBe(new Set(added).size);
    const jsonFiles = added.filter((file) => file.endsWith('.json'));
    expect(jsonFiles).toHaveLength(200);
    for (const version of versions) {
      const file = `resources/${version.content.resourceId}/versions/0001-${version.id.slice(0, 12)}.json`;
      expect(JSON.parse(await readFile(path.join(clone, file), 'utf8'))).toEqual(version);
    }

    console.info(`fault test (seed ${seed}): ${rounds} engine runs, proxy ${JSON.stringify(proxy.stats)}`);
    db.close();
    await rm(clone, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }, 420_000);
});
