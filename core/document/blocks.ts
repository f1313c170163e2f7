import type { SerializedDocument } from './text';

/** One top-level node of a document, serialised: its JSON, the text blocks it holds and their words. */
export interface SerializedBlock {
  json: string;
  /** Its part of `documentBlocks`, in order. */
  texts: readonly string[];
  words: number;
}

/**
 * A document as its serialised top-level nodes. Versions of one draft share the block objects of
 * every node that did not change, so two versions can be compared by identity, block by block.
 */
export interface BlockDocument {
  /** The document node's own JSON up to its content, without the closing brace: `{"type":"doc"`. */
  head: string;
  blocks: readonly SerializedBlock[];
  wordCount: number;
  /** The change from `since` to `blocks`, when whoever made this document already knows it. */
  change?: BlockChange & { since: readonly SerializedBlock[] };
}

/** The stored form of a block document: the JSON ProseMirror's `toJSON` gives, its text and words. */
export function assembleDocument(document: BlockDocument): SerializedDocument {
  const { head, blocks } = document;
  const json = blocks.length === 0 ? `${head}}` : `${head},"content":[${blocks.map((block) => block.json).join(',')}]}`;
  return { json, text: assembleText(blocks), wordCount: document.wordCount };
}

/** `documentText` of a block document. */
export function assembleText(blocks: readonly SerializedBlock[]): string {
  return blocks.flatMap((block) => block.texts).join('\n\n');
}

/**
 * What turns one list of blocks into another: at `from`, `removed` blocks make way for `added`.
 * Sent instead of the whole document, it costs what was typed, not the length of the draft.
 */
export interface BlockChange {
  from: number;
  removed: number;
  added: SerializedBlock[];
}

/**
 * The change from `before` to `document`'s blocks: the one the document carries if it was made from
 * `before`, or else found by keeping the blocks the two share by identity at the start and at the
 * end (an edit in one paragraph replaces that paragraph's block only).
 */
export function changeSince(before: readonly SerializedBlock[], document: BlockDocument): BlockChange {
  const known = document.change;
  // Only the change itself: `since` is the whole of the older blocks.
  if (known !== undefined && known.since === before)
    return { from: known.from, removed: known.removed, added: known.added };
  return blockChange(before, document.blocks);
}

export function blockChange(before: readonly SerializedBlock[], after: readonly SerializedBlock[]): BlockChange {
  const { start, end } = sharedEnds(before, after);
  return { from: start, removed: before.length - start - end, added: after.slice(start, after.length - end) };
}

/**
 * How many entries two lists share, the same objects, at their start and then at their end (never
 * counting one entry twice): what is between is what changed.
 */
export function sharedEnds<T>(before: readonly T[], after: readonly T[]): { start: number; end: number } {
  const shortest = Math.min(before.length, after.length);
  let start = 0;
  while (start < shortest && before[start] === after[start]) start += 1;
  let end = 0;
  while (end < shortest - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1;
  return { start, end };
}

/** `blocks` with `change` made, or null if the change does not fit them. */
export function applyBlockChange(blocks: readonly SerializedBlock[], change: BlockChange): SerializedBlock[] | null {
  if (change.from + change.removed > blocks.length) return null;
  return [...blocks.slice(0, change.from), ...change.added, ...blocks.slice(change.from + change.removed)];
}
