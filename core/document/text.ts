import { attrOf, textOf, typeOf, type DocumentNode } from './model';
import { documentNodes, walkDocument } from './walk';
import type { JsonObject } from '../json/object';

export type { DocumentNode } from './model';

/** A document ready to store: its JSON as text, its plain text and its word count. */
export interface SerializedDocument {
  /** The same content as `JSON.stringify(editor.getJSON())`. */
  json: string;
  /** `documentText` of the document. */
  text: string;
  wordCount: number;
}

function inlineText(run: readonly JsonObject[]): string {
  let text = '';
  for (const node of run) text += typeOf(node) === 'hardBreak' ? '\n' : textOf(node);
  return text;
}

/**
 * The plain text of a document, for search, word counts and comparing versions: each paragraph,
 * heading or table cell paragraph on its own, separated by a blank line; hard breaks are line breaks.
 * Empty blocks are left out, and so are pictures (their descriptions are not part of the writing).
 *
 * It reads the JSON through `walkDocument`, so it needs no editor or schema, cannot overflow the
 * call stack on deep nesting, and stays linear on long documents.
 */
export function documentText(doc: DocumentNode): string {
  return documentBlocks(doc).join('\n\n');
}

/** The blocks `documentText` joins, in order: a document's text is its top-level nodes' blocks, joined. */
export function documentBlocks(doc: DocumentNode): string[] {
  const blocks: string[] = [];
  walkDocument(doc, {
    inline: (run) => {
      const text = inlineText(run);
      if (text.trim() !== '') blocks.push(text);
    },
  });
  return blocks;
}

/** An empty document, as TipTap creates it. */
export function emptyDocument(): DocumentNode {
  return { type: 'doc', content: [{ type: 'paragraph' }] };
}

/** Every image id a document refers to. */
export function imageIdsOf(doc: DocumentNode): string[] {
  return documentNodes(doc).flatMap((node) => {
    const imageId = attrOf(node, 'imageId');
    return typeof imageId === 'string' ? [imageId] : [];
  });
}
