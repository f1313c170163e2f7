import { Extension, type CommandProps } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import { newId } from '@core/ids';
import { decideSuggestions, type SuggestionDecision } from './decide';
import { DIRECT_CHANGE_META, SUGGESTION_DELETE, SUGGESTION_INSERT, isReviewId } from './names';
import { findSuggestions } from './ranges';
import { DELETE_BACKWARD_META, findDeletionTarget, trackChanges } from './track-changes';
import { systemClock } from '@core/clock';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggesting: {
      /**
       * Turns suggesting mode on for `authorId` (a profile id) or off. While it is on, the author's
       * edits become suggestions. Refused (false) when turning it on without a safe author id.
       */
      setSuggesting: (on: boolean, authorId?: string) => ReturnType;
      /** Accepts every part of one suggestion; false when the document has none with that id. */
      acceptSuggestion: (suggestionId: string) => ReturnType;
      /** Rejects every part of one suggestion; false when the document has none with that id. */
      rejectSuggestion: (suggestionId: string) => ReturnType;
      /** Accepts every suggestion; false when there are none. */
      acceptAll: () => ReturnType;
      /** Rejects every suggestion; false when there are none. */
      rejectAll: () => ReturnType;
    };
  }
}

export interface SuggestingOptions {
  /** The clock for a suggestion's `createdAt`. */
  now: () => number;
  /** Makes the id of a new suggestion (letters, digits, `_` and `-`). */
  createSuggestionId: () => string;
}

export interface SuggestingState {
  suggesting: boolean;
  /** The profile whose edits become suggestions; null when suggesting is off. */
  authorId: string | null;
}

const off: SuggestingState = { suggesting: false, authorId: null };

export const suggestingKey = new PluginKey<SuggestingState>('chorusSuggesting');

/** Whether suggesting mode is on in this editor state, and for whom. */
export function getSuggestingState(state: EditorState): SuggestingState {
  return suggestingKey.getState(state) ?? off;
}

function decide(suggestionId: string | null, decision: SuggestionDecision) {
  return ({ state, tr, dispatch }: CommandProps): boolean => {
    if (suggestionId !== null && !isReviewId(suggestionId)) return false;
    const include = (id: string) => suggestionId === null || id === suggestionId;
    if (dispatch === undefined) return findSuggestions(state.doc).some((range) => include(range.suggestionId));
    // Deciding is never itself a suggestion, even while suggesting is on.
    tr.setMeta(DIRECT_CHANGE_META, true);
    return decideSuggestions(tr, state.doc, include, decision);
  };
}

/**
 * Suggesting mode, and the commands that accept and reject suggestions. Who may accept is the app's
 * rule (only the consultee): these are plain commands for the app to offer or withhold.
 *
 * While suggesting, every change to the words is tracked after the fact (`appendTransaction`), so
 * typing, pasting, dropping, cutting, autocorrect and input methods are all caught, however the
 * browser delivers them. Backspace and Delete are also handled here, to step over words already
 * struck through and to keep the cursor moving the right way.
 *
 * Known limits, each chosen so that no words are ever lost:
 * - Structure is not tracked: Enter splitting a paragraph, Backspace or Delete joining two, lists,
 *   headings, content warnings and formatting (bold, links) are direct changes.
 * - Pictures and rules can be neither suggested nor deleted: inserting one is undone, deleting one
 *   puts it back. A deleted table keeps its cells, with their words struck through.
 * - Markdown shortcuts ("## ", "- ", "**bold**") do not fire: the characters stay as suggested text.
 * - Undo and redo, other plugins' follow-up transactions, and transactions carrying
 *   {@link DIRECT_CHANGE_META} are left alone. So is a step that deletes words inserted by an
 *   earlier step of the same transaction (no command in Chorus does that).
 * - Input method composition is marked as each update lands; it is not tested with real IMEs.
 */
export const Suggesting = Extension.create<SuggestingOptions>({
  name: 'suggesting',
  // Before the keymaps, so Backspace and Delete reach this extension first while suggesting.
  priority: 1100,

  addOptions() {
    return { now: systemClock.now, createSuggestionId: newId };
  },

  addCommands() {
    return {
      setSuggesting:
        (on, authorId) =>
        ({ tr, dispatch }) => {
          if (on && !isReviewId(authorId)) return false;
          const next: SuggestingState = on && authorId !== undefined ? { suggesting: true, authorId } : off;
          if (dispatch) tr.setMeta(suggestingKey, next).setMeta('addToHistory', false);
          return true;
        },
      acceptSuggestion: (suggestionId) => decide(suggestionId, 'accept'),
      rejectSuggestion: (suggestionId) => decide(suggestionId, 'reject'),
      acceptAll: () => decide(null, 'accept'),
      rejectAll: () => decide(null, 'reject'),
    };
  },

  addProseMirrorPlugins() {
    const { now, createSuggestionId } = this.options;
    return [
      new Plugin<SuggestingState>({
        key: suggestingKey,
        state: {
          init: () => off,
          apply: (tr, value) => (tr.getMeta(suggestingKey) as SuggestingState | undefined) ?? value,
        },
        appendTransaction(transactions, oldState, newState) {
          const { suggesting, authorId } = getSuggestingState(newState);
          if (!suggesting || authorId === null || !transactions.some((tr) => tr.docChanged)) return null;
          return trackChanges(transactions, oldState, newState, { authorId, now, createSuggestionId });
        },
        props: {
          handleKeyDown(view, event) {
            if ((event.key !== 'Backspace' && event.key !== 'Delete') || event.isComposing) return false;
            // With Ctrl, Alt or Cmd the browser deletes a word or a line; that arrives as a DOM
            // change and is tracked like any other.
            if (event.ctrlKey || event.altKey || event.metaKey) return false;
            if (!getSuggestingState(view.state).suggesting || !view.editable) return false;
            const direction = event.key === 'Backspace' ? 'backward' : 'forward';
            const found = findDeletionTarget(view.state, direction);
            if (found === null) return false;
            const { state } = view;
            if (found.target === null) {
              // At the paragraph's edge joining paragraphs is a direct change, as Enter is.
              if (found.skipTo === state.selection.head) return false;
              view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, found.skipTo)).scrollIntoView());
              return true;
            }
            const tr = state.tr.setSelection(TextSelection.create(state.doc, found.skipTo));
            tr.delete(found.target.from, found.target.to);
            if (direction === 'backward') tr.setMeta(DELETE_BACKWARD_META, true);
            view.dispatch(tr.scrollIntoView());
            return true;
          },

          handleTextInput(view, from, to, _text, deflt) {
            // Outside suggesting mode, words typed inside a suggestion would inherit its mark, and
            // rejecting or accepting it would then take the typist's own words with it. They are
            // typed as plain words instead.
            const { state } = view;
            if (getSuggestingState(state).suggesting) return false;
            const $from = state.doc.resolve(from);
            const marks = state.storedMarks ?? (from === to ? $from.marks() : $from.marksAcross(state.doc.resolve(to)));
            const inherited = marks?.some((mark) => [SUGGESTION_INSERT, SUGGESTION_DELETE].includes(mark.type.name));
            if (inherited !== true) return false;
            const tr = deflt();
            const end = tr.mapping.map(to);
            for (const name of [SUGGESTION_INSERT, SUGGESTION_DELETE]) {
              const type = state.schema.marks[name];
              if (type !== undefined) tr.removeMark(from, end, type);
            }
            view.dispatch(tr);
            return true;
          },
        },
      }),
    ];
  },
});
