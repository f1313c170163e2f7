import { Mark, mergeAttributes, type Attributes } from '@tiptap/core';
import { SUGGESTION_DELETE, SUGGESTION_INSERT, isReviewId } from './names';

/** The attributes of both suggestion marks. */
export interface SuggestionAttributes {
  /** Shared by every piece of one suggestion: accepting or rejecting acts on all of them. */
  suggestionId: string;
  /** The profile id of the person who suggested it. */
  authorId: string;
  /** When it was suggested, in milliseconds since 1970. */
  createdAt: number;
}

function suggestionAttributes(): Attributes {
  return {
    suggestionId: {
      default: null,
      parseHTML: (element) => element.getAttribute('data-suggestion-id'),
      renderHTML: (attributes) => ({ 'data-suggestion-id': attributes.suggestionId as string }),
    },
    authorId: {
      default: null,
      parseHTML: (element) => element.getAttribute('data-author-id'),
      renderHTML: (attributes) => ({ 'data-author-id': attributes.authorId as string }),
    },
    createdAt: {
      default: 0,
      parseHTML: (element) => {
        const value = Number(element.getAttribute('data-created-at'));
        return Number.isFinite(value) && value >= 0 ? value : 0;
      },
      renderHTML: (attributes) => ({ 'data-created-at': String(attributes.createdAt as number) }),
    },
  };
}

/** Only elements with safe ids become suggestions; any other `ins` or `del` is ignored. */
function hasSafeIds(element: HTMLElement): boolean {
  return isReviewId(element.getAttribute('data-suggestion-id')) && isReviewId(element.getAttribute('data-author-id'));
}

/**
 * Text suggested for insertion. It is shown underlined, and is part of the document only once the
 * suggestion is accepted. `inclusive: false` and `keepOnSplit: false` keep direct typing next to it
 * out of it; suggesting mode marks what it inserts itself.
 */
export const SuggestionInsert = Mark.create({
  name: SUGGESTION_INSERT,
  inclusive: false,
  keepOnSplit: false,

  addAttributes: suggestionAttributes,

  parseHTML() {
    return [{ tag: 'ins[data-suggestion-id]', getAttrs: (element) => (hasSafeIds(element) ? null : false) }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['ins', mergeAttributes(HTMLAttributes, { class: 'chorus-suggestion chorus-suggestion--insert' }), 0];
  },
});

/**
 * Text suggested for deletion. It stays in the document, struck through, until the suggestion is
 * accepted; rejecting it simply removes the mark.
 */
export const SuggestionDelete = Mark.create({
  name: SUGGESTION_DELETE,
  inclusive: false,
  keepOnSplit: false,

  addAttributes: suggestionAttributes,

  parseHTML() {
    return [{ tag: 'del[data-suggestion-id]', getAttrs: (element) => (hasSafeIds(element) ? null : false) }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['del', mergeAttributes(HTMLAttributes, { class: 'chorus-suggestion chorus-suggestion--delete' }), 0];
  },
});
