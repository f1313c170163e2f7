import type { DocumentNode } from './text';

/**
 * Replaces every occurrence of `original` inside the document's text nodes and pictures' descriptions
 * (which are shared in place of the pictures). Text split across
 * differently formatted runs is not matched; the identifying-details check runs again afterwards,
 * so anything missed shows up as still unresolved.
 */
export function replaceInDocument(
  doc: DocumentNode,
  original: string,
  replacement: string,
): { doc: DocumentNode; count: number } {
  if (original === '') return { doc, count: 0 };
  let count = 0;
  const visit = (node: DocumentNode): DocumentNode => {
    const alt = node.type === 'chorusImage' ? node.attrs?.alt : undefined;
    if (typeof alt === 'string' && alt.includes(original)) {
      const parts = alt.split(original);
      count += parts.length - 1;
      return { ...node, attrs: { ...node.attrs, alt: parts.join(replacement) } };
    }
    if (typeof node.text === 'string') {
      const parts = node.text.split(original);
      if (parts.length === 1) return node;
      count += parts.length - 1;
      return { ...node, text: parts.join(replacement) };
    }
    if (node.content === undefined) return node;
    return { ...node, content: node.content.map(visit).filter((child) => child.text !== '') };
  };
  const result = visit(doc);
  return { doc: result, count };
}
