import type { Editor } from '@tiptap/core';
import { memo, useState } from 'react';
import { useProfiles, type ProfileRecord } from '../../db';
import { findSuggestions } from '../../editor/review';
import { sameJson, useRecomputed, type ValueStore } from '../../saving/value-store';
import type { SavedText } from './saved-text';
import { whenIdle } from '../../ui/lazy';

interface Suggestion {
  id: string;
  authorId: string;
  removed: string;
  added: string;
}

/** One entry per suggestion id: a replacement is a deletion and an insertion decided together. */
function groupSuggestions(editor: Editor): Suggestion[] {
  const groups = new Map<string, Suggestion>();
  for (const range of findSuggestions(editor.state.doc)) {
    const group = groups.get(range.suggestionId) ?? {
      id: range.suggestionId,
      authorId: range.authorId,
      removed: '',
      added: '',
    };
    if (range.kind === 'insert') group.added += range.text;
    else group.removed += range.text;
    groups.set(range.suggestionId, group);
  }
  return [...groups.values()];
}

/**
 * Suggested edits, in words a screen reader can follow. Only the consultee accepts or rejects:
 * the words are theirs. The list is read from the editor after each save, not on every keystroke.
 */
export const SuggestionsPanel = memo(function SuggestionsPanel({
  editor,
  profile,
  saved,
}: {
  editor: Editor;
  profile: ProfileRecord | null;
  saved: ValueStore<SavedText>;
}) {
  const profiles = useProfiles();
  const [decided, setDecided] = useState(0);
  // Read again after each save and each decision; a save that leaves the list as it was renders nothing.
  // A walk of the whole draft: after a save, it waits for an idle moment, not in the save's own task.
  const suggestions = useRecomputed(saved, () => groupSuggestions(editor), sameJson, [editor, decided], whenIdle);
  const canDecide = profile?.role === 'consultee';
  const nameOf = (id: string) => profiles?.find((each) => each.id === id)?.displayName ?? 'Someone';
  const decide = (id: string, accept: boolean) => {
    if (accept) editor.commands.acceptSuggestion(id);
    else editor.commands.rejectSuggestion(id);
    setDecided((count) => count + 1);
  };

  return (
    <section className="side-section" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Suggested edits</h2>
      {profile?.role === 'facilitator' && (
        <p className="field-hint">
          You are suggesting: what you type or delete is shown as a suggestion for the consultee to accept or reject.
        </p>
      )}
      {suggestions.length === 0 && <p className="field-hint">No suggested edits.</p>}
      {suggestions.length > 0 && (
        <ul className="finding-list" aria-label="Suggested edits">
          {suggestions.map((suggestion) => {
            const summary =
              suggestion.removed !== '' && suggestion.added !== ''
                ? `Replace “${suggestion.removed}” with “${suggestion.added}”`
                : suggestion.added !== ''
                  ? `Add “${suggestion.added}”`
                  : `Remove “${suggestion.removed}”`;
            return (
              <li key={suggestion.id} className="finding">
                <p>
                  {summary} <span className="history-meta">— {nameOf(suggestion.authorId)}</span>
                </p>
                {canDecide ? (
                  <div className="row-actions" role="group" aria-label={summary}>
                    <button type="button" className="button button-small" onClick={() => decide(suggestion.id, true)}>
                      Accept
                    </button>
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      onClick={() => decide(suggestion.id, false)}
                    >
                      Reject
                    </button>
                  </div>
                ) : (
                  <p className="field-hint">Waiting for the consultee to decide.</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
