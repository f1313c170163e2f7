import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createRepositoryService, type RepositoryService } from '../../electron/services/repository/service';
import { createFileSecretStore } from '../../electron/services/secrets';
import type { PulledItem } from '../../electron/shared/contract';
import type { ApprovedVersion, DocumentNode, Withdrawal } from '@core/repository/records';
import { freezeApprovedVersion, freezeWithdrawal } from '@core/co-production/approved-version';
import { consentWording } from '@core/co-production/consent';
import { startGitServer, type GitServer } from '../../scripts/git-server';

const run = promisify(execFile);

/** A real approved version, frozen as the renderer freezes one. */
export function makeVersion(
  resourceId: string,
  version = 1,
  options: {
    title?: string;
    text?: string;
    document?: DocumentNode;
    at?: number;
    contentWarnings?: string[];
    facilitator?: string;
  } = {},
): Promise<ApprovedVersion> {
  const title = options.title ?? `Resource ${resourceId}`;
  const choices = {
    audiences: ['social-care' as const, 'police' as const],
    purposes: ['training-sessions' as const],
    attribution: { kind: 'pseudonym' as const, value: 'Sam' },
  };
  const at = options.at ?? 1_767_225_600_000;
  return freezeApprovedVersion({
    content: {
      resourceId,
      version,
      title,
      summary: 'A summary.',
      audiences: ['social-care', 'police'],
      topics: ['grooming'],
      contentWarnings: options.contentWarnings ?? ['Describes grooming'],
      reviewBy: '2027-12-31',
      document: options.document ?? {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: options.text ?? `Words of ${resourceId}.` }] }],
      },
    },
    consent: { choices, wording: consentWording(choices, { title, version }), agreedAt: at },
    facilitator: { name: options.facilitator ?? 'Facilitator Fay', at: at + 1000 },
  });
}

export function makeWithdrawal(resourceId: string, at = 1_767_312_000_000): Promise<Withdrawal> {
  return freezeWithdrawal({ resourceId, at });
}

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `chorus-${prefix}-`));
}

/** A repository service as the main process makes one, with its own data folder. */
export async function makeService(options: { idleTimeoutMs?: number } = {}): Promise<{
  service: RepositoryService;
  dataDir: string;
  failures: unknown[];
}> {
  const dataDir = await tempDir('client');
  const secrets = createFileSecretStore({ file: path.join(dataDir, 'credentials.json'), kind: 'file' });
  const failures: unknown[] = [];
  const service = createRepositoryService({
    dataDir,
    secrets,
    ...options,
    onFailure: (_where, error) => failures.push(error),
  });
  return { service, dataDir, failures };
}

/** Native git with no user or system configuration, as the tests' independent reader. */
export function nativeGit(args: string[], cwd?: string): Promise<{ stdout: string; stderr: string }> {
  return run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@invalid', ...args], {
    cwd,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_CONFIG_NOSYSTEM: '1', HOME: os.tmpdir() },
    maxBuffer: 64 * 1024 * 1024,
  });
}

export interface TestGitRemote {
  server: GitServer;
  root: string;
  /** The address with credentials in it, for native git only. */
  authenticatedUrl: string;
  /** What Chorus's repository settings take to reach it. */
  settings: { kind: 'git'; url: string; username: string; token: string };
  close(): Promise<void>;
}

export async function startTestGitRemote(): Promise<TestGitRemote> {
  const root = await tempDir('git-server');
  const server = await startGitServer({ root });
  const url = new URL(server.url);
  url.username = server.username;
  url.password = server.token;
  return {
    server,
    root,
    authenticatedUrl: url.toString(),
    settings: { kind: 'git', url: server.url, username: server.username, token: server.token },
    async close() {
      await server.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** Pulls every page, as the sync engine does, passing on the cursor and what it already has. */
export async function pullAll(
  service: RepositoryService,
  start: { cursor: string | null; known: string[] } = { cursor: null, known: [] },
) {
  const items: PulledItem[] = [];
  const skipped: { path: string; reason: string }[] = [];
  let { cursor } = start;
  const known = [...start.known];
  for (;;) {
    const page = await service.pull({ cursor, known });
    if (!page.ok) throw new Error(page.problem.message);
    items.push(...page.items);
    skipped.push(...page.skipped);
    known.push(...page.items.map((item) => item.path), ...page.skipped.map((file) => file.path));
    cursor = page.cursor;
    if (!page.more) return { items, skipped, cursor, known };
  }
}
