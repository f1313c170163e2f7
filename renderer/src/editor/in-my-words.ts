import { Node, mergeAttributes } from '@tiptap/core';
import { isInside, unwrapAncestor, wrapOrInsert } from './wrapper-commands';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    inMyWords: {
      /** Wraps the selection in an "in my words" block, or removes the one around it. */
      toggleInMyWords: () => ReturnType;
      setInMyWords: () => ReturnType;
      unsetInMyWords: () => ReturnType;
    };
  }
}

/**
 * "In my words": a passage of lived experience in the consultee's own voice. It is a quotation, so it
 * is a `blockquote`; the `figure` around it keeps it apart from ordinary quotes when the HTML is read
 * back, and carries its accessible name.
 */
export const InMyWords = Node.create({
  name: 'inMyWords',
  group: 'block',
  content: 'paragraph+',
  defining: true,

  parseHTML() {
    return [
      {
        tag: 'figure[data-type="in-my-words"]',
        // A figure without its blockquote (hand-written HTML) still keeps its paragraphs.
        contentElement: (dom: HTMLElement) => dom.querySelector<HTMLElement>(':scope > blockquote') ?? dom,
      },
    ];
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'figure',
      mergeAttributes(HTMLAttributes, { 'data-type': 'in-my-words', 'aria-label': 'In my words' }),
      ['blockquote', 0],
    ];
  },

  addCommands() {
    return {
      setInMyWords: () => (props) => isInside(this.name, props) || wrapOrInsert(this.name, props),
      unsetInMyWords: () => (props) => unwrapAncestor(this.name, props),
      toggleInMyWords: () => (props) =>
        isInside(this.name, props) ? unwrapAncestor(this.name, props) : wrapOrInsert(this.name, props),
    };
  },
});
