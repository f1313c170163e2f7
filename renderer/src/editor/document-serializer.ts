import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { sharedEnds, type BlockDocument, type SerializedBlock } from '@core/document/blocks';
import { documentBlocks } from '@core/document/text';
import { countWords } from '@core/document/text-stats';

/**
 * Turns the editor's document into what a save stores, doing the work again only for the
 * top-level nodes that changed. ProseMirror never changes a node: an edit makes a new document
 * that shares every untouched node with the old one. So the top-level nodes the new document
 * shares with the last one, at its start and at its end, keep their blocks (the same objects, which
 * is how the document writer sends only the changed blocks on), and a node seen before anywhere
 * keeps its block through a cache. Typing in one paragraph of a 30,000-word draft serialises that
 * paragraph, not the draft. Words never run across blocks, so word counts add up block by block.
 */
export function createDocumentSerializer(): (doc: ProseMirrorNode) => BlockDocument {
  const cache = new WeakMap<ProseMirrorNode, SerializedBlock>();
  let lastNodes: readonly ProseMirrorNode[] = [];
  let last: BlockDocument = { head: '', blocks: [], wordCount: 0 };

  const serializeBlock = (node: ProseMirrorNode): SerializedBlock => {
    const known = cache.get(node);
    if (known !== undefined) return known;
    const json = node.toJSON() as Record<string, unknown>;
    const texts = documentBlocks({ content: [json] });
    const block = {
      json: JSON.stringify(json),
      texts,
      words: texts.reduce((sum, text) => sum + countWords(text), 0),
    };
    cache.set(node, block);
    return block;
  };

  return (doc) => {
    const nodes = doc.content.content;
    const { start, end } = sharedEnds(lastNodes, nodes);

    const changed = nodes.slice(start, nodes.length - end).map(serializeBlock);
    const kept = last.blocks;
    let words = last.wordCount;
    for (let index = start; index < kept.length - end; index += 1) words -= (kept[index] as SerializedBlock).words;
    for (const block of changed) words += block.words;
    // The document node as ProseMirror's toJSON writes it: its type, its attributes if any, its content if any.
    const head: Record<string, unknown> = { type: doc.type.name };
    if (Object.keys(doc.attrs).length > 0) head.attrs = doc.attrs;
    last = {
      head: JSON.stringify(head).slice(0, -1),
      blocks: [...kept.slice(0, start), ...changed, ...kept.slice(kept.length - end)],
      wordCount: words,
      // Found already, so the writer need not look for it again when it last sent `kept`.
      change: { since: kept, from: start, removed: kept.length - start - end, added: changed },
    };
    lastNodes = nodes;
    return last;
  };
}
