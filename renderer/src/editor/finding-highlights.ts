import { Extension, type Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/**
 * A finding of the identifying-details check, placed in the document: in the `block`-th text block
 * (paragraphs and headings, empty ones too, in document order), from `from` to `to` within its
 * text, or on the `block`-th picture when `picture` is set. `text` is what must be there: a highlight
 * whose words are not (the document changed since the check) is not shown.
 */
export interface FindingHighlight {
  /** Findings with the same key are one decision; `current` marks every one of them. */
  key: string;
  block: number;
  from: number;
  to: number;
  text: string;
  picture?: boolean;
}

interface HighlightState {
  highlights: readonly FindingHighlight[];
  current: string | null;
  decorations: DecorationSet;
}

type HighlightMeta = { highlights: readonly FindingHighlight[]; current: string | null };

const highlightKey = new PluginKey<HighlightState>('findingHighlights');

/** Where each text block and each picture starts, in document order. */
function blockPositions(doc: PmNode): { blocks: number[]; pictures: number[] } {
  const blocks: number[] = [];
  const pictures: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) {
      blocks.push(pos);
      return false;
    }
    if (node.type.name === 'chorusImage') pictures.push(pos);
    return !node.isLeaf;
  });
  return { blocks, pictures };
}

/** A highlight's range in the document, if its words are still where the check found them. */
function rangeOf(
  doc: PmNode,
  positions: ReturnType<typeof blockPositions>,
  highlight: FindingHighlight,
): { from: number; to: number } | null {
  if (highlight.picture === true) {
    const at = positions.pictures[highlight.block];
    const node = at === undefined ? null : doc.nodeAt(at);
    return at === undefined || node === null ? null : { from: at, to: at + node.nodeSize };
  }
  const start = positions.blocks[highlight.block];
  if (start === undefined) return null;
  const block = doc.nodeAt(start);
  if (block === null || highlight.to > block.content.size || highlight.from >= highlight.to) return null;
  const from = start + 1 + highlight.from;
  const to = start + 1 + highlight.to;
  return doc.textBetween(from, to, '\n', '\n') === highlight.text ? { from, to } : null;
}

function decorate(doc: PmNode, meta: HighlightMeta): DecorationSet {
  if (meta.highlights.length === 0) return DecorationSet.empty;
  const positions = blockPositions(doc);
  const decorations: Decoration[] = [];
  for (const highlight of meta.highlights) {
    const range = rangeOf(doc, positions, highlight);
    if (range === null) continue;
    const className = highlight.key === meta.current ? 'finding-highlight finding-current' : 'finding-highlight';
    decorations.push(
      highlight.picture === true
        ? Decoration.node(range.from, range.to, { class: className })
        : Decoration.inline(range.from, range.to, { nodeName: 'mark', class: className }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Shows the identifying-details check's findings in the document as highlights (decorations: the
 * document itself is not changed, and nothing of them is saved or shared).
 */
export const FindingHighlights = Extension.create({
  name: 'findingHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: highlightKey,
        state: {
          init: () => ({ highlights: [], current: null, decorations: DecorationSet.empty }),
          apply(tr, value) {
            const meta = tr.getMeta(highlightKey) as HighlightMeta | undefined;
            if (meta !== undefined) return { ...meta, decorations: decorate(tr.doc, meta) };
            return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
          },
        },
        props: {
          decorations: (state: EditorState) => highlightKey.getState(state)?.decorations ?? DecorationSet.empty,
        },
      }),
    ];
  },
});

/** Shows these findings in the editor, replacing those shown before. */
export function showFindingHighlights(editor: Editor, highlights: readonly FindingHighlight[]): void {
  if (editor.isDestroyed) return;
  const current = highlightKey.getState(editor.state)?.current ?? null;
  editor.view.dispatch(editor.state.tr.setMeta(highlightKey, { highlights, current } satisfies HighlightMeta));
}

/**
 * Brings one finding into view and selects its words (a picture: the picture), so the consultee sees
 * exactly what the finding is about. Returns false when its words are no longer there.
 */
export function revealFinding(editor: Editor, highlight: FindingHighlight): boolean {
  if (editor.isDestroyed) return false;
  const { view } = editor;
  const range = rangeOf(view.state.doc, blockPositions(view.state.doc), highlight);
  if (range === null) return false;
  const state = highlightKey.getState(view.state);
  const tr = view.state.tr
    .setMeta(highlightKey, { highlights: state?.highlights ?? [], current: highlight.key } satisfies HighlightMeta)
    .setSelection(TextSelection.between(view.state.doc.resolve(range.from), view.state.doc.resolve(range.to)));
  view.dispatch(tr);
  // A read-only editor does not draw its selection into the page, so the words are selected here.
  const start = view.domAtPos(range.from);
  const end = view.domAtPos(range.to);
  const selection = view.dom.ownerDocument.getSelection();
  if (highlight.picture !== true) selection?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
  const target = highlight.picture === true ? view.nodeDOM(range.from) : start.node;
  const element = target instanceof Element ? target : (target?.parentElement ?? null);
  element?.scrollIntoView({ block: 'center', behavior: 'auto' });
  return true;
}
