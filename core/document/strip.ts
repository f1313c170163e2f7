import {
  REVIEW_MARKS,
  SUGGESTION_DELETE,
  SUGGESTION_INSERT,
  attrOf,
  childrenOf,
  isInline,
  isObject,
  isReviewId,
  isWithinDocumentDepth,
  marksOf,
  own,
  typeOf,
  type DocumentNode,
  type JsonObject,
} from './model';
import { documentNodes } from './walk';

/**
 * What is stripped before anything leaves the device (an approved version, an export, a preview of
 * either, the hash a sign-off holds): every pending suggestion rejected and every comment anchor
 * removed, so the words are as they were before anyone suggested anything and nothing of the review
 * is left in them. Nobody's suggestion reaches a version unless the consultee accepted it in the editor.
 */

/** A place in a textblock: the nodes from the root down to it, and an index in its content. */
interface Spot {
  path: JsonObject[];
  index: number;
}

interface InsertionRange {
  from: Spot;
  /** The last inline node of the range (inclusive). */
  to: Spot;
}

/** Pictures, rules and any node that cannot hold content: a range of suggested words ends at them. */
function isBlockLeaf(node: JsonObject): boolean {
  const type = typeOf(node);
  if (type === 'chorusImage' || type === 'horizontalRule') return true;
  return own(node, 'content') === undefined && !knownContainers.has(type);
}

const knownContainers = new Set([
  'doc',
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'contentWarning',
  'inMyWords',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
]);

/** Tables and their cells are isolating in the schema; nodes the schema does not have are treated alike. */
function isIsolating(node: JsonObject): boolean {
  const type = typeOf(node);
  return type === 'table' || type === 'tableCell' || type === 'tableHeader' || !knownContainers.has(type);
}

/** The key a suggested insertion is ranged by; every insertion has one, whatever its id. */
function insertionKey(node: JsonObject): string | null {
  const mark = marksOf(node).find((each) => typeOf(each) === SUGGESTION_INSERT);
  if (mark === undefined) return null;
  const id = attrOf(mark, 'suggestionId');
  return isReviewId(id) ? id : '';
}

/**
 * The first stretch of suggested insertion, as the editor finds it (`findSuggestions`): it runs over
 * paragraph boundaries and ends at words without it, at pictures and at the edges of table cells.
 */
function firstInsertion(doc: JsonObject): InsertionRange | null {
  const closed: InsertionRange[] = [];
  let open: { key: string; range: InsertionRange } | null = null;
  const close = () => {
    if (open !== null) closed.push(open.range);
    open = null;
  };
  const visit = (node: JsonObject, path: JsonObject[]) => {
    const children = childrenOf(node);
    const here = [...path, node];
    for (let index = 0; index < children.length && closed.length === 0; index += 1) {
      const child = children[index];
      if (!isObject(child)) continue;
      if (isInline(child)) {
        const key = insertionKey(child);
        const current = open;
        if (current !== null && current.key === key) {
          current.range.to = { path: here, index };
        } else {
          close();
          if (key !== null) open = { key, range: { from: { path: here, index }, to: { path: here, index } } };
        }
        continue;
      }
      const isolating = isBlockLeaf(child) || isIsolating(child);
      if (isolating) close();
      if (!isBlockLeaf(child)) visit(child, here);
      if (isolating) close();
    }
  };
  visit(doc, []);
  close();
  return closed[0] ?? null;
}

/** What a node of each type may hold, as the schema says: a group of nodes, or a type of its own. */
const contentOfType: Readonly<Record<string, string>> = {
  doc: 'block',
  blockquote: 'block',
  listItem: 'block',
  tableCell: 'block',
  tableHeader: 'block',
  contentWarning: 'paragraph',
  inMyWords: 'paragraph',
  bulletList: 'listItem',
  orderedList: 'listItem',
  table: 'tableRow',
  tableRow: 'cell',
};

/** The group a node belongs to, as the schema says. */
function groupOf(node: unknown): string {
  const type = typeOf(node);
  switch (type) {
    case 'listItem':
    case 'tableRow':
      return type;
    case 'tableCell':
    case 'tableHeader':
      return 'cell';
    default:
      return 'block';
  }
}

/** Whether a node of type `container` may hold `nodes` after what it holds, with nothing added. */
function fits(container: string, nodes: readonly unknown[]): boolean {
  const holds = contentOfType[container];
  if (holds === 'paragraph') return nodes.every((node) => typeOf(node) === 'paragraph');
  return holds !== undefined && nodes.every((node) => groupOf(node) === holds);
}

function contentOf(node: JsonObject): unknown[] {
  return [...childrenOf(node)];
}

function setContent(node: JsonObject, content: unknown[]): void {
  if (content.length === 0) delete node.content;
  else node.content = content;
}

/** A fresh node like `node` (its type and attributes) holding `content`; a list item starts with a paragraph. */
function copyHolding(node: JsonObject, content: unknown[]): JsonObject {
  const copy: JsonObject = { ...node };
  const filled =
    typeOf(node) === 'listItem' && typeOf(content[0]) !== 'paragraph' ? [{ type: 'paragraph' }, ...content] : content;
  setContent(copy, filled);
  return copy;
}

/**
 * Removes the words of one range, as ProseMirror's `delete(from, to)` does: within one textblock the
 * words go; across textblocks, the last one's remaining words join the first, the blocks between go,
 * and what followed the last textblock inside its containers joins the first textblock's containers
 * where the schema allows it, or stays in copies of its own containers after them.
 */
