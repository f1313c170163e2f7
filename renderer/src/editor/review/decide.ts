import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { Transform } from '@tiptap/pm/transform';
import { SUGGESTION_DELETE, SUGGESTION_INSERT } from './names';
import { findSuggestions } from './ranges';

export type SuggestionDecision = 'accept' | 'reject';

/**
 * Accepts or rejects the suggestions whose id passes `include`, in `tr`, whose current document is `doc`.
 * Accepting an insertion and rejecting a deletion remove the mark and keep the words; rejecting an
 * insertion and accepting a deletion remove the words. A stretch that spans paragraphs is removed
 * as one range, so the paragraphs join again as they would have without the suggestion. Returns
 * whether any suggestion matched.
 */
export function decideSuggestions(
  tr: Transform,
  doc: ProseMirrorNode,
  include: (suggestionId: string) => boolean,
  decision: SuggestionDecision,
): boolean {
  const ranges = findSuggestions(doc).filter((range) => include(range.suggestionId));
  const { marks } = doc.type.schema;
  // `doc` is the document after the steps `tr` already has (a command chain may have added some).
  const start = tr.steps.length;
  for (const range of ranges) {
    // Earlier removals shift later ranges; a range whose words are already gone collapses.
    const mapping = tr.mapping.slice(start);
    const from = mapping.map(range.from, 1);
    const to = mapping.map(range.to, -1);
    if (from >= to) continue;
    const removeWords = (range.kind === 'insert') === (decision === 'reject');
    if (removeWords) {
      tr.delete(from, to);
    } else {
      const type = range.kind === 'insert' ? marks[SUGGESTION_INSERT] : marks[SUGGESTION_DELETE];
      // Every inline node in the range carries this suggestion, and a node holds at most one mark of
      // each suggestion type, so removing by type touches nothing else.
      if (type !== undefined) tr.removeMark(from, to, type);
    }
  }
  return ranges.length > 0;
}
