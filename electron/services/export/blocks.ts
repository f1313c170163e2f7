import { allowedLinkHref } from '@core/document/links';
import type { DocumentNode } from '@core/repository/records';
import { isObject, own, type JsonObject } from '@core/json/object';

/**
 * A document as the Word and PowerPoint writers read it: blocks and runs of styled text, with
 * nothing of TipTap's JSON left. It follows the same rules as `core/document/html.ts`
 * (which the HTML and PDF exports use directly), so every format shows the same words.
 */

export interface TextRun {
  kind: 'text';
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  highlight: boolean;
  /** An address allowed by `allowedLinkHref`, or null. */
  href: string | null;
}

export interface LineBreak {
  kind: 'break';
}

export type Inline = TextRun | LineBreak;

export type ListStyle = 'bullet' | 'decimal' | 'lower-alpha' | 'upper-alpha' | 'lower-roman' | 'upper-roman';

export interface TableCell {
  header: boolean;
  colspan: number;
  rowspan: number;
  align: 'left' | 'center' | 'right' | null;
  blocks: Block[];
}

export type Block =
  | { kind: 'paragraph'; inlines: Inline[] }
  /** Levels as in the editor: 2 is the first level under the resource's title. */
  | { kind: 'heading'; level: number; inlines: Inline[] }
  | { kind: 'list'; style: ListStyle; start: number; items: Block[][] }
  | { kind: 'table'; rows: TableCell[][] }
  | { kind: 'content-warning'; blocks: Block[] }
  | { kind: 'in-my-words'; blocks: Block[] }
  | { kind: 'quote'; blocks: Block[] }
  /** `alt` is empty for a decorative picture. */
  | { kind: 'picture'; alt: string }
  | { kind: 'rule' };

/** As in html.ts: deeper than this, containers are dropped and only their paragraphs are kept. */
const MAX_DEPTH = 100;

function typeOf(node: unknown): string {
  if (!isObject(node)) return '';
  const type = own(node, 'type');
  return typeof type === 'string' ? type : '';
}

function attrOf(node: JsonObject, name: string): unknown {
  const attrs = own(node, 'attrs');
  return isObject(attrs) ? own(attrs, name) : undefined;
}

function childrenOf(node: JsonObject): readonly unknown[] {
  const content = own(node, 'content');
  return Array.isArray(content) ? content : [];
}

/** A text node's run, or null when its text is not part of the shared document (a suggested insertion). */
function runOf(node: JsonObject): TextRun | null {
  const text = own(node, 'text');
  const run: TextRun = {
    kind: 'text',
    text: typeof text === 'string' ? text : '',
    bold: false,
    italic: false,
    underline: false,
    highlight: false,
    href: null,
  };
  const marks = own(node, 'marks');
  for (const mark of Array.isArray(marks) ? (marks as unknown[]) : []) {
    if (!isObject(mark)) continue;
    switch (typeOf(mark)) {
      case 'suggestionInsert':
        return null;
      case 'bold':
        run.bold = true;
        break;
      case 'italic':
        run.italic = true;
        break;
      case 'underline':
        run.underline = true;
        break;
      case 'highlight':
        run.highlight = true;
        break;
      case 'link':
        run.href = allowedLinkHref(attrOf(mark, 'href'));
        break;
      default:
        // Suggested deletions, comment anchors and unknown marks: the text stays, plain.
        break;
    }
  }
  return run;
}

function isInline(node: unknown): node is JsonObject {
  const type = typeOf(node);
  return type === 'text' || type === 'hardBreak';
}

function inlinesOf(nodes: readonly JsonObject[]): Inline[] {
  const inlines: Inline[] = [];
  for (const node of nodes) {
    if (typeOf(node) === 'hardBreak') {
      inlines.push({ kind: 'break' });
      continue;
    }
    const run = runOf(node);
    if (run !== null && run.text !== '') inlines.push(run);
  }
  return inlines;
}

/** Plain text of runs, line breaks as spaces: for slide titles, bookmarks and estimates. */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => (inline.kind === 'break' ? ' ' : inline.text))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function headingLevel(node: JsonObject): number {
  const level = attrOf(node, 'level');
  // The editor offers 2 to 4; 1 (the schema's default) sits at the same level as 2 under a resource title.
  const base = typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2;
  return Math.max(2, base);
}

function listStyleOf(node: JsonObject): ListStyle {
  if (typeOf(node) === 'bulletList') return 'bullet';
  switch (attrOf(node, 'type')) {
    case 'a':
      return 'lower-alpha';
    case 'A':
      return 'upper-alpha';
    case 'i':
      return 'lower-roman';
    case 'I':
      return 'upper-roman';
    default:
      return 'decimal';
  }
}

function listStart(node: JsonObject): number {
  const start = attrOf(node, 'start');
  return typeof start === 'number' && Number.isSafeInteger(start) && start >= 0 ? start : 1;
}

function span(node: JsonObject, name: 'colspan' | 'rowspan', limit: number): number {
  const value = attrOf(node, name);
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 1 ? Math.min(value, limit) : 1;
}

function alignOf(node: JsonObject): TableCell['align'] {
  const align = attrOf(node, 'align');
  return align === 'left' || align === 'center' || align === 'right' ? align : null;
}

