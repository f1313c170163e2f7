import {
  alignOf,
  attrOf,
  childrenOf,
  headingLevelOf,
  isHeaderRow,
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

export type { DocumentNode };

export interface RenderDocumentOptions {
  /**
   * Added to every heading level, which is then capped at 6. Chorus documents already start at h2
   * (the page title is the h1), so a page of one document passes 0 and a page that puts a document
   * under its own h2 passes 1.
   */
  headingOffset?: number;
}

export interface HtmlPage {
  title: string;
  /** Facts shown under the title, such as who approved the version; a group without items is left out. */
  lead?: { label: string; items: string[] }[];
  /** Body HTML from {@link renderDocumentHtml}. It is written as it is. */
  body: string;
}

/**
 * How many elements deep a document is rendered. Real documents stay well under 20; hostile ones
 * can nest thousands of levels, which browsers flatten unpredictably (Chromium at 512) and which
 * other HTML tools may not survive. Blocks below this depth are written without their wrappers,
 * each paragraph still as a `<p>`.
 */
const MAX_DEPTH = 100;

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for both element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

interface RenderedMark {
  /** Two marks with the same key render the same, so adjacent text shares one element. */
  key: string;
  open: string;
  close: string;
}

const styleMarks = [
  { name: 'bold', open: '<strong>', close: '</strong>' },
  { name: 'italic', open: '<em>', close: '</em>' },
  { name: 'underline', open: '<u>', close: '</u>' },
  { name: 'highlight', open: '<mark>', close: '</mark>' },
] as const;

/**
 * The marks of a text node in schema order (link outermost), or null when its text is not part of
 * the document (`runStyleOf`: a suggested insertion). No review id, author or comment is ever written.
 */
function renderedMarks(node: JsonObject): RenderedMark[] | null {
  const style = runStyleOf(node);
  if (style === null) return null;
  const rendered: RenderedMark[] = [];
  if (style.href !== null) {
    const open = `<a href="${escapeHtml(style.href)}" rel="noopener noreferrer">`;
    rendered.push({ key: open, open, close: '</a>' });
  }
  for (const mark of styleMarks) {
    if (style[mark.name]) rendered.push({ key: mark.name, open: mark.open, close: mark.close });
  }
  return rendered;
}

/**
 * A run of text and line breaks, each with its own marks. Marks stay open across neighbours that
 * share them, as ProseMirror's serialiser does, so a link split by bold is still one link.
 */
function renderInline(nodes: readonly JsonObject[]): string {
  const parts: string[] = [];
  const open: RenderedMark[] = [];
  for (const node of nodes) {
    const html = typeOf(node) === 'hardBreak' ? '<br>' : escapeHtml(textOf(node));
    if (html === '') continue;
    const marks = renderedMarks(node);
    if (marks === null) continue;
    let shared = 0;
    while (shared < open.length && shared < marks.length && open[shared]?.key === marks[shared]?.key) shared += 1;
    for (let index = open.length - 1; index >= shared; index -= 1) parts.push(open[index]?.close ?? '');
    open.length = shared;
    for (const mark of marks.slice(shared)) {
      parts.push(mark.open);
      open.push(mark);
    }
    parts.push(html);
  }
  for (let index = open.length - 1; index >= 0; index -= 1) parts.push(open[index]?.close ?? '');
  return parts.join('');
}

interface Tags {
  /**
   * A container is written only when it fits under {@link MAX_DEPTH} together with the elements it
   * needs inside (`reserve`: a table needs its section, row and cell); below that its children are
   * written without it. A leaf (a paragraph or heading) is written at any depth up to the limit, so
   * text never runs together; whatever it holds is one level further and no longer wrapped. An atom
   * (a rule, a line break, a picture) adds no depth and has no children.
   */
  kind: 'container' | 'leaf' | 'atom';
  open: string;
  close: string;
  /** How many elements `open` leaves open. */
  opens: number;
  reserve: number;
}

function container(open: string, close: string, opens = 1, reserve = opens): Tags {
  return { kind: 'container', open, close, opens, reserve };
}

function leaf(open: string, close: string): Tags {
  return { kind: 'leaf', open, close, opens: 1, reserve: 1 };
}

function atom(html: string): Tags {
  return { kind: 'atom', open: html, close: '', opens: 0, reserve: 0 };
}

function fits(tags: Tags, depth: number): boolean {
  return tags.kind === 'leaf' ? depth <= MAX_DEPTH : depth + tags.reserve <= MAX_DEPTH;
}

function orderedListAttributes(node: JsonObject): string {
  let attributes = '';
  const start = attrOf(node, 'start');
  if (typeof start === 'number' && Number.isSafeInteger(start) && start !== 1) attributes += ` start="${start}"`;
  const listType = listTypeOf(node);
  if (listType !== null) attributes += ` type="${listType}"`;
  return attributes;
}

function cellAttributes(node: JsonObject): string {
  let attributes = '';
  for (const name of ['colspan', 'rowspan'] as const) {
    const span = spanOf(node, name);
    if (span > 1) attributes += ` ${name}="${span}"`;
  }
  const align = alignOf(node);
  if (align !== null) attributes += ` style="text-align: ${align}"`;
  return attributes;
}

function picturePlaceholder(node: JsonObject): string {
  const description = pictureAltOf(node);
  // A decorative picture says nothing to a screen reader, so neither does its placeholder.
  return description === ''
    ? '<div class="chorus-picture" aria-hidden="true">Decorative picture</div>'
    : `<div class="chorus-picture">Picture: ${escapeHtml(description)}</div>`;
}

/** The element a node is written as, or null for nodes written as their children alone. */
function elementOf(node: JsonObject, headerScope: 'col' | 'row', headingOffset: number): Tags | null {
  switch (typeOf(node)) {
    case 'paragraph':
      return leaf('<p>', '</p>');
    case 'heading': {
      // 1 is the schema's default level; the editor offers 2 to 4.
      const level = Math.min(6, headingLevelOf(node, 1) + headingOffset);
      return leaf(`<h${level}>`, `</h${level}>`);
    }
    case 'blockquote':
      return container('<blockquote>', '</blockquote>');
    case 'bulletList':
      return container('<ul>', '</ul>', 1, 2);
    case 'orderedList':
      return container(`<ol${orderedListAttributes(node)}>`, '</ol>', 1, 2);
    case 'listItem':
      return container('<li>', '</li>');
    case 'table':
      // Room for the table, its section, a row and a cell; the section is opened with the table.
      return container('<table>', '</table>', 2, 4);
    case 'tableRow':
      return container('<tr>', '</tr>', 1, 2);
    case 'tableHeader':
      return container(`<th scope="${headerScope}"${cellAttributes(node)}>`, '</th>');
    case 'tableCell':
      return container(`<td${cellAttributes(node)}>`, '</td>');
    case 'contentWarning':
      // The visible label comes from the page's stylesheet, as in the editor, so it is never part of the text.
      return container('<aside data-type="content-warning" role="note" aria-label="Content warning">', '</aside>');
    case 'inMyWords':
      return container(
        '<figure data-type="in-my-words" aria-label="In my words"><blockquote>',
        '</blockquote></figure>',
        2,
      );
    case 'chorusImage':
      return atom(picturePlaceholder(node));
    case 'horizontalRule':
      return atom('<hr>');
    default:
      // The document itself, and any type the schema does not have: only its children are written.
      return null;
  }
}

/** A node being written: what closes it, and what its children need to know. */
interface Open {
  close: string;
  /** The depth its children are written at. */
  inner: number;
  /** For a written row: the scope of its header cells. */
  headerScope?: 'col' | 'row';
  /** For a written table: whether its first row is all header cells, whether `tbody` has begun, how many rows. */
  table?: { header: boolean; body: boolean; rows: number };
}

/** A written table with a header row keeps that row in `thead` and the rest in `tbody`. */
function beforeChild(parent: Open | undefined, index: number, out: string[]): void {
  const table = parent?.table;
  if (table?.header === true && !table.body && index >= 1) {
    out.push('</thead>', '<tbody>');
    table.body = true;
  }
}

/**
 * The body HTML of a document (no `<html>` wrapper). Safe for any JSON: only the schema's node and
 * mark types become elements, only whitelisted attributes with checked values are written, all
 * text is escaped, and unknown types contribute their text alone. It reads the document through
 * `walkDocument`, so it cannot overflow the call stack, and runs in time linear in its size.
 *
 * As in the editor, the visible labels of content warnings and "in my words" come from the
 * stylesheet (see {@link renderHtmlPage}), so they are never part of the text; a page with a
 * stylesheet of its own should label them too.
 */
export function renderDocumentHtml(doc: DocumentNode, options: RenderDocumentOptions = {}): string {
  const requested = options.headingOffset ?? 0;
  const headingOffset = Number.isFinite(requested) ? Math.min(5, Math.max(0, Math.trunc(requested))) : 0;
  const out: string[] = [];
  const opened: Open[] = [];
  const top = () => opened[opened.length - 1];
  walkDocument(doc, {
    enter: (node, { index }) => {
      const parent = top();
      beforeChild(parent, index, out);
      const depth = parent?.inner ?? 0;
      const element = elementOf(node, parent?.headerScope ?? 'col', headingOffset);
      if (element?.kind === 'atom') {
        out.push(element.open);
        return false;
      }
      if (element === null || !fits(element, depth)) {
        opened.push({ close: '', inner: depth });
        return true;
      }
      const entry: Open = { close: element.close, inner: depth + element.opens };
      out.push(element.open);
      const type = typeOf(node);
      if (type === 'table') {
        const rows = childrenOf(node);
        const header = isHeaderRow(rows[0]);
        out.push(header ? '<thead>' : '<tbody>');
        entry.table = { header, body: !header, rows: rows.length };
      } else if (type === 'tableRow') {
        entry.headerScope = isHeaderRow(node) ? 'col' : 'row';
      }
      opened.push(entry);
      return true;
    },
    inline: (run, { index }) => {
      beforeChild(top(), index, out);
      out.push(renderInline(run));
    },
    leave: () => {
      const entry = opened.pop();
      const table = entry?.table;
      if (table !== undefined) {
        if (table.header && !table.body && table.rows > 1) out.push('</thead>', '<tbody>');
        out.push(table.header && table.rows <= 1 ? '</thead>' : '</tbody>');
      }
      out.push(entry?.close ?? '');
    },
  });
  return out.join('');
}

/**
 * The Content-Security-Policy of every page: no scripts, frames, fonts, images or connections of any
 * kind, only the inline stylesheet. `base-uri` and `form-action` are not covered by `default-src`.
 */
export const pageSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/**
 * Small and self-contained: the page must read well on a git host's raw view and when printed.
 * Exports (`electron/services/export/html.ts`) build on the same rules, labels included.
 */
export const pageStyles = `
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1d1d1f; font: 1.0625rem/1.6 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
main { max-width: 44rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.75rem 0 0.75rem; }
h1 { margin-top: 0; }
p, ul, ol, blockquote, table, aside, figure { margin: 0 0 1rem; }
a { color: #0b4fa8; text-underline-offset: 0.15em; }
a:focus-visible { outline: 3px solid #0b4fa8; outline-offset: 2px; }
mark { background: #fff1a8; color: inherit; }
hr { border: 0; border-top: 2px solid #c9c9cf; margin: 1.5rem 0; }
blockquote { padding-left: 1rem; border-left: 4px solid #c9c9cf; }
.lead { margin: 0 0 2rem; padding: 0.75rem 1rem; border: 1px solid #c9c9cf; border-radius: 6px; }
.lead div { margin: 0.25rem 0; }
.lead dt { display: inline; font-weight: 700; }
.lead dt::after { content: ': '; }
.lead dd { display: inline; margin: 0; }
.lead dd + dd::before { content: ', '; }
aside[data-type='content-warning'] { padding: 0.75rem 1rem 0.25rem; background: #fdf3dc; border-left: 6px solid #a86b00; }
aside[data-type='content-warning']::before { content: 'Content warning'; content: 'Content warning' / ''; display: block; margin-bottom: 0.25rem; font-weight: 700; }
figure[data-type='in-my-words'] { padding: 0.75rem 1rem 0.25rem; background: #eef3fb; border-radius: 6px; }
figure[data-type='in-my-words']::before { content: 'In my words'; content: 'In my words' / ''; display: block; margin-bottom: 0.25rem; font-weight: 700; }
figure[data-type='in-my-words'] blockquote { margin: 0; padding: 0; border: 0; font-size: 1.125rem; }
.chorus-picture { margin: 0 0 1rem; padding: 1rem; border: 2px dashed #8a8a93; border-radius: 6px; color: #4a4a52; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #8a8a93; padding: 0.375rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f1f1f4; }
th > :last-child, td > :last-child, li > :last-child, aside > :last-child, blockquote > :last-child { margin-bottom: 0; }
@media print { main { max-width: none; padding: 0; } a { color: inherit; } }
`;

function renderLead(lead: HtmlPage['lead']): string {
  const groups = (lead ?? []).filter((group) => group.items.length > 0);
  if (groups.length === 0) return '';
  const rows = groups.map(
    (group) =>
      `<div><dt>${escapeHtml(group.label)}</dt>${group.items.map((item) => `<dd>${escapeHtml(item)}</dd>`).join('')}</div>`,
  );
  return `<dl class="lead">${rows.join('')}</dl>`;
}

/**
 * The start of every page Chorus writes, up to its body: English (UK), UTF-8, the security policy
 * (it loads nothing and runs nothing), no referrer, the escaped title and the given stylesheets.
 * Lines to join with newlines.
 */
export function pageHead(title: string, styles: readonly string[]): string[] {
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(pageSecurityPolicy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    ...styles.map((css) => `<style>${css}</style>`),
    '</head>',
  ];
}

/**
 * A complete, self-contained HTML page: the escaped title as the page's only h1, the lead, then the
 * body. It loads nothing and runs nothing, and its security policy says so to the browser as well.
 */
export function renderHtmlPage(page: HtmlPage): string {
  const title = escapeHtml(page.title);
  return [
    ...pageHead(page.title, [pageStyles]),
    '<body>',
    '<main>',
    `<header><h1>${title}</h1>${renderLead(page.lead)}</header>`,
    `<div class="chorus-document">${page.body}</div>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
