import { allowedLinkHref } from './links';
import { jsonDepthWithin } from '../json/depth';
import { isObject, own, type JsonObject } from '../json/object';
import { maxDocumentJsonDepth, type DocumentNode } from '../repository/records';
import { safeIdPattern } from '../ids';

/**
 * The one model of a Chorus document: the node and mark types the editor's schema has, and how a
 * reader takes them out of untrusted TipTap JSON. Every reader (text, blocks, HTML, stripping)
 * reads nodes through these functions and walks them with `walkDocument`, so a new node type is
 * added here and in the readers' switch statements, and nowhere else.
 */

export type { DocumentNode, JsonObject };

export const nodeTypes = [
  'doc',
  'paragraph',
  'heading',
  'text',
  'hardBreak',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'contentWarning',
  'inMyWords',
  'chorusImage',
  'horizontalRule',
] as const;
export type NodeType = (typeof nodeTypes)[number];

/** The mark that anchors a comment thread to a range of text. */
export const COMMENT_ANCHOR = 'commentAnchor';
/** The mark on text suggested for insertion. */
export const SUGGESTION_INSERT = 'suggestionInsert';
/** The mark on text suggested for deletion. */
export const SUGGESTION_DELETE = 'suggestionDelete';

export const markTypes = [
  'bold',
  'italic',
  'underline',
  'highlight',
  'link',
  COMMENT_ANCHOR,
  SUGGESTION_INSERT,
  SUGGESTION_DELETE,
] as const;
export type MarkType = (typeof markTypes)[number];

/** Every mark of the review layer: none of them may ever leave the device. */
export const REVIEW_MARKS: readonly string[] = [COMMENT_ANCHOR, SUGGESTION_INSERT, SUGGESTION_DELETE];

export function isNodeType(value: unknown): value is NodeType {
  return typeof value === 'string' && (nodeTypes as readonly string[]).includes(value);
}

export function isMarkType(value: unknown): value is MarkType {
  return typeof value === 'string' && (markTypes as readonly string[]).includes(value);
}

/**
 * Thread, suggestion and author ids use the app's safe alphabet, because they are written into HTML
 * attributes and used as keys; anything else in a document is ignored rather than trusted.
 */
export function isReviewId(value: unknown): value is string {
  return typeof value === 'string' && safeIdPattern.test(value);
}

/** Whether a value nests no deeper than a document may (`maxDocumentDepth` blocks), measured without recursion. */
export function isWithinDocumentDepth(value: unknown): boolean {
  return jsonDepthWithin(value, maxDocumentJsonDepth);
}

/** A node's type, or '' when it has none (or is not a node at all). */
export function typeOf(node: unknown): string {
  if (!isObject(node)) return '';
  const type = own(node, 'type');
  return typeof type === 'string' ? type : '';
}

export function attrOf(node: JsonObject, name: string): unknown {
  const attrs = own(node, 'attrs');
  return isObject(attrs) ? own(attrs, name) : undefined;
}

export function childrenOf(node: JsonObject): readonly unknown[] {
  const content = own(node, 'content');
  return Array.isArray(content) ? content : [];
}

/** A node's marks that are objects; anything else in `marks` is ignored. */
export function marksOf(node: JsonObject): JsonObject[] {
  const marks = own(node, 'marks');
  return Array.isArray(marks) ? (marks as unknown[]).filter(isObject) : [];
}

export function textOf(node: JsonObject): string {
  const text = own(node, 'text');
  return typeof text === 'string' ? text : '';
}

/** Text and line breaks: what a paragraph or heading holds. */
export function isInline(node: unknown): node is JsonObject {
  const type = typeOf(node);
  return type === 'text' || type === 'hardBreak';
}

export function hasMark(node: JsonObject, type: string): boolean {
  return marksOf(node).some((mark) => typeOf(mark) === type);
}

/** The formatting of a run of text as every format shows it, or null when it is not part of the document. */
export interface RunStyle {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  highlight: boolean;
  /** The first link's address the link rule allows (`allowedLinkHref`), or null. */
  href: string | null;
}

/**
 * How a text node's marks read in every format: a suggested insertion was never accepted, so its
 * text is not part of the document (null); a suggested deletion was never accepted either, so its
 * text stays, plain; comment anchors and unknown marks add nothing.
 */
export function runStyleOf(node: JsonObject): RunStyle | null {
  const style: RunStyle = { bold: false, italic: false, underline: false, highlight: false, href: null };
  for (const mark of marksOf(node)) {
    const type = typeOf(mark);
    switch (type) {
      case SUGGESTION_INSERT:
        return null;
      case 'bold':
      case 'italic':
      case 'underline':
      case 'highlight':
        style[type] = true;
        break;
      case 'link':
        style.href ??= allowedLinkHref(attrOf(mark, 'href'));
        break;
      default:
        break;
    }
  }
  return style;
}

/** A heading's level as the schema stores it (1 to 6), or `fallback` when it has none that fits. */
export function headingLevelOf(node: JsonObject, fallback: number): number {
  const level = attrOf(node, 'level');
  return typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 6 ? level : fallback;
}

/** A table cell's span, within the HTML standard's own limits; 1 when it has none. */
export function spanOf(node: JsonObject, name: 'colspan' | 'rowspan'): number {
  const value = attrOf(node, name);
  const limit = name === 'colspan' ? 1000 : 65534;
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 1 ? Math.min(value, limit) : 1;
}

export function alignOf(node: JsonObject): 'left' | 'center' | 'right' | null {
  const align = attrOf(node, 'align');
  return align === 'left' || align === 'center' || align === 'right' ? align : null;
}

/** A picture's description on one line; empty for a decorative picture. */
export function pictureAltOf(node: JsonObject): string {
  const alt = attrOf(node, 'alt');
  return typeof alt === 'string' ? alt.replace(/\s+/g, ' ').trim() : '';
}

/** A list's numbering as the schema stores it (`type` of an ordered list). */
export function listTypeOf(node: JsonObject): 'a' | 'A' | 'i' | 'I' | null {
  const listType = attrOf(node, 'type');
  return listType === 'a' || listType === 'A' || listType === 'i' || listType === 'I' ? listType : null;
}

export function isHeaderRow(row: unknown): boolean {
  if (!isObject(row) || typeOf(row) !== 'tableRow') return false;
  const cells = childrenOf(row);
  return cells.length > 0 && cells.every((cell) => typeOf(cell) === 'tableHeader');
}

export { isObject, own };
