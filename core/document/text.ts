/** The part of a TipTap JSON node this module reads; structurally the same as TipTap's JSONContent. */
export interface DocumentNode {
  type?: string;
  text?: string;
  content?: DocumentNode[];
  attrs?: Record<string, unknown>;
}

/** A document ready to store: its JSON as text, its plain text and its word count. */
export interface SerializedDocument {
  /** The same content as `JSON.stringify(editor.getJSON())`. */
  json: string;
  /** `documentText` of the document. */
  text: string;
  wordCount: number;
}

function isInline(node: DocumentNode): boolean {
  return node.type === 'text' || node.type === 'hardBreak';
}

function inlineText(children: readonly DocumentNode[]): string {
  let text = '';
  for (const child of children) {
    if (child.type === 'hardBreak') text += '\n';
    else if (typeof child.text === 'string') text += child.text;
  }
  return text;
}

/**
 * The plain text of a document, for search, word counts and comparing versions: each paragraph,
 * heading or table cell paragraph on its own, separated by a blank line; hard breaks are line breaks.
 * Empty blocks are left out, and so are pictures (their descriptions are not part of the writing).
 *
 * It walks the JSON with an explicit stack, so it needs no editor or schema, cannot overflow the
 * call stack on deep nesting, and stays linear on long documents.
 */
export function documentText(doc: DocumentNode): string {
  return documentBlocks(doc).join('\n\n');
}

/** The blocks `documentText` joins, in order: a document's text is its top-level nodes' blocks, joined. */
export function documentBlocks(doc: DocumentNode): string[] {
  const blocks: string[] = [];
  const stack: DocumentNode[] = [doc];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    const children = node.content;
    if (children === undefined) continue;
    if (children.some(isInline)) {
      const text = inlineText(children);
      if (text.trim() !== '') blocks.push(text);
      continue;
    }
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) stack.push(child);
    }
  }
  return blocks;
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
