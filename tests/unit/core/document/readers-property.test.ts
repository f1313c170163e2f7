import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBlocks, type Block, type Inline } from '@core/document/export-blocks';
import { renderDocumentHtml } from '@core/document/html';
import { allowedLinkHref } from '@core/document/links';
import { REVIEW_MARKS, marksOf, typeOf, type DocumentNode } from '@core/document/model';
import { stripReviewMarks } from '@core/document/strip';
import { documentText } from '@core/document/text';
import { documentNodes } from '@core/document/walk';

/**
 * Random documents with everything a hostile or careless document can hold: comment anchors
 * (thread ids `threadq…`), suggested insertions (words `insq…`), suggested deletions, links safe
 * and not, pictures, Chorus blocks, tables, nested lists, node types Chorus does not have and
 * attributes made to mislead. What leaves the device is read from the stripped document.
 */

const hrefs = [
  'https://example.org/a',
  'mailto:help@example.org',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'java\tscript:alert(1)',
  'file:///etc/passwd',
  '//example.org',
  42,
  null,
] as const;

const hostileAttrs = fc.constantFrom<Record<string, unknown> | undefined>(
  undefined,
  { level: 'x', start: -5, type: '"><script>' },
  JSON.parse('{"__proto__":{"level":9,"href":"javascript:alert(1)"}}') as Record<string, unknown>,
  { colspan: 1e9, rowspan: -1, align: 'javascript:' },
  { constructor: 'x', alt: '<img onerror=x>', imageId: '../x' },
);

const words = fc.constantFrom('alpha', 'beta gamma', 'delta.', '<b>&amp;', 'épée', ' ');

const textNode = fc
  .record({
    text: words,
    bold: fc.boolean(),
    link: fc.option(fc.constantFrom(...hrefs), { nil: undefined }),
    thread: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    review: fc.constantFrom('none', 'none', 'insert', 'delete', 'unknown'),
    suggestion: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ text, bold, link, thread, review, suggestion }): DocumentNode => {
    const marks: NonNullable<DocumentNode['marks']> = [];
    if (bold) marks.push({ type: 'bold' });
    if (link !== undefined) marks.push({ type: 'link', attrs: { href: link } });
    if (thread !== undefined) marks.push({ type: 'commentAnchor', attrs: { threadId: `threadq${thread}` } });
    const attrs = { suggestionId: `s${suggestion}`, authorId: 'f1', createdAt: 1 };
    if (review === 'insert') marks.push({ type: 'suggestionInsert', attrs });
    if (review === 'delete') marks.push({ type: 'suggestionDelete', attrs });
    if (review === 'unknown') marks.push({ type: 'sparkle', attrs: { threadId: 'threadq-unknown-mark' } });
    // Suggested words are recognisable wherever they end up.
    const written = review === 'insert' ? `insq${suggestion}` : text;
    return marks.length === 0 ? { type: 'text', text: written } : { type: 'text', text: written, marks };
  });

const inline = fc.array(fc.oneof({ weight: 5, arbitrary: textNode }, fc.constant({ type: 'hardBreak' })), {
  maxLength: 5,
});

const textblock = fc
  .tuple(fc.constantFrom('paragraph', 'heading'), inline, hostileAttrs)
  .map(([type, content, attrs]): DocumentNode => ({ type, content, ...(attrs === undefined ? {} : { attrs }) }));

