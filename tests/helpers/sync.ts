import path from 'node:path';
import { createEventHub } from '../../electron/services/event-hub';
import { createHandlers } from '../../electron/services/handlers';
import { createFileSecretStore, type SecretStoreKind } from '../../electron/services/secrets';
import { dispatch } from '../../electron/shared/dispatch';
import type { ApprovedVersion } from '@core/repository/records';
import type { ChorusDb } from '../../renderer/src/db';
import { createPlatform, type Platform } from '../../renderer/src/platform/platform';
import { unusedExportPorts } from './export-ports';
import { tempDir } from './repository';

/**
 * The renderer's platform over the real handler table in this process: the same services and
 * contract checks as either host, with JSON in between as over a real transport.
 */
export async function inProcessPlatform(options: { idleTimeoutMs?: number; secrets?: SecretStoreKind } = {}): Promise<{
  platform: Platform;
  dataDir: string;
}> {
  const dataDir = await tempDir('sync-client');
  const handlers = createHandlers({
    transport: 'web',
    appName: 'Chorus',
    appVersion: '0.0.0-test',
    platform: process.platform,
    dataDir,
    events: createEventHub(),
    now: Date.now,
    secrets: createFileSecretStore({ file: path.join(dataDir, 'credentials.json'), kind: options.secrets ?? 'file' }),
    ...(options.idleTimeoutMs === undefined ? {} : { repositoryIdleTimeoutMs: options.idleTimeoutMs }),
    ...unusedExportPorts,
  });
  const platform = createPlatform({
    kind: 'web',
    send: async (channel, input) => dispatch(handlers, channel, JSON.parse(JSON.stringify(input)) as unknown),
    listen: () => () => undefined,
  });
  return { platform, dataDir };
}

/** Puts approved versions and their outbox entries in, as approving does. */
export async function approveAll(db: ChorusDb, versions: readonly ApprovedVersion[]): Promise<void> {
  await db.transaction('rw', [db.approvedVersions, db.outbox], async () => {
    for (const approved of versions) {
      await db.approvedVersions.add({
        id: approved.id,
        resourceId: approved.content.resourceId,
        version: approved.content.version,
        approved,
      });
      await db.outbox.add({
        kind: 'version',
        itemId: approved.id,
        createdAt: 0,
        attempts: 0,
        lastError: '',
        nextAttemptAt: 0,
      });
    }
  });
}
