import type { CommandProps } from '@tiptap/core';

/**
 * Wraps the selected blocks in a Chorus block (`contentWarning`, `inMyWords`); when they cannot be
 * wrapped (for example, the selection is in a list or a table), inserts an empty one after the
 * current block instead, so the command always does something visible.
 */
export function wrapOrInsert(typeName: string, { commands, can }: CommandProps): boolean {
  if (can().wrapIn(typeName)) return commands.wrapIn(typeName);
  return commands.insertContent({ type: typeName, content: [{ type: 'paragraph' }] });
}

/**
 * Removes the nearest enclosing block of this type, keeping all of its paragraphs where it was.
 * Lifting only the selected paragraph (ProseMirror's `lift`) would split the block in two, which is
 * not what "remove the content warning" means.
 */
export function unwrapAncestor(typeName: string, { state, tr, dispatch }: CommandProps): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    const node = $from.node(depth);
    if (node.type.name !== typeName) continue;
    if (dispatch) {
      const start = $from.before(depth);
      tr.replaceWith(start, start + node.nodeSize, node.content);
    }
    return true;
  }
  return false;
}

/** True when the selection is inside a block of this type. */
export function isInside(typeName: string, { state }: CommandProps): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    if ($from.node(depth).type.name === typeName) return true;
  }
  return false;
}