const { blocks } = fc.letrec<{ block: DocumentNode; blocks: DocumentNode[] }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textblock,
    hostileAttrs.map((attrs): DocumentNode => ({
      type: 'chorusImage',
      attrs: { imageId: 'p1', alt: 'A door', ...attrs },
    })),
    fc.constant({ type: 'horizontalRule' }),
    fc
      .tuple(fc.constantFrom('blockquote', 'contentWarning', 'inMyWords', 'marquee', 'script'), tie('blocks'))
      .map(([type, content]): DocumentNode => ({ type, content })),
    fc
      .tuple(
        fc.constantFrom('bulletList', 'orderedList'),
        fc.array(tie('blocks'), { minLength: 1, maxLength: 3 }),
        hostileAttrs,
      )
      .map(([type, items, attrs]): DocumentNode => ({
        type,
        ...(attrs === undefined ? {} : { attrs }),
        content: items.map((content) => ({ type: 'listItem', content })),
      })),
    fc
      .array(fc.array(fc.tuple(fc.boolean(), tie('blocks'), hostileAttrs), { minLength: 1, maxLength: 2 }), {
        minLength: 1,
        maxLength: 2,
      })
      .map((rows): DocumentNode => ({
        type: 'table',
        content: rows.map((cells) => ({
          type: 'tableRow',
          content: cells.map(([header, content, attrs]) => ({
            type: header ? 'tableHeader' : 'tableCell',
            content,
            ...(attrs === undefined ? {} : { attrs }),
          })),
        })),
      })),
  ),
  blocks: fc.array(tie('block'), { minLength: 1, maxLength: 3 }),
}));

const documents = blocks.map((content): DocumentNode => ({ type: 'doc', content }));

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

function inlineWords(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.kind === 'break' ? ' ' : inline.text)).join('');
}

/** The words of blocks in reading order, and every link they carry. */
function blockWords(list: readonly Block[], links: unknown[]): string {
  return list
    .map((block): string => {
      switch (block.kind) {
        case 'paragraph':
        case 'heading':
          for (const inline of block.inlines) if (inline.kind === 'text') links.push(inline.href);
          return inlineWords(block.inlines);
        case 'list':
          return block.items.map((item) => blockWords(item, links)).join(' ');
        case 'table':
          return block.rows.flatMap((row) => row.map((cell) => blockWords(cell.blocks, links))).join(' ');
        case 'content-warning':
        case 'in-my-words':
        case 'quote':
          return blockWords(block.blocks, links);
        default:
          // Pictures' descriptions are not part of the writing in plain text either.
          return '';
      }
    })
    .join(' ');
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** The words a reader of the page sees in the writing (pictures' placeholders left out, as in plain text). */
function htmlWords(html: string): string {
  return html
    .replace(/<div class="chorus-picture"[^>]*>[^<]*<\/div>/g, ' ')
    .replace(/<\/?(a|strong|em|u|mark)\b[^>]*>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity);
}

describe('what leaves the device, read three ways', () => {
  it('never holds a comment thread, a suggested word or an unsafe link, and every reader shows the same words', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const stripped = stripReviewMarks(doc);
        const text = documentText(stripped);
        const list = exportBlocks(stripped);
        const html = renderDocumentHtml(stripped);
        const links: unknown[] = [];
        const fromBlocks = blockWords(list, links);

        for (const node of documentNodes(stripped)) {
          for (const mark of marksOf(node)) expect(REVIEW_MARKS).not.toContain(typeOf(mark));
        }
        for (const output of [text, JSON.stringify(list), html]) {
          expect(output).not.toMatch(/threadq\d/);
          expect(output).not.toContain('insq');
        }
        for (const href of links) expect(href === null || allowedLinkHref(href) === href).toBe(true);
        for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
          expect(href).toMatch(/^(https:\/\/example\.org\/a|mailto:help@example\.org)$/);
        }
        for (const [tag = ''] of html.matchAll(/<[^>]*>/g)) {
          expect(tag).toMatch(
            /^<\/?(p|h[1-6]|br|strong|em|u|mark|a|ul|ol|li|blockquote|aside|figure|table|thead|tbody|tr|th|td|div|hr)[\s>]/,
          );
          expect(tag).not.toMatch(/\son\w+=|javascript:/i);
        }

        expect(wordsOf(fromBlocks)).toEqual(wordsOf(text));
        expect(wordsOf(htmlWords(html))).toEqual(wordsOf(text));
      }),
      { numRuns: 300 },
    );
  });
});
