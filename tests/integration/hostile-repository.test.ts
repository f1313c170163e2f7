import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordBytes } from '@core/repository/format';
import { canonicalJson, contentHash, type CanonicalValue } from '@core/repository/canonical-json';
import type { ApprovedVersion, DocumentNode } from '@core/repository/records';
import {
  makeService,
  pullAll,
  makeVersion,
  makeWithdrawal,
  nativeGit,
  startTestGitRemote,
  tempDir,
  type TestGitRemote,
} from '../helpers/repository';

const scriptText = '<script>alert("pwned")</script><img src=x onerror=alert(1)>';

function versionFile(version: ApprovedVersion, resourceId = version.content.resourceId, number = 1): string {
  return `resources/${resourceId}/versions/${String(number).padStart(4, '0')}-${version.id.slice(0, 12)}.json`;
}

/** A version re-sealed after a change, so its hashes match what it holds. */
async function reseal(version: ApprovedVersion, change: Partial<ApprovedVersion['content']>): Promise<ApprovedVersion> {
  const content = { ...version.content, ...change };
  const withoutId = { ...version, content, contentHash: await contentHash(content as unknown as CanonicalValue) };
  const rest: Partial<ApprovedVersion> = { ...withoutId };
  delete rest.id;
  return { ...withoutId, id: await contentHash(rest as unknown as CanonicalValue) };
}

/** A document `levels` blocks deep: quotes in quotes, far past what the format allows. */
function nestedDocument(levels: number): DocumentNode {
  let node: DocumentNode = { type: 'paragraph', content: [{ type: 'text', text: 'Deep.' }] };
  for (let level = 0; level < levels; level += 1) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

/**
 * What someone with write access to the repository could plant: every kind of bad file next to
 * good ones. Paths are relative to the repository root; `null` content marks a symbolic link.
 */
async function hostileFiles() {
  const good = await makeVersion('good-one', 1, { text: scriptText });
  const alsoGood = await makeVersion('good-two');
  const tampered = { ...(await makeVersion('tampered')), attribution: 'Written by someone else' };
  const misplaced = await makeVersion('misplaced');
  const huge = await reseal(await makeVersion('huge'), { summary: 'x'.repeat(5 * 1024 * 1024) });
  // Sealed with hashes that match, so only its depth is wrong: it once stopped every pull.
  const deep = await makeVersion('deep', 1, { document: nestedDocument(900) });
  const withdrawal = await makeWithdrawal('good-two');
  const files: Record<string, string> = {
    [versionFile(good)]: new TextDecoder().decode(recordBytes(good)),
    [versionFile(alsoGood)]: new TextDecoder().decode(recordBytes(alsoGood)),
    'resources/broken/versions/0001-aaaaaaaaaaaa.json': '{"format": 1, "id": ',
    'resources/schema/versions/0001-bbbbbbbbbbbb.json': '{"format":1,"id":"bbbbbbbbbbbb","hello":"world"}',
    [versionFile(tampered)]: canonicalJson(tampered as unknown as CanonicalValue),
    [versionFile(misplaced, 'elsewhere')]: new TextDecoder().decode(recordBytes(misplaced)),
    [versionFile(huge)]: new TextDecoder().decode(recordBytes(huge)),
    [versionFile(deep)]: new TextDecoder().decode(recordBytes(deep)),
    'resources/deeper/withdrawals/ffffffffffff.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    [`resources/good-two/withdrawals/${withdrawal.id.slice(0, 12)}.json`]: new TextDecoder().decode(
      recordBytes(withdrawal),
    ),
    'resources/bad id!/versions/0001-cccccccccccc.json': '{}',
    'resources/good-one/versions/0009-dddddddddddd.html': `<html><body>${scriptText}</body></html>`,
    'resources/good-one/notes.txt': 'not part of the layout',
  };
  const expectedSkipped: Record<string, RegExp> = {
    'resources/broken/versions/0001-aaaaaaaaaaaa.json': /not readable JSON/,
    'resources/schema/versions/0001-bbbbbbbbbbbb.json': /not an approved version Chorus can read/,
    [versionFile(tampered)]: /does not match its hash/,
    [versionFile(misplaced, 'elsewhere')]: /wrong place/,
    [versionFile(huge)]: /larger than 5 MB/,
    [versionFile(deep)]: /nested too deeply to read safely/,
    'resources/deeper/withdrawals/ffffffffffff.json': /nested too deeply to read safely/,
    'resources/bad id!/versions/0001-cccccccccccc.json': /not part of the Chorus repository layout/,
    'resources/good-one/notes.txt': /not part of the Chorus repository layout/,
    'resources/linked/versions/0001-eeeeeeeeeeee.json': /link or special file/,
  };
  return {
    files,
    expectedSkipped,
    good: [good, alsoGood],
    withdrawal,
    link: 'resources/linked/versions/0001-eeeeeeeeeeee.json',
  };
}

