import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { sharedEnds } from '@core/document/blocks';
import { COMMENT_ANCHOR, SUGGESTION_DELETE, SUGGESTION_INSERT, isReviewId } from './names';

interface MarkRange {
  key: string;
  mark: Mark;
  from: number;
  to: number;
}

/**
 * The ranges of inline content carrying the marks that `keyOf` recognises, merged per key. A range
 * continues over paragraph boundaries (a suggestion or comment may span paragraphs) but ends at any
 * inline content without the mark, at pictures and other block leaves, and at the edge of isolating
 * nodes such as table cells, so deleting a whole range never takes anything else with it.
 */
function collectMarkRanges(
  doc: ProseMirrorNode,
  markNames: readonly string[],
  keyOf: (mark: Mark) => string | null,
): MarkRange[] {
  const hasMarks = (node: ProseMirrorNode) => markNames.some((name) => markNamesIn(node).has(name));
  if (!hasMarks(doc)) return [];
  const open = new Map<string, MarkRange>();
  const closed: MarkRange[] = [];
  const closeAll = () => {
    closed.push(...open.values());
    open.clear();
  };

  const visit = (parent: ProseMirrorNode, contentStart: number) => {
    parent.forEach((child, offset) => {
      // A top-level block with none of the marks, while no range is open, adds and ends nothing.
      if (parent === doc && open.size === 0 && !hasMarks(child)) return;
      const pos = contentStart + offset;
      if (child.isInline) {
        const present = new Map<string, Mark>();
        for (const mark of child.marks) {
          const key = keyOf(mark);
          if (key !== null) present.set(key, mark);
        }
        for (const [key, range] of open) {
          if (present.has(key)) continue;
          closed.push(range);
          open.delete(key);
        }
        for (const [key, mark] of present) {
          const range = open.get(key);
          if (range === undefined) open.set(key, { key, mark, from: pos, to: pos + child.nodeSize });
          else range.to = pos + child.nodeSize;
        }
        return;
      }
      const isolating = child.isLeaf || child.type.spec.isolating === true;
      if (isolating) closeAll();
      if (!child.isLeaf) visit(child, pos + 1);
      if (isolating) closeAll();
    });
  };

  visit(doc, 0);
  closeAll();
  return closed.sort((a, b) => a.from - b.from || a.to - b.to || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The names of the marks anywhere in a node, kept per node: ProseMirror shares every untouched node
 * between versions of a document, so after an edit only the changed blocks are read again, and the
 * review panels, which look for their marks after every save, read what was typed, not the draft.
 */
const markNamesCache = new WeakMap<ProseMirrorNode, ReadonlySet<string>>();

function markNamesIn(node: ProseMirrorNode): ReadonlySet<string> {
  let names = markNamesCache.get(node);
  if (names === undefined) {
    if (node.type === node.type.schema.topNodeType) {
      names = documentMarkNames(node);
    } else {
      const found = new Set<string>();
      node.descendants((child) => {
        for (const mark of child.marks) found.add(mark.type.name);
      });
      names = found;
    }
    markNamesCache.set(node, names);
  }
  return names;
}

/**
 * The last document read, held weakly (a closed draft is not kept in memory for this), and for each
 * mark name how many of its blocks carry it.
 */
let lastDocument: { doc: WeakRef<ProseMirrorNode>; counts: ReadonlyMap<string, number> } | null = null;

/**
 * A document's mark names are its blocks' together. They are counted from the last document read,
 * which a new version of a draft shares all but its edited blocks with (the same objects, at its
 * start and end): only the blocks between are read. A save in a 2,000-block draft compares blocks
 * by identity and reads one, where a union of 2,000 sets took half a millisecond in the first save,
 * before the browser had made that loop fast.
 */
function documentMarkNames(doc: ProseMirrorNode): ReadonlySet<string> {
  const last = lastDocument?.doc.deref();
  const before = last?.content.content ?? [];
  const blocks = doc.content.content;
  const { start, end } = sharedEnds(before, blocks);
  const counts = new Map(last === undefined ? [] : lastDocument?.counts);
  const count = (block: ProseMirrorNode, by: number) => {
    for (const name of markNamesIn(block)) {
      const total = (counts.get(name) ?? 0) + by;
      if (total === 0) counts.delete(name);
      else counts.set(name, total);
    }
  };
  for (let index = start; index < before.length - end; index += 1) count(before[index] as ProseMirrorNode, -1);
  for (let index = start; index < blocks.length - end; index += 1) count(blocks[index] as ProseMirrorNode, 1);
  lastDocument = { doc: new WeakRef(doc), counts };
  return new Set(counts.keys());
}

function rangeText(doc: ProseMirrorNode, from: number, to: number): string {
  return doc.textBetween(from, to, '\n', ' ');
}

/** A stretch of text anchored to a comment thread. */
export interface CommentAnchorRange {
  threadId: string;
  from: number;
  to: number;
  /** The anchored words, with paragraph breaks as line breaks. */
  text: string;
}

/**
 * Every anchored stretch of text, in document order. A thread whose anchor was split (by a table
 * cell, a picture, or by deleting words in the middle) has several entries. A thread with none left
 * is orphaned: its words were deleted. For a stored document, pass
 * `getChorusSchema().nodeFromJSON(json)`.
 */
export function findCommentAnchors(doc: ProseMirrorNode): CommentAnchorRange[] {
  return collectMarkRanges(doc, [COMMENT_ANCHOR], (mark) => {
    if (mark.type.name !== COMMENT_ANCHOR) return null;
    const threadId: unknown = mark.attrs.threadId;
    return isReviewId(threadId) ? threadId : null;
  }).map(({ key, from, to }) => ({ threadId: key, from, to, text: rangeText(doc, from, to) }));
}

export type SuggestionKind = 'insert' | 'delete';

/** A stretch of suggested text. */
export interface SuggestionRange {
  suggestionId: string;
  kind: SuggestionKind;
  authorId: string;
  createdAt: number;
  from: number;
  to: number;
  text: string;
}

function kindOf(mark: Mark): SuggestionKind | null {
  if (mark.type.name === SUGGESTION_INSERT) return 'insert';
  if (mark.type.name === SUGGESTION_DELETE) return 'delete';
  return null;
}

/**
 * Every stretch of suggested text, in document order, merged per suggestion and kind. Replacing
 * words gives one suggestion with two entries (a deletion and an insertion with the same id), which
 * are accepted or rejected together; group by `suggestionId` to list suggestions.
 */
export function findSuggestions(doc: ProseMirrorNode): SuggestionRange[] {
  return collectMarkRanges(doc, [SUGGESTION_INSERT, SUGGESTION_DELETE], (mark) => {
    const kind = kindOf(mark);
    const suggestionId: unknown = mark.attrs.suggestionId;
    return kind === null || !isReviewId(suggestionId) ? null : `${kind}:${suggestionId}`;
  }).map(({ key, mark, from, to }) => {
    const authorId: unknown = mark.attrs.authorId;
    const createdAt: unknown = mark.attrs.createdAt;
    return {
      suggestionId: mark.attrs.suggestionId as string,
      kind: key.startsWith('insert:') ? 'insert' : 'delete',
      authorId: typeof authorId === 'string' ? authorId : '',
      createdAt: typeof createdAt === 'number' ? createdAt : 0,
      from,
      to,
      text: rangeText(doc, from, to),
    };
  });
}
