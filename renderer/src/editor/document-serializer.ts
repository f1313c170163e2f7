import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { documentBlocks, type SerializedDocument } from '../domain/document-text';
import { countWords } from '../domain/text-stats';

interface SerializedBlock {
  json: string;
  blocks: string[];
  words: number;
}

/**
 * Turns the editor's document into what a save stores, doing the work again only for the
 * top-level nodes that changed. ProseMirror never changes a node: an edit makes a new document
 * that shares every untouched node with the old one, so a node seen before is the same object and
 * its JSON, text and words are taken from the cache. Typing in one paragraph of a 30,000-word
 * draft serialises that paragraph, not the draft. Words never run across blocks, so word counts
 * add up block by block.
 */
export function createDocumentSerializer(): (doc: ProseMirrorNode) => SerializedDocument {
  const cache = new WeakMap<ProseMirrorNode, SerializedBlock>();

  const serializeBlock = (node: ProseMirrorNode): SerializedBlock => {
    const known = cache.get(node);
    if (known !== undefined) return known;
    const json = node.toJSON() as Record<string, unknown>;
    const blocks = documentBlocks({ content: [json] });
    const block = {
      json: JSON.stringify(json),
      blocks,
      words: blocks.reduce((sum, text) => sum + countWords(text), 0),
    };
    cache.set(node, block);
    return block;
  };

  return (doc) => {
    const parts: string[] = [];
    const blocks: string[] = [];
    let words = 0;
    doc.forEach((child) => {
      const block = serializeBlock(child);
      parts.push(block.json);
      for (const text of block.blocks) blocks.push(text);
      words += block.words;
    });
    // The document node as ProseMirror's toJSON writes it: its type, its attributes if any, its content if any.
    const head: Record<string, unknown> = { type: doc.type.name };
    if (Object.keys(doc.attrs).length > 0) head.attrs = doc.attrs;
    const opening = JSON.stringify(head).slice(0, -1);
    const json = parts.length === 0 ? `${opening}}` : `${opening},"content":[${parts.join(',')}]}`;
    return { json, text: blocks.join('\n\n'), wordCount: words };
  };
}
