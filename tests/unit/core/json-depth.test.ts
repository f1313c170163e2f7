import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../electron/shared/contract';
import { jsonDepthWithin } from '@core/json/depth';
import { documentNodeSchema, maxDocumentDepth, type DocumentNode } from '@core/repository/records';
import { createPlatform, type TransportDriver } from '../../../renderer/src/platform/platform';
import { makeVersion } from '../../helpers/repository';

/** The depth as a plain recursive reader sees it, for values small enough to recurse over. */
function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

function quotes(levels: number): DocumentNode {
  let node: DocumentNode = { type: 'paragraph', content: [{ type: 'text', text: 'Deep.' }] };
  for (let level = 0; level < levels; level += 1) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

describe('measuring how deeply JSON nests', () => {
  it('agrees with a recursive count for any JSON value and any limit', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 12 }), fc.integer({ min: 0, max: 14 }), (value, limit) => {
        expect(jsonDepthWithin(value, limit)).toBe(depthOf(value) <= limit);
      }),
    );
  });

  it('measures a value nested a million levels deep without running out of stack', () => {
    let value: unknown = 'bottom';
    for (let level = 0; level < 1_000_000; level += 1) value = [value];
    expect(jsonDepthWithin(value, 64)).toBe(false);
  });
});

describe('a document nested too deeply', () => {
  it('is refused with a reason, never a stack overflow, at any depth past the limit', () => {
    expect(documentNodeSchema.safeParse(quotes(maxDocumentDepth - 2)).success).toBe(true);
    for (const levels of [200, 900, 100_000]) {
      const parsed = documentNodeSchema.safeParse(quotes(levels));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(`is nested more than ${maxDocumentDepth} levels deep`);
    }
  });

  it('in a pull answer is refused by the renderer as one answer not understood, without throwing anything else', async () => {
    const good = await makeVersion('good');
    const deep = { ...good, content: { ...good.content, document: quotes(100_000) } };
    const answer = {
      ok: true,
      value: {
        ok: true,
        cursor: null,
        items: [{ kind: 'version', path: 'resources/good/versions/0001-aaaaaaaaaaaa.json', record: deep }],
        skipped: [],
        more: false,
      },
    };
    expect(contract['repository.pull'].output.safeParse(answer.value).success).toBe(false);
    const driver: TransportDriver = {
      kind: 'web',
      send: () => Promise.resolve(answer),
      listen: () => () => undefined,
    };
    await expect(createPlatform(driver).invoke('repository.pull', { cursor: null, known: [] })).rejects.toMatchObject({
      name: 'PlatformError',
      code: 'invalid_output',
    });
  });
});
