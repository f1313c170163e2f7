import { isHistoryTransaction } from '@tiptap/pm/history';
import { Mark, type MarkType, type Node as ProseMirrorNode, type Slice } from '@tiptap/pm/model';
import { TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { Mapping, ReplaceStep, type StepMap } from '@tiptap/pm/transform';
import { DIRECT_CHANGE_META, REVIEW_MARKS, SUGGESTION_DELETE, SUGGESTION_INSERT } from './names';
import type { SuggestionAttributes } from './suggestion-marks';

/** Who is suggesting, and how new suggestions get their id and time. */
export interface TrackContext {
  authorId: string;
  now: () => number;
  createSuggestionId: () => string;
}

/**
 * Transaction meta set by the Backspace handler: the cursor belongs before the words it just
 * marked as deleted, so the next Backspace reaches the word before them.
 */
export const DELETE_BACKWARD_META = 'chorusSuggestDeleteBackward';

/** One position of inline content (a character or an inline node), or a block leaf such as a picture. */
interface Token {
  pos: number;
  end: number;
  node: ProseMirrorNode;
  char: string | null;
}

function inlineTokens(doc: ProseMirrorNode, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  if (from >= to) return tokens;
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.isText) {
      const text = node.text ?? '';
      const stop = Math.min(to, pos + text.length);
      for (let at = Math.max(from, pos); at < stop; at += 1) {
        tokens.push({ pos: at, end: at + 1, node, char: text.charAt(at - pos) });
      }
      return false;
    }
    if (node.isLeaf) {
      tokens.push({ pos, end: pos + node.nodeSize, node, char: null });
      return false;
    }
    return true;
  });
  return tokens;
}

function withoutReviewMarks(marks: readonly Mark[]): readonly Mark[] {
  return marks.filter((mark) => !REVIEW_MARKS.includes(mark.type.name));
}

/** Same words and formatting; review marks do not count, so re-inserting the same text is no change. */
function sameToken(a: Token, b: Token): boolean {
  if (a.char !== b.char) return false;
  if (a.char === null && !a.node.hasMarkup(b.node.type, b.node.attrs, a.node.marks)) return false;
  return Mark.sameSet(withoutReviewMarks(a.node.marks), withoutReviewMarks(b.node.marks));
}

