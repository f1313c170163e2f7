import { describe, expect, it } from 'vitest';
import { exportBlocks, plainText, textParagraphs } from '@core/document/export-blocks';
import type { DocumentNode } from '@core/repository/records';

const text = (value: string, marks: DocumentNode['marks'] = []): DocumentNode =>
  marks.length === 0 ? { type: 'text', text: value } : { type: 'text', text: value, marks };

describe('export blocks for Word and PowerPoint', () => {
  it('keeps marks, allowed links and line breaks, and drops suggested insertions as html.ts does', () => {
    const [block] = exportBlocks({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            text('bold', [{ type: 'bold' }]),
            { type: 'hardBreak' },
            text('link', [{ type: 'link', attrs: { href: 'https://example.org' } }]),
            text('script', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
            text(' never accepted', [{ type: 'suggestionInsert', attrs: { id: 'x' } }]),
            text(' kept', [{ type: 'suggestionDelete' }, { type: 'comment', attrs: { threadId: 't' } }]),
          ],
        },
      ],
    });
    expect(block).toMatchObject({
      kind: 'paragraph',
      inlines: [
        { kind: 'text', text: 'bold', bold: true, href: null },
        { kind: 'break' },
        { kind: 'text', text: 'link', href: 'https://example.org/' },
        { kind: 'text', text: 'script', href: null },
        { kind: 'text', text: ' kept', bold: false, href: null },
      ],
    });
  });

  it('reads lists, tables, Chorus blocks and pictures', () => {
    const blocks = exportBlocks({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [text('Steps')] },
        {
          type: 'orderedList',
          attrs: { start: 4, type: 'i' },
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('one')] }] }],
        },
        { type: 'contentWarning', content: [{ type: 'paragraph', content: [text('warned')] }] },
        { type: 'inMyWords', content: [{ type: 'paragraph', content: [text('quoted')] }] },
        { type: 'chorusImage', attrs: { id: 'a', alt: '  A   door ' } },
        { type: 'chorusImage', attrs: { id: 'b', alt: '' } },
        {
          type: 'table',
          content: [{ type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [] }] }],
        },
      ],
    });
    expect(blocks.map((block) => block.kind)).toEqual([
      'heading',
      'list',
      'content-warning',
      'in-my-words',
      'picture',
      'picture',
      'table',
    ]);
    expect(blocks[0]).toMatchObject({ level: 3 });
    expect(blocks[1]).toMatchObject({ style: 'lower-roman', start: 4 });
    expect(blocks[4]).toEqual({ kind: 'picture', alt: 'A door' });
    expect(blocks[5]).toEqual({ kind: 'picture', alt: '' });
    expect(blocks[6]).toMatchObject({ rows: [[{ header: true, colspan: 2, rowspan: 1, blocks: [] }]] });
  });

  it('survives hostile nesting without overflowing the stack, keeping the words', () => {
    let node: DocumentNode = { type: 'paragraph', content: [text('deep words')] };
    for (let depth = 0; depth < 20_000; depth += 1)
      node = { type: depth % 2 === 0 ? 'blockquote' : 'mystery', content: [node] };
    const blocks = exportBlocks({ type: 'doc', content: [node] });
    expect(JSON.stringify(blocks)).toContain('deep words');
  });

  it('reads plain text as paragraphs at blank lines, with line breaks within', () => {
    const paragraphs = textParagraphs('First line\r\nsecond line\n\n\n  Next paragraph  \n\n');
    expect(paragraphs.map(plainText)).toEqual(['First line second line', 'Next paragraph']);
    expect(paragraphs[0]?.map((inline) => inline.kind)).toEqual(['text', 'break', 'text']);
  });
});
