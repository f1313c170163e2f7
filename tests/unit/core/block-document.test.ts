import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyBlockChange,
  assembleDocument,
  blockChange,
  changeSince,
  type SerializedBlock,
} from '@core/document/blocks';

const block = (text: string): SerializedBlock => ({
  json: JSON.stringify({ type: 'paragraph', content: [{ type: 'text', text }] }),
  texts: [text],
  words: 1,
});

/** A pool of distinct block objects; lists are drawn from it, so equal entries are the same object. */
const pool = Array.from({ length: 12 }, (_, index) => block(`word${index}`));
const [first, second] = [block('word0'), block('word1')];
const blockList = fc.array(fc.constantFrom(...pool), { maxLength: 30 });

describe('block changes', () => {
  it('turn any list of blocks into any other', () => {
    fc.assert(
      fc.property(blockList, blockList, (before, after) => {
        const change = blockChange(before, after);
        expect(applyBlockChange(before, change)).toEqual(after);
        // Only what differs travels: never more than the new list, nor more than it must.
        expect(change.added.length).toBeLessThanOrEqual(after.length);
        expect(change.from + change.removed).toBeLessThanOrEqual(before.length);
      }),
      { numRuns: 300 },
    );
  });

  it('send one block for an edit in the middle of a long draft', () => {
    const before = Array.from({ length: 2000 }, (_, index) => block(`paragraph ${index}`));
    const edited = block('paragraph 1000, edited');
    const after = [...before.slice(0, 1000), edited, ...before.slice(1001)];
    expect(blockChange(before, after)).toEqual({ from: 1000, removed: 1, added: [edited] });
    const split = [...before.slice(0, 1000), block('para'), block('graph 1000'), ...before.slice(1001)];
    expect(blockChange(before, split)).toMatchObject({ from: 1000, removed: 1 });
    expect(blockChange(before, split).added).toHaveLength(2);
    expect(blockChange(before, before)).toEqual({ from: 2000, removed: 0, added: [] });
  });

  it('take the change a document carries when it was made from the same blocks, and only the change', () => {
    const before = [first, second];
    const added = [block('new')];
    const document = {
      head: '{"type":"doc"',
      blocks: [first, ...added],
      wordCount: 2,
      change: { since: before, from: 1, removed: 1, added },
    };
    expect(changeSince(before, document)).toEqual({ from: 1, removed: 1, added });
    expect(changeSince(before, document)).not.toHaveProperty('since');
    // Made from other blocks than those given: worked out afresh.
    expect(changeSince([first], document)).toEqual({ from: 1, removed: 0, added });
  });

  it('refuse a change that does not fit the blocks it is made to', () => {
    expect(applyBlockChange([first], { from: 1, removed: 1, added: [] })).toBeNull();
    expect(applyBlockChange([], { from: 0, removed: 0, added: [second] })).toEqual([second]);
  });

  it('put the stored JSON and text together as ProseMirror and documentText would', () => {
    const head = '{"type":"doc"';
    expect(assembleDocument({ head, blocks: [], wordCount: 0 })).toEqual({
      json: '{"type":"doc"}',
      text: '',
      wordCount: 0,
    });
    const list: SerializedBlock = { json: '{"type":"bulletList"}', texts: ['One', 'Two'], words: 2 };
    const assembled = assembleDocument({ head, blocks: [first, list], wordCount: 3 });
    expect(JSON.parse(assembled.json)).toEqual({
      type: 'doc',
      content: [JSON.parse(first.json), { type: 'bulletList' }],
    });
    expect(assembled.text).toBe('word0\n\nOne\n\nTwo');
  });
});