async function plant(root: string, files: Record<string, string>, link: string): Promise<void> {
  await writeFile(path.join(root, 'chorus-repository.json'), '{"format":1}');
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  await mkdir(path.dirname(path.join(root, link)), { recursive: true });
  await symlink('/etc/passwd', path.join(root, link));
}

describe('a hostile repository', () => {
  let remote: TestGitRemote;
  let folder: string;
  let planted: Awaited<ReturnType<typeof hostileFiles>>;

  beforeAll(async () => {
    planted = await hostileFiles();
    remote = await startTestGitRemote();
    const work = await tempDir('hostile-work');
    await nativeGit(['clone', '--quiet', remote.authenticatedUrl, work]);
    await plant(work, planted.files, planted.link);
    await nativeGit(['add', '--all'], work);
    await nativeGit(['commit', '--quiet', '-m', 'Plant'], work);
    await nativeGit(['push', '--quiet', 'origin', 'HEAD:main'], work);
    await rm(work, { recursive: true, force: true });
    folder = await tempDir('hostile-folder');
    await plant(folder, planted.files, planted.link);
  });
  afterAll(async () => {
    await remote.close();
    await rm(folder, { recursive: true, force: true });
  });

  it.each(['git', 'folder'] as const)(
    'over %s: takes the good versions, skips every bad file with a reason, and never crashes',
    async (kind) => {
      const client = await makeService();
      await client.service.configure(kind === 'git' ? remote.settings : { kind: 'folder', path: folder });
      const { items, skipped } = await pullAll(client.service);
      const versions = items.filter((item) => item.kind === 'version');
      expect(versions.map((item) => item.record.id).sort()).toEqual(planted.good.map((version) => version.id).sort());
      // The withdrawal comes first, whatever else the repository holds.
      expect(items[0]?.kind).toBe('withdrawal');
      expect(items[0]?.record.id).toBe(planted.withdrawal.id);
      expect(items).toHaveLength(3);
      const reasons = Object.fromEntries(skipped.map((file) => [file.path, file.reason]));
      expect(Object.keys(reasons).sort()).toEqual(Object.keys(planted.expectedSkipped).sort());
      for (const [file, reason] of Object.entries(planted.expectedSkipped)) expect(reasons[file]).toMatch(reason);
      // Text that looks like markup stays text; nothing is ever read from a planted .html file.
      const good = items.find((item) => item.kind === 'version' && item.record.id === planted.good[0]?.id);
      expect(good?.kind === 'version' ? JSON.stringify(good.record.content.document) : '').toContain(
        '<script>alert(\\"pwned\\")</script>',
      );
      expect(client.failures).toEqual([]);
      await rm(client.dataDir, { recursive: true, force: true });
    },
  );

  it('writes text that looks like markup into the rendered copy as text only', async () => {
    const root = await tempDir('rendered');
    const client = await makeService();
    await client.service.configure({ kind: 'folder', path: root });
    const version = await makeVersion('markup', 1, { text: scriptText, title: '</title><script>alert(1)</script>' });
    expect((await client.service.publish({ kind: 'version', record: version })).ok).toBe(true);
    const html = await readFile(path.join(root, versionFile(version).replace(/\.json$/, '.html')), 'utf8');
    // No tag but the renderer's own, and no event handler attribute inside any tag.
    expect(html).not.toMatch(/<(script|img)\b/i);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('content="default-src &#39;none&#39;;');
    await rm(root, { recursive: true, force: true });
    await rm(client.dataDir, { recursive: true, force: true });
  });
});
