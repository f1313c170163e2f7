import {
  alignOf,
  attrOf,
  headingLevelOf,
  listTypeOf,
  pictureAltOf,
  runStyleOf,
  spanOf,
  textOf,
  typeOf,
  type DocumentNode,
  type JsonObject,
} from './model';
import { walkDocument } from './walk';

/**
 * A document as the Word and PowerPoint writers read it: blocks and runs of styled text, with
 * nothing of TipTap's JSON left. It reads marks and attributes through the same model as
 * `html.ts` (which the HTML and PDF exports use), so every format shows the same words.
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

/** As in html.ts: deeper than this, containers are dropped and only their paragraphs and pictures are kept. */
const MAX_DEPTH = 100;

function inlinesOf(run: readonly JsonObject[]): Inline[] {
  const inlines: Inline[] = [];
  for (const node of run) {
    if (typeOf(node) === 'hardBreak') {
      inlines.push({ kind: 'break' });
      continue;
    }
    const style = runStyleOf(node);
    const text = textOf(node);
    if (style === null || text === '') continue;
    inlines.push({ kind: 'text', text, ...style });
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

function listStyleOf(node: JsonObject): ListStyle {
  if (typeOf(node) === 'bulletList') return 'bullet';
  switch (listTypeOf(node)) {
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

/**
 * A node being read: what its children give it, and what it gives its parent when it ends.
 * `flat` nodes (unknown wrappers, and every container below {@link MAX_DEPTH}) pass their
 * children's blocks up as they are.
 */
interface Frame {
  node: JsonObject | null;
  kind: 'flat' | 'text' | 'list' | 'item' | 'table' | 'row' | 'cell' | 'wrapper';
  /** Below {@link MAX_DEPTH}: a heading is written as a paragraph. */
  deep: boolean;
  blocks: Block[];
  inlines: Inline[];
  items: Block[][];
  rows: TableCell[][];
  cells: TableCell[];
}

function frame(node: JsonObject | null, kind: Frame['kind'], deep = false): Frame {
  return { node, kind, deep, blocks: [], inlines: [], items: [], rows: [], cells: [] };
}

/** What a frame gives its parent. */
function finish(done: Frame, parent: Frame): void {
  const node = done.node ?? {};
  switch (done.kind) {
    case 'text':
      if (done.inlines.length > 0) {
        const heading = typeOf(node) === 'heading' && !done.deep;
        add(parent, [
          heading
            ? { kind: 'heading', level: Math.max(2, headingLevelOf(node, 2)), inlines: done.inlines }
            : { kind: 'paragraph', inlines: done.inlines },
        ]);
      }
      add(parent, done.blocks);
      return;
    case 'list':
      if (done.items.length > 0) {
        add(parent, [{ kind: 'list', style: listStyleOf(node), start: listStart(node), items: done.items }]);
      }
      return;
    case 'table':
      if (done.rows.length > 0) add(parent, [{ kind: 'table', rows: done.rows }]);
      return;
    case 'row':
      if (done.cells.length > 0 && parent.kind === 'table') parent.rows.push(done.cells);
      return;
    case 'cell':
      if (parent.kind === 'row') {
        parent.cells.push({
          header: typeOf(node) === 'tableHeader',
          colspan: spanOf(node, 'colspan'),
          rowspan: spanOf(node, 'rowspan'),
          align: alignOf(node),
          blocks: done.blocks,
        });
      }
      return;
    case 'wrapper': {
      const type = typeOf(node);
      const kind = type === 'contentWarning' ? 'content-warning' : type === 'inMyWords' ? 'in-my-words' : 'quote';
      add(parent, [{ kind, blocks: done.blocks }]);
      return;
    }
    default:
      add(parent, done.blocks);
  }
}

/** Blocks into a frame: a list takes them as one item, a table or row has no place for them. */
function add(target: Frame, blocks: Block[]): void {
  if (blocks.length === 0) return;
  if (target.kind === 'list') target.items.push(blocks);
  else if (target.kind !== 'table' && target.kind !== 'row') target.blocks.push(...blocks);
}

function frameKind(node: JsonObject, parent: Frame, depth: number): Frame['kind'] | 'skip' {
  const type = typeOf(node);
  if (parent.kind === 'row' && type !== 'tableCell' && type !== 'tableHeader') return 'skip';
  if (parent.kind === 'table') return 'row';
  if (type === 'paragraph' || type === 'heading') return 'text';
  if (depth >= MAX_DEPTH) return 'flat';
  switch (type) {
    case 'bulletList':
    case 'orderedList':
      return 'list';
    case 'listItem':
      return parent.kind === 'list' ? 'item' : 'flat';
    case 'table':
      return 'table';
    case 'tableCell':
    case 'tableHeader':
      return 'cell';
    case 'contentWarning':
    case 'inMyWords':
    case 'blockquote':
      return 'wrapper';
    default:
      // The document itself, and any type the schema does not have: only its children count.
      return 'flat';
  }
}

/** The blocks of a version's document. Safe for any JSON, in time linear in its size. */
export function exportBlocks(doc: DocumentNode): Block[] {
  const root = frame(null, 'flat');
  const frames: Frame[] = [root];
  const current = () => frames[frames.length - 1] ?? root;
  walkDocument(doc, {
    enter: (node, { depth }) => {
      const parent = current();
      const type = typeOf(node);
      if (type === 'chorusImage' || type === 'horizontalRule') {
        if (parent.kind !== 'table' && parent.kind !== 'row' && (type === 'chorusImage' || depth < MAX_DEPTH)) {
          add(parent, [type === 'chorusImage' ? { kind: 'picture', alt: pictureAltOf(node) } : { kind: 'rule' }]);
        }
        return false;
      }
      const kind = frameKind(node, parent, depth);
      if (kind === 'skip') return false;
      frames.push(frame(node, kind, depth >= MAX_DEPTH));
      return true;
    },
    inline: (run) => {
      const target = current();
      const inlines = inlinesOf(run);
      // Text straight inside a container (not valid in the schema, but possible in JSON) becomes a paragraph.
      if (target.kind === 'text') target.inlines.push(...inlines);
      else if (inlines.length > 0) add(target, [{ kind: 'paragraph', inlines }]);
    },
    leave: () => {
      const done = frames.pop();
      if (done !== undefined) finish(done, current());
    },
  });
  return root.blocks;
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