const wordCharacter = /[\p{L}\p{N}_'’]/u;

function isWord(token: Token | undefined): boolean {
  return token?.char != null && wordCharacter.test(token.char);
}

function suggestionOf(node: ProseMirrorNode | null | undefined, type: MarkType): Mark | undefined {
  return node?.marks.find((mark) => mark.type === type);
}

function isOwnInsertion(node: ProseMirrorNode, insertType: MarkType, authorId: string): boolean {
  return suggestionOf(node, insertType)?.attrs.authorId === authorId;
}

/** The number of word characters just before (or after) a position, within its textblock. */
function wordCharactersAround(doc: ProseMirrorNode, pos: number, side: 'before' | 'after'): number {
  const $pos = doc.resolve(pos);
  if (!$pos.parent.isTextblock) return 0;
  const text =
    side === 'before'
      ? $pos.parent.textBetween(0, $pos.parentOffset, undefined, '\ufffc')
      : $pos.parent.textBetween($pos.parentOffset, $pos.parent.content.size, undefined, '\ufffc');
  const match = side === 'before' ? /[\p{L}\p{N}_'’]+$/u.exec(text) : /^[\p{L}\p{N}_'’]+/u.exec(text);
  return match?.[0].length ?? 0;
}

function sameTextblock(doc: ProseMirrorNode, from: number, to: number): boolean {
  const $from = doc.resolve(from);
  return $from.parent.isTextblock && $from.sameParent(doc.resolve(to));
}

/** What one replace step did, in words: what it inserted, and what it deleted that must come back. */
interface StepChange {
  /** The inserted words, in the document after the step; empty when nothing was inserted. */
  insertFrom: number;
  insertTo: number;
  /** The deleted content, from the document before the step, or null when nothing was deleted. */
  deleted: Slice | null;
  /** Whether every deleted word was the author's own suggested insertion: those really go. */
  deletedOwnOnly: boolean;
  /** Where the deleted content goes back, in the document after the step: before the insertion. */
  at: number;
  /** The deleted range in the document before the step, for placing the cursor after Backspace. */
  stepTo: number;
}

/**
 * Reduces a replace step to the words it changed. Paragraph splits and joins, and steps that put the
 * same words back in a new structure (unwrapping a content warning), change no words and return
 * null: they stay direct changes. A common start or end is left alone, in whole words, and a
 * replacement inside a word grows to the whole word, so "teh" corrected to "the" reads as one word
 * replaced rather than letters swapped.
 */
function describeStep(
  step: ReplaceStep,
  before: ProseMirrorNode,
  after: ProseMirrorNode,
  insertType: MarkType,
  authorId: string,
): StepChange | null {
  const deletedTokens = inlineTokens(before, step.from, step.to);
  const insertedTokens = inlineTokens(after, step.from, step.from + step.slice.size);
  if (deletedTokens.length === 0 && insertedTokens.length === 0) return null;

  const shorter = Math.min(deletedTokens.length, insertedTokens.length);
  let prefix = 0;
  while (prefix < shorter && sameToken(deletedTokens[prefix] as Token, insertedTokens[prefix] as Token)) prefix += 1;
  if (prefix === deletedTokens.length && prefix === insertedTokens.length) return null;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    sameToken(
      deletedTokens[deletedTokens.length - 1 - suffix] as Token,
      insertedTokens[insertedTokens.length - 1 - suffix] as Token,
    )
  ) {
    suffix += 1;
  }
  const middle = (tokens: Token[], index: number) => (index >= prefix ? tokens[index] : undefined);
  while (
    prefix > 0 &&
    isWord(deletedTokens[prefix - 1]) &&
    (isWord(deletedTokens[prefix]) || isWord(insertedTokens[prefix]))
  ) {
    prefix -= 1;
  }
  while (
    suffix > 0 &&
    isWord(deletedTokens[deletedTokens.length - suffix]) &&
    (isWord(middle(deletedTokens, deletedTokens.length - suffix - 1)) ||
      isWord(middle(insertedTokens, insertedTokens.length - suffix - 1)))
  ) {
    suffix -= 1;
  }

  const deletedMiddle = deletedTokens.slice(prefix, deletedTokens.length - suffix);
  const insertedMiddle = insertedTokens.slice(prefix, insertedTokens.length - suffix);
  const whole = prefix === 0 && suffix === 0;
  const firstInserted = insertedMiddle[0];
  const lastInserted = insertedMiddle.at(-1);
  let insertFrom = firstInserted?.pos ?? 0;
  let insertTo = lastInserted?.end ?? 0;
  let deleteFrom = whole ? step.from : (deletedMiddle[0]?.pos ?? 0);
  let deleteTo = whole ? step.to : (deletedMiddle.at(-1)?.end ?? 0);
  let at: number;
  if (whole) at = step.from;
  else if (firstInserted !== undefined) at = firstInserted.pos;
  else if (prefix > 0) at = insertedTokens[prefix - 1]?.end ?? step.from;
  else at = insertedTokens[insertedTokens.length - suffix]?.pos ?? step.from;

  if (
    deletedMiddle.length > 0 &&
    insertedMiddle.length > 0 &&
    sameTextblock(before, deleteFrom, deleteTo) &&
    sameTextblock(after, insertFrom, insertTo)
  ) {
    const left = Math.min(
      wordCharactersAround(before, deleteFrom, 'before'),
      wordCharactersAround(after, insertFrom, 'before'),
    );
    const right = Math.min(
      wordCharactersAround(before, deleteTo, 'after'),
      wordCharactersAround(after, insertTo, 'after'),
    );
    deleteFrom -= left;
    insertFrom -= left;
    deleteTo += right;
    insertTo += right;
    at = insertFrom;
  }

  const deleted = deletedMiddle.length > 0 ? before.slice(deleteFrom, deleteTo) : null;
  const deletedOwnOnly = inlineTokens(before, deleteFrom, deleteTo).every(
    (token) => token.node.isInline && isOwnInsertion(token.node, insertType, authorId),
  );
  return {
    insertFrom,
    insertTo: insertedMiddle.length > 0 ? insertTo : insertFrom,
    deleted,
    deletedOwnOnly,
    at,
    stepTo: step.to,
  };
}

/** The attributes of the author's suggestion right next to a range, so continued typing joins it. */
function adjacentSuggestion(
  doc: ProseMirrorNode,
  from: number,
  to: number,
  type: MarkType,
  authorId: string,
): SuggestionAttributes | null {
  for (const node of [doc.resolve(from).nodeBefore, doc.resolve(to).nodeAfter]) {
    const mark = suggestionOf(node, type);
    if (mark !== undefined && mark.attrs.authorId === authorId) return mark.attrs as SuggestionAttributes;
  }
  return null;
}