function pictureAlt(node: JsonObject): string {
  const alt = attrOf(node, 'alt');
  return typeof alt === 'string' ? alt.replace(/\s+/g, ' ').trim() : '';
}

/**
 * Below {@link MAX_DEPTH}: every paragraph and heading of a subtree, in document order, as plain
 * paragraphs. Iterative, so hostile nesting cannot overflow the stack.
 */
function flattened(node: unknown): Block[] {
  const blocks: Block[] = [];
  const stack: unknown[] = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if (!isObject(current)) continue;
    const children = childrenOf(current);
    const type = typeOf(current);
    if (type === 'paragraph' || type === 'heading') {
      const inlines = inlinesOf(children.filter(isInline));
      if (inlines.length > 0) blocks.push({ kind: 'paragraph', inlines });
    } else if (type === 'chorusImage') {
      blocks.push({ kind: 'picture', alt: pictureAlt(current) });
    }
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (!isInline(child)) stack.push(child);
    }
  }
  return blocks;
}

function blocksOf(children: readonly unknown[], depth: number): Block[] {
  const blocks: Block[] = [];
  let run: JsonObject[] = [];
  const flush = () => {
    // Text straight inside a container (not valid in the schema, but possible in JSON) becomes a paragraph.
    const inlines = inlinesOf(run);
    if (inlines.length > 0) blocks.push({ kind: 'paragraph', inlines });
    run = [];
  };
  for (const child of children) {
    if (isInline(child)) {
      run.push(child);
      continue;
    }
    flush();
    if (!isObject(child)) continue;
    if (depth >= MAX_DEPTH) {
      blocks.push(...flattened(child));
      continue;
    }
    blocks.push(...blockOf(child, depth + 1));
  }
  flush();
  return blocks;
}

function tableRows(table: JsonObject, depth: number): TableCell[][] {
  const rows: TableCell[][] = [];
  for (const row of childrenOf(table)) {
    if (!isObject(row)) continue;
    const cells: TableCell[] = [];
    for (const cell of childrenOf(row)) {
      if (!isObject(cell)) continue;
      const type = typeOf(cell);
      if (type !== 'tableCell' && type !== 'tableHeader') continue;
      cells.push({
        header: type === 'tableHeader',
        // The HTML standard's own limits on spans.
        colspan: span(cell, 'colspan', 1000),
        rowspan: span(cell, 'rowspan', 65534),
        align: alignOf(cell),
        blocks: blocksOf(childrenOf(cell), depth + 2),
      });
    }
    if (cells.length > 0) rows.push(cells);
  }
  return rows;
}

/** One node as blocks: usually one, none for an empty paragraph, several for an unknown wrapper. */
function blockOf(node: JsonObject, depth: number): Block[] {
  const children = childrenOf(node);
  switch (typeOf(node)) {
    case 'paragraph': {
      const inlines = inlinesOf(children.filter(isInline));
      return inlines.length > 0 ? [{ kind: 'paragraph', inlines }] : [];
    }
    case 'heading': {
      const inlines = inlinesOf(children.filter(isInline));
      return inlines.length > 0 ? [{ kind: 'heading', level: headingLevel(node), inlines }] : [];
    }
    case 'bulletList':
    case 'orderedList': {
      const items = children
        .filter((item): item is JsonObject => isObject(item))
        .map((item) => (typeOf(item) === 'listItem' ? blocksOf(childrenOf(item), depth + 1) : blocksOf([item], depth)))
        .filter((item) => item.length > 0);
      return items.length > 0 ? [{ kind: 'list', style: listStyleOf(node), start: listStart(node), items }] : [];
    }
    case 'table': {
      const rows = tableRows(node, depth);
      return rows.length > 0 ? [{ kind: 'table', rows }] : [];
    }
    case 'contentWarning':
      return [{ kind: 'content-warning', blocks: blocksOf(children, depth) }];
    case 'inMyWords':
      return [{ kind: 'in-my-words', blocks: blocksOf(children, depth) }];
    case 'blockquote':
      return [{ kind: 'quote', blocks: blocksOf(children, depth) }];
    case 'chorusImage':
      return [{ kind: 'picture', alt: pictureAlt(node) }];
    case 'horizontalRule':
      return [{ kind: 'rule' }];
    default:
      // The document itself, and any type the schema does not have: only its children count.
      return blocksOf(children, depth);
  }
}

/** The blocks of a version's document. Safe for any JSON, in time linear in its size. */
export function documentBlocks(doc: DocumentNode): Block[] {
  return isObject(doc) ? blockOf(doc, 0) : [];
}

/** Plain text as paragraphs: a blank line between paragraphs, a single newline a line break. */
export function textParagraphs(text: string): Inline[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => {
      const inlines: Inline[] = [];
      paragraph.split('\n').forEach((line, index) => {
        if (index > 0) inlines.push({ kind: 'break' });
        inlines.push(plainRun(line.trim()));
      });
      return inlines;
    });
}

export function plainRun(text: string): TextRun {
  return { kind: 'text', text, bold: false, italic: false, underline: false, highlight: false, href: null };
}
