import { describe, expect, it } from 'vitest';
import {
  REVIEW_MARKS,
  isMarkType,
  isNodeType,
  isWithinDocumentDepth,
  markTypes,
  nodeTypes,
  runStyleOf,
  type DocumentNode,
} from '@core/document/model';
import { documentNodes, walkDocument } from '@core/document/walk';
import { maxDocumentDepth } from '@core/repository/records';

/** An object literal's type, so a node is taken as the untrusted JSON object the readers read. */
const style = (node: DocumentNode) => runStyleOf({ ...node });

const text = (value: string, marks: DocumentNode['marks'] = []): DocumentNode => ({ type: 'text', text: value, marks });

describe('the document model', () => {
  it('knows the node and mark types of the editor, review marks among them', () => {
    expect(nodeTypes).toContain('contentWarning');
    expect(nodeTypes).toContain('chorusImage');
    expect(isNodeType('inMyWords')).toBe(true);
    expect(isNodeType('marquee')).toBe(false);
    expect(isNodeType(7)).toBe(false);
    for (const mark of REVIEW_MARKS) expect(isMarkType(mark)).toBe(true);
    expect(markTypes).toContain('link');
    expect(isMarkType('strike')).toBe(false);
  });

  it('reads a run’s style as every format shows it: suggested words are not there, only allowed links are', () => {
    expect(style(text('x', [{ type: 'suggestionInsert' }, { type: 'bold' }]))).toBeNull();
    expect(style(text('x', [{ type: 'suggestionDelete' }, { type: 'commentAnchor' }, { type: 'italic' }]))).toEqual({
      bold: false,
      italic: true,
      underline: false,
      highlight: false,
      href: null,
    });
    const links = [
      { type: 'link', attrs: { href: 'javascript:alert(1)' } },
      { type: 'link', attrs: { href: 'https://example.org' } },
      { type: 'link', attrs: { href: 'https://example.net' } },
    ];
    expect(style(text('x', links))?.href).toBe('https://example.org/');
    const inherited = JSON.parse(
      '{"type":"text","text":"x","marks":[{"type":"link","attrs":{"__proto__":{"href":"https://example.org"}}}]}',
    ) as DocumentNode;
    expect(style(inherited)?.href).toBeNull();
  });

  it('measures depth as the repository does, without recursion', () => {
    const nested = (levels: number): DocumentNode => {
      let node: DocumentNode = { type: 'paragraph' };
      for (let level = 0; level < levels; level += 1) node = { type: 'blockquote', content: [node] };
      return { type: 'doc', content: [node] };
    };
    expect(isWithinDocumentDepth(nested(maxDocumentDepth - 2))).toBe(true);
    expect(isWithinDocumentDepth(nested(maxDocumentDepth + 10))).toBe(false);
    expect(isWithinDocumentDepth(nested(100_000))).toBe(false);
  });
});

describe('walkDocument', () => {
  const doc: DocumentNode = {
    type: 'doc',
    content: [
      { type: 'heading', content: [text('Title')] },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [{ type: 'paragraph', content: [text('a'), { type: 'hardBreak' }, text('b')] }],
          },
        ],
      },
      { type: 'chorusImage', attrs: { imageId: 'p1' } },
    ],
  };

  it('visits every node once, in document order, with its depth, parent and index, and text a run at a time', () => {
    const seen: string[] = [];
    walkDocument(doc, {
      enter: (node, { depth, index }) => {
        seen.push(`enter ${String(node.type)} ${depth}:${index}`);
      },
      leave: (node) => {
        seen.push(`leave ${String(node.type)}`);
      },
      inline: (run, { depth, parent }) => {
        seen.push(
          `run ${run.map((node) => (typeof node.text === 'string' ? node.text : '⏎')).join('')} ${depth} in ${String(parent?.type)}`,
        );
      },
    });
    expect(seen).toEqual([
      'enter doc 0:0',
      'enter heading 1:0',
      'run Title 2 in heading',
      'leave heading',
      'enter bulletList 1:1',
      'enter listItem 2:0',
      'enter paragraph 3:0',
      'run a⏎b 4 in paragraph',
      'leave paragraph',
      'leave listItem',
      'leave bulletList',
      'enter chorusImage 1:2',
      'leave chorusImage',
      'leave doc',
    ]);
    expect(documentNodes(doc).map((node) => node.type)).toEqual([
      'doc',
      'heading',
      'text',
      'bulletList',
      'listItem',
      'paragraph',
      'text',
      'hardBreak',
      'text',
      'chorusImage',
    ]);
  });

  it('skips what a node holds when enter says so', () => {
    const entered: unknown[] = [];
    walkDocument(doc, {
      enter: (node) => {
        entered.push(node.type);
        return node.type !== 'bulletList';
      },
    });
    expect(entered).toEqual(['doc', 'heading', 'bulletList', 'chorusImage']);
  });

  it('ignores what is not a node and never reads inherited properties', () => {
    const hostile = JSON.parse(
      '{"type":"doc","content":[null,7,"text",[],{"__proto__":{"content":[{"type":"text","text":"hidden"}]}},{"type":"paragraph","content":{"length":1,"0":{"type":"text","text":"fake"}}}]}',
    ) as DocumentNode;
    const nodes = documentNodes(hostile);
    expect(nodes.map((node) => node.type)).toEqual(['doc', undefined, 'paragraph']);
  });

  it('walks 100,000 levels of nesting without overflowing the stack', () => {
    let node: DocumentNode = { type: 'paragraph', content: [text('deep')] };
    for (let level = 0; level < 100_000; level += 1) node = { type: 'blockquote', content: [node] };
    let runs = 0;
    walkDocument(node, { inline: () => (runs += 1) });
    expect(runs).toBe(1);
  });
});