/** Marks inserted words as the author's suggestion; pictures and other block leaves cannot be suggested and are taken out again. */
function markInserted(
  tr: Transaction,
  from: number,
  to: number,
  attrs: SuggestionAttributes,
  insertType: MarkType,
  deleteType: MarkType,
): void {
  const inline: ProseMirrorNode[] = [];
  const leaves: Array<{ from: number; to: number }> = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (node.isInline) inline.push(node);
    else if (node.isLeaf) leaves.push({ from: pos, to: pos + node.nodeSize });
    return !node.isInline;
  });
  const alreadyMarked = inline.every(
    (node) =>
      suggestionOf(node, insertType)?.attrs.authorId === attrs.authorId && suggestionOf(node, deleteType) === undefined,
  );
  // Typing inside one's own suggestion inherits its mark: leave the document alone then, which also
  // keeps an input method's composition undisturbed.
  if (!alreadyMarked) {
    tr.removeMark(from, to, deleteType);
    tr.addMark(from, to, insertType.create(attrs));
  }
  for (const leaf of leaves.reverse()) tr.delete(leaf.from, leaf.to);
}

/**
 * Puts deleted content back at `at`, struck through as the author's suggestion. Words that were the
 * author's own suggested insertion are removed for real; words already suggested for deletion keep
 * their suggestion. Returns where the content went back, or null if it could not.
 */
function restoreDeleted(
  tr: Transaction,
  at: number,
  deleted: Slice,
  attrs: SuggestionAttributes,
  insertType: MarkType,
  deleteType: MarkType,
): { from: number; stepIndex: number } | null {
  const stepIndex = tr.steps.length;
  tr.replace(at, at, deleted);
  if (tr.steps.length === stepIndex) return null;
  let from = at;
  let to = at;
  tr.mapping.maps[stepIndex]?.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
    from = newStart;
    to = newEnd;
  });
  const toMark: Array<{ from: number; to: number }> = [];
  const toRemove: Array<{ from: number; to: number }> = [];
  tr.doc.nodesBetween(from, to, (node, pos) => {
    if (!node.isInline) return true;
    const range = { from: Math.max(from, pos), to: Math.min(to, pos + node.nodeSize) };
    if (isOwnInsertion(node, insertType, attrs.authorId)) toRemove.push(range);
    else if (suggestionOf(node, deleteType) === undefined) toMark.push(range);
    return false;
  });
  const mark = deleteType.create(attrs);
  for (const range of toMark) tr.addMark(range.from, range.to, mark);
  for (const range of toRemove.reverse()) tr.delete(range.from, range.to);
  return { from, stepIndex };
}

function shouldTrack(tr: Transaction): boolean {
  return (
    tr.docChanged &&
    tr.getMeta(DIRECT_CHANGE_META) !== true &&
    // Undo and redo put back exactly what was there; other plugins' follow-up changes (a trailing
    // paragraph, say) are not the author's words.
    !isHistoryTransaction(tr) &&
    tr.getMeta('appendedTransaction') === undefined
  );
}

/**
 * Turns the word changes of `transactions` (which led from `oldState` to `newState`) into
 * suggestions by `context.authorId`, as one transaction to append, or null when there is nothing to
 * do: inserted words get a `suggestionInsert` mark, and deleted words come back with a
 * `suggestionDelete` mark, except the author's own suggested insertions, which really go.
 */
