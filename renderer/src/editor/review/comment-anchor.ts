import { Mark, mergeAttributes } from '@tiptap/core';
import { COMMENT_ANCHOR, isReviewId } from './names';

/**
 * Where a comment thread is anchored: only the thread's id is in the document, never the comment
 * text, which the app keeps on the device beside it. Anchors of different threads may overlap
 * (`excludes: ''`); typing at the edge of an anchor does not extend it (`inclusive: false`), and
 * Enter does not carry it into the next paragraph (`keepOnSplit: false`).
 */
export const CommentAnchor = Mark.create({
  name: COMMENT_ANCHOR,
  inclusive: false,
  excludes: '',
  keepOnSplit: false,

  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-comment-thread'),
        renderHTML: (attributes) => ({ 'data-comment-thread': attributes.threadId as string }),
      },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'span[data-comment-thread]',
        // An anchor with an id outside the safe alphabet is dropped; its words stay.
        getAttrs: (element) => (isReviewId(element.getAttribute('data-comment-thread')) ? null : false),
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes(HTMLAttributes, { class: 'chorus-comment' }), 0];
  },
});
