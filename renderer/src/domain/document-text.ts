/** The part of a TipTap JSON node this module reads; structurally the same as TipTap's JSONContent. */
export interface DocumentNode {
  type?: string;
  text?: string;
  content?: DocumentNode[];
  attrs?: Record<string, unknown>;
}

const inlineBreaks: ReadonlySet<string> = new Set(['hardBreak']);

/**
 * The plain text of a document: the text of each block, blocks separated by a blank line.
 * Used for search, word counts and the history diff. Iterative, so deep nesting cannot overflow.
 */
export function documentText(doc: DocumentNode): string {
  const blocks: string[] = [];
  let current = '';
  const stack: (DocumentNode | 'end-block')[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === 'end-block') {
      if (current.trim() !== '') blocks.push(current.trim());
      current = '';
      continue;
    }
    if (node.text !== undefined) {
      current += node.text;
      continue;
    }
    if (node.type !== undefined && inlineBreaks.has(node.type)) {
      current += '\n';
      continue;
    }
    const children = node.content ?? [];
    const isTextBlock = children.some((child) => child.text !== undefined || child.type === 'hardBreak');
    if (isTextBlock) stack.push('end-block');
    else if (current.trim() !== '') {
      blocks.push(current.trim());
      current = '';
    }
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) stack.push(child);
    }
  }
  if (current.trim() !== '') blocks.push(current.trim());
  return blocks.join('\n\n');
}

/** An empty document, as TipTap creates it. */
export function emptyDocument(): DocumentNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/** Every image id a document refers to. */
export function imageIdsOf(doc: DocumentNode): string[] {
  const ids: string[] = [];
  const stack: DocumentNode[] = [doc];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const imageId = node.attrs?.imageId;
    if (typeof imageId === 'string') ids.push(imageId);
    if (node.content !== undefined) stack.push(...node.content);
  }
  return ids;
}