function deleteRange({ from, to }: InsertionRange): void {
  const a = from.path;
  const c = to.path;
  const k = a.length - 1;
  const m = c.length - 1;
  const first = a[k] as JsonObject;
  const last = c[m] as JsonObject;
  if (first === last) {
    const content = contentOf(first);
    content.splice(from.index, to.index - from.index + 1);
    setContent(first, content);
    return;
  }
  let s = 0;
  while (s + 1 <= Math.min(k, m) && a[s + 1] === c[s + 1]) s += 1;
  if (s >= k || s >= m) {
    // One textblock inside another: not something the schema allows. The words go, nothing joins.
    const content = contentOf(first);
    content.splice(from.index, 1);
    setContent(first, content);
    return;
  }
  const indexIn = (parent: JsonObject, child: JsonObject) => childrenOf(parent).indexOf(child);

  // What follows the range at each level of the last textblock's containers, from the common one down.
  const rest: unknown[][] = [];
  for (let level = s; level < m; level += 1) {
    const node = c[level] as JsonObject;
    rest[level] = childrenOf(node).slice(indexIn(node, c[level + 1] as JsonObject) + 1);
  }
  setContent(first, [...childrenOf(first).slice(0, from.index), ...childrenOf(last).slice(to.index + 1)]);

  // ProseMirror moves its cut to the deepest level that still has something after it.
  let deepest = -1;
  for (let level = m - 1; level >= s; level -= 1) {
    if ((rest[level] ?? []).length > 0) {
      deepest = level;
      break;
    }
  }
  // The deepest level of the first textblock's containers that can take what follows, with every
  // level above it taking what follows there as it is.
  let join = s;
  if (deepest > s) {
    for (let level = Math.min(k - 1, deepest); level > s; level -= 1) {
      const here = level === deepest ? (rest[level] ?? []) : [c[level + 1], ...(rest[level] ?? [])];
      if (!fits(typeOf(a[level]), here)) continue;
      let above = true;
      for (let upper = level - 1; upper > s; upper -= 1) above &&= fits(typeOf(a[upper]), rest[upper] ?? []);
      if (above) {
        join = level;
        break;
      }
    }
  }
  let carried: JsonObject | null = null;
  if (deepest > join) {
    carried = copyHolding(c[deepest] as JsonObject, rest[deepest] ?? []);
    for (let level = deepest - 1; level > join; level -= 1) {
      carried = copyHolding(c[level] as JsonObject, [carried, ...(rest[level] ?? [])]);
    }
  }
  for (let level = k - 1; level >= s; level -= 1) {
    const node = a[level] as JsonObject;
    const kept = childrenOf(node).slice(0, indexIn(node, a[level + 1] as JsonObject) + 1);
    // Below the joining level the first textblock's containers end with it; at and above it they
    // take what followed the last textblock at their level.
    const following = level > join ? [] : (rest[level] ?? []);
    const placed = level === join && carried !== null ? [carried] : [];
    setContent(node, [...kept, ...placed, ...following]);
  }
}

function marksKey(node: JsonObject): string {
  return JSON.stringify(own(node, 'marks') ?? []);
}

/** Review marks removed from every node, and neighbouring text with the same marks made one, as ProseMirror keeps it. */
function tidy(node: JsonObject): void {
  const marks = own(node, 'marks');
  if (Array.isArray(marks)) {
    const kept = (marks as unknown[]).filter((mark) => !REVIEW_MARKS.includes(typeOf(mark)));
    if (kept.length === 0) delete node.marks;
    else if (kept.length !== marks.length) node.marks = kept;
  }
  const content = own(node, 'content');
  if (!Array.isArray(content)) return;
  const children: unknown[] = [];
  for (const child of content as unknown[]) {
    // Suggested words are gone already; this keeps any the ranges could not reach out as well.
    if (isInline(child) && marksOf(child).some((mark) => typeOf(mark) === SUGGESTION_INSERT)) continue;
    if (isObject(child)) tidy(child);
    const previous = children[children.length - 1];
    if (typeOf(child) === 'text' && isObject(child) && typeof own(child, 'text') === 'string') {
      if (own(child, 'text') === '') continue;
      if (
        typeOf(previous) === 'text' &&
        isObject(previous) &&
        typeof own(previous, 'text') === 'string' &&
        marksKey(previous) === marksKey(child)
      ) {
        previous.text = `${own(previous, 'text') as string}${own(child, 'text') as string}`;
        continue;
      }
    }
    children.push(child);
  }
  if (children.length !== content.length) setContent(node, children);
}

/**
 * The document as it may leave the device: pending suggestions rejected (suggested words removed,
 * words suggested for deletion kept), comment anchors removed. It gives what the editor's
 * `rejectAll` and removing every anchor give: a suggested insertion that spanned paragraphs joins
 * them again, and neighbouring text with the same formatting is one text node. A plain JSON
 * function, safe for any JSON; it never changes its argument. Throws on a document nested deeper
 * than a document may be, which nothing in Chorus can make.
 */
export function stripReviewMarks(doc: DocumentNode): DocumentNode {
  if (!isWithinDocumentDepth(doc)) throw new Error('The document is nested too deeply to share.');
  // A copy to work on: the depth is checked, and a document holds only JSON.
  const copy = JSON.parse(JSON.stringify(doc)) as unknown;
  if (!isObject(copy)) return doc;
  for (let range = firstInsertion(copy); range !== null; range = firstInsertion(copy)) deleteRange(range);
  tidy(copy);
  return copy;
}

/** Whether a stored document still has suggestions waiting for a decision. */
export function hasPendingSuggestions(doc: DocumentNode): boolean {
  return documentNodes(doc).some((node) =>
    marksOf(node).some((mark) => {
      const type = typeOf(mark);
      return type === SUGGESTION_INSERT || type === SUGGESTION_DELETE;
    }),
  );
}