export function trackChanges(
  transactions: readonly Transaction[],
  oldState: EditorState,
  newState: EditorState,
  context: TrackContext,
): Transaction | null {
  const { schema } = newState;
  const insertType = schema.marks[SUGGESTION_INSERT];
  const deleteType = schema.marks[SUGGESTION_DELETE];
  if (insertType === undefined || deleteType === undefined) return null;

  const maps: StepMap[] = [];
  const changes: Array<{ mapIndex: number; change: StepChange; backward: boolean }> = [];
  transactions.forEach((tr, trIndex) => {
    const tracked = shouldTrack(tr);
    tr.steps.forEach((step, stepIndex) => {
      const map = tr.mapping.maps[stepIndex];
      if (tracked && step instanceof ReplaceStep) {
        const before = tr.docs[stepIndex] as ProseMirrorNode;
        const after = tr.docs[stepIndex + 1] ?? tr.doc;
        const change = describeStep(step, before, after, insertType, context.authorId);
        if (change !== null) {
          // Backspace deletes the character before the cursor, however it arrives: from our key
          // handler, or from the browser as a DOM change after the cursor was at the deletion's end.
          const onlyStep = trIndex === 0 && tr.steps.length === 1;
          const backward =
            tr.getMeta(DELETE_BACKWARD_META) === true ||
            (onlyStep && oldState.selection.empty && oldState.selection.head === change.stepTo);
          changes.push({ mapIndex: maps.length, change, backward: backward && change.insertFrom === change.insertTo });
        }
      }
      if (map !== undefined) maps.push(map);
    });
  });
  if (changes.length === 0) return null;

  const out = newState.tr;
  let cursor: { from: number; stepIndex: number } | null = null;
  for (const { mapIndex, change, backward } of changes) {
    const later = new Mapping(maps.slice(mapIndex + 1));
    const toOut = (pos: number, assoc: number) => out.mapping.map(later.map(pos, assoc), assoc);
    const insertFrom = toOut(change.insertFrom, 1);
    const insertTo = toOut(change.insertTo, -1);
    const inserts = insertFrom < insertTo;
    const restore = change.deleted !== null && !change.deletedOwnOnly ? change.deleted : null;
    if (!inserts && restore === null) continue;

    // One id for the whole step, so a replacement is accepted or rejected as one suggestion.
    const adjacent = inserts
      ? adjacentSuggestion(out.doc, insertFrom, insertTo, insertType, context.authorId)
      : adjacentSuggestion(out.doc, toOut(change.at, -1), toOut(change.at, -1), deleteType, context.authorId);
    const attrs: SuggestionAttributes = adjacent ?? {
      suggestionId: context.createSuggestionId(),
      authorId: context.authorId,
      createdAt: context.now(),
    };
    if (inserts) markInserted(out, insertFrom, insertTo, attrs, insertType, deleteType);
    if (restore !== null) {
      // Mapped with assoc -1, the deleted words go back before the words that replaced them.
      const restored = restoreDeleted(out, toOut(change.at, -1), restore, attrs, insertType, deleteType);
      if (backward && restored !== null) cursor = restored;
    }
  }
  if (!out.docChanged) return null;
  if (cursor !== null) {
    const pos = out.mapping.slice(cursor.stepIndex + 1).map(cursor.from, -1);
    out.setSelection(TextSelection.create(out.doc, pos));
  }
  return out.setMeta(DIRECT_CHANGE_META, true);
}

/**
 * What Backspace (`backward`) or Delete (`forward`) should suggest deleting from an empty text
 * selection: the next character (a whole grapheme, so an emoji goes at once) that is not already
 * suggested for deletion, within the same paragraph. `skipTo` is where the cursor ends up after
 * skipping words already struck through; `target` is null when only such words (or nothing) lie
 * between the cursor and the paragraph's edge.
 */
export function findDeletionTarget(
  state: EditorState,
  direction: 'backward' | 'forward',
): { skipTo: number; target: { from: number; to: number } | null } | null {
  const { selection } = state;
  if (!(selection instanceof TextSelection) || selection.$cursor === null) return null;
  const deleteType = state.schema.marks[SUGGESTION_DELETE];
  if (deleteType === undefined) return null;
  const $cursor = selection.$cursor;
  const edge = direction === 'backward' ? $cursor.start() : $cursor.end();
  let pos = $cursor.pos;
  while (pos !== edge) {
    const $pos = state.doc.resolve(pos);
    const node = direction === 'backward' ? $pos.nodeBefore : $pos.nodeAfter;
    if (node === null) break;
    if (suggestionOf(node, deleteType) !== undefined) {
      pos += direction === 'backward' ? -node.nodeSize : node.nodeSize;
      continue;
    }
    const size = node.isText ? graphemeLength(node.text ?? '', direction) : node.nodeSize;
    const target = direction === 'backward' ? { from: pos - size, to: pos } : { from: pos, to: pos + size };
    return { skipTo: pos, target };
  }
  return { skipTo: pos, target: null };
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The length of the last (backward) or first (forward) grapheme of a text, in UTF-16 code units. */
function graphemeLength(text: string, direction: 'backward' | 'forward'): number {
  // A grapheme is at most a few code units; looking at the nearest 32 keeps this cheap in long paragraphs.
  if (direction === 'forward') {
    const first = graphemes.segment(text.slice(0, 32))[Symbol.iterator]().next();
    return first.done === true ? 1 : first.value.segment.length;
  }
  let last = '';
  for (const { segment } of graphemes.segment(text.slice(-32))) last = segment;
  return Math.max(1, last.length);
}
