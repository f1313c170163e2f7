import { allowedLinkHref } from './links';
import type { DocumentNode } from '../repository/records';
import { isObject, own, type JsonObject } from '../json/object';

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

function typeOf(node: JsonObject): string {
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

interface RenderedMark {
  /** Two marks with the same key render the same, so adjacent text shares one element. */
  key: string;
  rank: number;
  open: string;
  close: string;
}

const bold: RenderedMark = { key: 'bold', rank: 1, open: '<strong>', close: '</strong>' };
const italic: RenderedMark = { key: 'italic', rank: 2, open: '<em>', close: '</em>' };
const underline: RenderedMark = { key: 'underline', rank: 3, open: '<u>', close: '</u>' };
const highlight: RenderedMark = { key: 'highlight', rank: 4, open: '<mark>', close: '</mark>' };

/**
 * The marks of a text node in schema order (link outermost), or null when its text is not part of
 * the document. Review marks mirror `stripReviewMarks`: a suggested insertion was never accepted, so
 * its text is left out; a suggested deletion was never accepted either, so its text stays, plain;
 * comment anchors add nothing. No review id, author or comment is ever written.
 */
function marksOf(node: JsonObject): RenderedMark[] | null {
  const marks = own(node, 'marks');
  if (!Array.isArray(marks)) return [];
  const rendered: RenderedMark[] = [];
  const add = (mark: RenderedMark) => {
    if (!rendered.some((existing) => existing.rank === mark.rank)) rendered.push(mark);
  };
  for (const mark of marks as unknown[]) {
    if (!isObject(mark)) continue;
    switch (typeOf(mark)) {
      case 'suggestionInsert':
        return null;
      case 'bold':
        add(bold);
        break;
      case 'italic':
        add(italic);
        break;
      case 'underline':
        add(underline);
        break;
      case 'highlight':
        add(highlight);
        break;
      case 'link': {
        const href = allowedLinkHref(attrOf(mark, 'href'));
        if (href !== null) {
          const open = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">`;
          add({ key: open, rank: 0, open, close: '</a>' });
        }
        break;
      }
      default:
        // Unknown marks, suggested deletions and comment anchors: the text renders without them.
        break;
    }
  }
  return rendered.sort((a, b) => a.rank - b.rank);
}

function isInline(node: unknown): node is JsonObject {
  if (!isObject(node)) return false;
  const type = typeOf(node);
  return type === 'text' || type === 'hardBreak';
}

function textHtml(node: JsonObject): string {
  const text = own(node, 'text');
  return typeof text === 'string' ? escapeHtml(text) : '';
}

/**
 * A run of text and line breaks, each with its own marks. Marks stay open across neighbours that
 * share them, as ProseMirror's serialiser does, so a link split by bold is still one link.
 */
function renderInline(nodes: readonly JsonObject[]): string {
  const parts: string[] = [];
  const open: RenderedMark[] = [];
  for (const node of nodes) {
    const html = typeOf(node) === 'hardBreak' ? '<br>' : textHtml(node);
    if (html === '') continue;
    const marks = marksOf(node);
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

/** A node waiting to be rendered, or HTML waiting to be written. */
type Task = string | { node: unknown; depth: number; headerScope?: 'col' | 'row' };

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

function headingLevel(node: JsonObject, offset: number): number {
  const level = attrOf(node, 'level');
  // 1 is the schema's default level; the editor offers 2 to 4.
  const base = typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1;
  return Math.min(6, base + offset);
}

function orderedListAttributes(node: JsonObject): string {
  let attributes = '';
  const start = attrOf(node, 'start');
  if (typeof start === 'number' && Number.isSafeInteger(start) && start !== 1) attributes += ` start="${start}"`;
  const listType = attrOf(node, 'type');
  if (listType === 'a' || listType === 'A' || listType === 'i' || listType === 'I') {
    attributes += ` type="${listType}"`;
  }
  return attributes;
}

function span(node: JsonObject, name: 'colspan' | 'rowspan', limit: number): string {
  const value = attrOf(node, name);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 1) return '';
  return ` ${name}="${Math.min(value, limit)}"`;
}

function cellAttributes(node: JsonObject): string {
  // The HTML standard's own limits on spans.
  let attributes = span(node, 'colspan', 1000) + span(node, 'rowspan', 65534);
  const align = attrOf(node, 'align');
  if (align === 'left' || align === 'center' || align === 'right') attributes += ` style="text-align: ${align}"`;
  return attributes;
}

function picturePlaceholder(node: JsonObject): string {
  const alt = attrOf(node, 'alt');
  const description = typeof alt === 'string' ? alt.replace(/\s+/g, ' ').trim() : '';
  // A decorative picture says nothing to a screen reader, so neither does its placeholder.
  return description === ''
    ? '<div class="chorus-picture" aria-hidden="true">Decorative picture</div>'
    : `<div class="chorus-picture">Picture: ${escapeHtml(description)}</div>`;
}

/** The element a node is written as, or null for nodes written as their children alone. */
function elementOf(node: JsonObject, task: Exclude<Task, string>, headingOffset: number): Tags | null {
  switch (typeOf(node)) {
    case 'paragraph':
      return leaf('<p>', '</p>');
    case 'heading': {
      const level = headingLevel(node, headingOffset);
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
      // Room for the table, its section, a row and a cell.
      return container('<table>', '</table>', 1, 4);
    case 'tableRow':
      return container('<tr>', '</tr>', 1, 2);
    case 'tableHeader':
      return container(`<th scope="${task.headerScope ?? 'col'}"${cellAttributes(node)}>`, '</th>');
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
    case 'hardBreak':
      return atom('<br>');
    default:
      // The document itself, and any type the schema does not have: only its children are written.
      return null;
  }
}

function isHeaderRow(row: unknown): boolean {
  if (!isObject(row) || typeOf(row) !== 'tableRow') return false;
  const cells = childrenOf(row);
  return cells.length > 0 && cells.every((cell) => isObject(cell) && typeOf(cell) === 'tableHeader');
}

/**
 * Children as tasks in document order: consecutive text and line breaks become one piece of HTML,
 * every other node a task of its own.
 */
function childTasks(children: readonly unknown[], depth: number, headerScope?: 'col' | 'row'): Task[] {
  const tasks: Task[] = [];
  let run: JsonObject[] = [];
  const flush = () => {
    if (run.length > 0) tasks.push(renderInline(run));
    run = [];
  };
  for (const child of children) {
    if (isInline(child)) {
      run.push(child);
    } else {
      flush();
      tasks.push(headerScope === undefined ? { node: child, depth } : { node: child, depth, headerScope });
    }
  }
  flush();
  return tasks;
}

function pushReversed(stack: Task[], tasks: readonly Task[]): void {
  // A loop, not push(...tasks): spreading a huge content array would overflow the call stack.
  for (let index = tasks.length - 1; index >= 0; index -= 1) stack.push(tasks[index] ?? '');
}

/** A table's rows, with a first row made only of header cells as its `thead`; `depth` is the rows' depth. */
function tableTasks(table: JsonObject, depth: number): Task[] {
  const rows = childrenOf(table);
  const [first, ...rest] = rows;
  if (!isHeaderRow(first)) return ['<tbody>', ...childTasks(rows, depth), '</tbody>'];
  const body = rest.length > 0 ? ['<tbody>', ...childTasks(rest, depth), '</tbody>'] : [];
  return ['<thead>', ...childTasks([first], depth), '</thead>', ...body];
}

/**
 * The body HTML of a document (no `<html>` wrapper). Safe for any JSON: only the schema's node and
 * mark types become elements, only whitelisted attributes with checked values are written, all
 * text is escaped, and unknown types contribute their text alone. It uses no recursion, so it
 * cannot overflow the call stack, and runs in time linear in the size of the document.
 *
 * As in the editor, the visible labels of content warnings and "in my words" come from the
 * stylesheet (see {@link renderHtmlPage}), so they are never part of the text; a page with a
 * stylesheet of its own should label them too.
 */
export function renderDocumentHtml(doc: DocumentNode, options: RenderDocumentOptions = {}): string {
  const requested = options.headingOffset ?? 0;
  const headingOffset = Number.isFinite(requested) ? Math.min(5, Math.max(0, Math.trunc(requested))) : 0;
  const out: string[] = [];
  const stack: Task[] = [];
  pushReversed(stack, childTasks([doc], 0));
  for (let task = stack.pop(); task !== undefined; task = stack.pop()) {
    if (typeof task === 'string') {
      out.push(task);
      continue;
    }
    const { node, depth } = task;
    if (!isObject(node)) continue;
    const element = elementOf(node, task, headingOffset);
    if (element?.kind === 'atom') {
      out.push(element.open);
      continue;
    }
    if (element === null || !fits(element, depth)) {
      pushReversed(stack, childTasks(childrenOf(node), depth));
      continue;
    }
    const inner = depth + element.opens;
    out.push(element.open);
    stack.push(element.close);
    if (typeOf(node) === 'table') {
      pushReversed(stack, tableTasks(node, inner + 1));
    } else if (typeOf(node) === 'tableRow') {
      pushReversed(stack, childTasks(childrenOf(node), inner, isHeaderRow(node) ? 'col' : 'row'));
    } else {
      pushReversed(stack, childTasks(childrenOf(node), inner));
    }
  }
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
 * A complete, self-contained HTML page: the escaped title as the page's only h1, the lead, then the
 * body. It loads nothing and runs nothing, and its security policy says so to the browser as well.
 */
export function renderHtmlPage(page: HtmlPage): string {
  const title = escapeHtml(page.title);
  return [
    '<!doctype html>',
    '<html lang="en-GB">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(pageSecurityPolicy)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${title}</title>`,
    `<style>${pageStyles}</style>`,
    '</head>',
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
