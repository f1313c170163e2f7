import { Extension } from '@tiptap/core';
import type { MarkType, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep, ReplaceStep } from '@tiptap/pm/transform';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { COMMENT_ANCHOR, isReviewId } from './names';
import { findCommentAnchors } from './ranges';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    commentThreads: {
      /**
       * Anchors a comment thread to the selected text. Refused (false) for an empty selection, an
       * id outside the safe alphabet, or a selection without any text (a picture alone).
       */
      addCommentAnchor: (threadId: string) => ReturnType;
      /** Removes the thread's anchor everywhere in the document; false when it has none. */
      removeCommentAnchor: (threadId: string) => ReturnType;
      /** Highlights one thread's anchored text (the thread open beside the text), or none. */
      setActiveThread: (threadId: string | null) => ReturnType;
      /**
       * Highlights the thread's words, selects them and scrolls them into view; false (and nothing
       * done) when the words are no longer in the document.
       */
      showThread: (threadId: string) => ReturnType;
    };
  }
}

interface ActiveThreadState {
  threadId: string | null;
  decorations: DecorationSet;
}

export const activeThreadKey = new PluginKey<ActiveThreadState>('chorusActiveThread');

/** The thread highlighted with {@link CommentThreads}' `setActiveThread`, or null. */
export function getActiveThread(state: EditorState): string | null {
  return activeThreadKey.getState(state)?.threadId ?? null;
}

function highlight(threadId: string | null, doc: ProseMirrorNode): ActiveThreadState {
  if (threadId === null) return { threadId, decorations: DecorationSet.empty };
  const decorations = findCommentAnchors(doc)
    .filter((anchor) => anchor.threadId === threadId)
    .map((anchor) => Decoration.inline(anchor.from, anchor.to, { class: 'chorus-comment--active' }));
  return { threadId, decorations: DecorationSet.create(doc, decorations) };
}

/** Whether any inline content between `from` and `to` can carry marks of this type. */
function allowsMarkSomewhere(doc: ProseMirrorNode, from: number, to: number, type: MarkType): boolean {
  const found: ProseMirrorNode[] = [];
  doc.nodesBetween(from, to, (node, _pos, parent) => {
    if (found.length > 0) return false;
    if (node.isInline && parent?.type.allowsMarkType(type) === true) found.push(node);
    return true;
  });
  return found.length > 0;
}

/**
 * Whether a change may have added or removed anchors, so the highlight must be found again rather
 * than mapped. Typing is a replace step without anchors in its slice, so it only maps.
 */
function mayMoveAnchors(tr: Transaction): boolean {
  return tr.steps.some((step) => {
    if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return step.mark.type.name === COMMENT_ANCHOR;
    if (!(step instanceof ReplaceStep)) return true;
    let found = false;
    step.slice.content.descendants((node) => {
      found ||= node.marks.some((mark) => mark.type.name === COMMENT_ANCHOR);
      return !found;
    });
    return found;
  });
}

/**
 * Commands for comment anchors and the highlight of the active thread. The comments themselves are
 * the app's: the document holds only the anchors' thread ids.
 */
export const CommentThreads = Extension.create({
  name: 'commentThreads',

  addCommands() {
    return {
      addCommentAnchor:
        (threadId) =>
        ({ state, tr, dispatch }) => {
          const type = state.schema.marks[COMMENT_ANCHOR];
          if (type === undefined || !isReviewId(threadId) || state.selection.empty) return false;
          const ranges = state.selection.ranges.map((range) => ({ from: range.$from.pos, to: range.$to.pos }));
          const markable = ranges.some(({ from, to }) => allowsMarkSomewhere(state.doc, from, to, type));
          if (!markable) return false;
          if (dispatch) {
            const mark = type.create({ threadId });
            for (const { from, to } of ranges) tr.addMark(from, to, mark);
          }
          return true;
        },

      removeCommentAnchor:
        (threadId) =>
        ({ state, tr, dispatch }) => {
          const type = state.schema.marks[COMMENT_ANCHOR];
          if (type === undefined || !isReviewId(threadId)) return false;
          const mark = type.create({ threadId });
          if (!state.doc.rangeHasMark(0, state.doc.content.size, mark)) return false;
          // A mark instance (not the type) removes only this thread's anchor, leaving overlapping ones.
          if (dispatch) tr.removeMark(0, state.doc.content.size, mark);
          return true;
        },

      setActiveThread:
        (threadId) =>
        ({ tr, dispatch }) => {
          if (threadId !== null && !isReviewId(threadId)) return false;
          if (dispatch) tr.setMeta(activeThreadKey, { threadId }).setMeta('addToHistory', false);
          return true;
        },

      showThread:
        (threadId) =>
        ({ state, tr, dispatch }) => {
          if (!isReviewId(threadId)) return false;
          const anchor = findCommentAnchors(state.doc).find((each) => each.threadId === threadId);
          if (anchor === undefined) return false;
          if (dispatch) {
            tr.setSelection(TextSelection.create(tr.doc, anchor.from, anchor.to))
              .setMeta(activeThreadKey, { threadId })
              .setMeta('addToHistory', false)
              .scrollIntoView();
          }
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<ActiveThreadState>({
        key: activeThreadKey,
        state: {
          init: () => ({ threadId: null, decorations: DecorationSet.empty }),
          apply(tr, value, _oldState, newState) {
            const meta = tr.getMeta(activeThreadKey) as { threadId: string | null } | undefined;
            if (meta !== undefined) return highlight(meta.threadId, newState.doc);
            // Typing runs this on every keystroke: without an active thread it must cost nothing.
            if (value.threadId === null || !tr.docChanged) return value;
            if (mayMoveAnchors(tr)) return highlight(value.threadId, newState.doc);
            return { threadId: value.threadId, decorations: value.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations: (state) => activeThreadKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});
