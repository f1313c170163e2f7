import type { JSONContent } from '@tiptap/core';
import { Transform } from '@tiptap/pm/transform';
import { getChorusSchema } from '../extensions';
import { decideSuggestions, type SuggestionDecision } from './decide';
import { COMMENT_ANCHOR, SUGGESTION_DELETE, SUGGESTION_INSERT } from './names';

function* nodesOf(doc: JSONContent): Generator<JSONContent> {
  const stack = [doc];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    yield node;
    if (node.content !== undefined) stack.push(...node.content);
  }
}

/**
 * How pending suggestions are settled when stripping. Only 'accept-none' exists: nobody's suggestion
 * reaches a version that leaves the device unless the consultee accepted it in the editor.
 */
export type StripMode = 'accept-none';

const decisionFor: Record<StripMode, SuggestionDecision> = { 'accept-none': 'reject' };

/**
 * The document with every pending suggestion rejected and every comment anchor removed: the words
 * as they were before anyone suggested anything, and nothing of the review left in them. This is
 * what may leave the device (an approved version, an export, a preview of either). It is computed
 * through the Chorus schema exactly as the editor's `rejectAll` would, so a suggested insertion
 * that spanned paragraphs joins them again, and the JSON is what `editor.getJSON()` would give.
 * Throws when the document does not fit the schema (see `findDocumentError`).
 */
export function stripReviewMarks(doc: JSONContent, mode: StripMode = 'accept-none'): JSONContent {
  const schema = getChorusSchema();
  const node = schema.nodeFromJSON(doc);
  const tr = new Transform(node);
  decideSuggestions(tr, node, () => true, decisionFor[mode]);
  const anchor = schema.marks[COMMENT_ANCHOR];
  if (anchor !== undefined) tr.removeMark(0, tr.doc.content.size, anchor);
  return tr.doc.toJSON() as JSONContent;
}

/** Whether a stored document still has suggestions waiting for a decision. */
export function hasPendingSuggestions(doc: JSONContent): boolean {
  for (const node of nodesOf(doc)) {
    if (node.marks?.some((mark) => mark.type === SUGGESTION_INSERT || mark.type === SUGGESTION_DELETE)) return true;
  }
  return false;
}
