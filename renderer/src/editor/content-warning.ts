import { Node, mergeAttributes } from '@tiptap/core';
import { isInside, unwrapAncestor, wrapOrInsert } from './wrapper-commands';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    contentWarning: {
      /** Wraps the selected paragraphs in a content warning, or inserts an empty one. */
      setContentWarning: () => ReturnType;
      /** Removes the content warning around the selection, keeping its paragraphs. */
      unsetContentWarning: () => ReturnType;
      toggleContentWarning: () => ReturnType;
    };
  }
}

/**
 * A content warning: a callout telling readers what the next part of a resource talks about, so they
 * can choose whether and when to read it. Its visible label comes from the stylesheet and its
 * accessible name from `aria-label`, so the words "Content warning" are never part of the text.
 */
export const ContentWarning = Node.create({
  name: 'contentWarning',
  group: 'block',
  content: 'paragraph+',
  defining: true,

  parseHTML() {
    return [{ tag: 'aside[data-type="content-warning"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'aside',
      mergeAttributes(HTMLAttributes, {
        'data-type': 'content-warning',
        role: 'note',
        'aria-label': 'Content warning',
      }),
      0,
    ];
  },

  addCommands() {
    return {
      setContentWarning: () => (props) => isInside(this.name, props) || wrapOrInsert(this.name, props),
      unsetContentWarning: () => (props) => unwrapAncestor(this.name, props),
      toggleContentWarning: () => (props) =>
        isInside(this.name, props) ? unwrapAncestor(this.name, props) : wrapOrInsert(this.name, props),
    };
  },
});
