import {
  plainRun,
  plainText,
  type Block,
  type Inline,
  type ListStyle,
  type TableCell as CellModel,
} from '@core/document/export-blocks';
import type { Fact, ResourcePart } from '../outline';
import { detailSize } from './theme';

/** One paragraph on a slide. */
export interface Para {
  inlines: Inline[];
  bullet: null | { style: ListStyle; number: number };
  level: number;
  bold: boolean;
}

export type Frame = 'warning' | 'words' | 'quote';

/** What is laid out on slides, one after another. */
export interface TextPiece {
  kind: 'text';
  frame: Frame | null;
  label: string | null;
  paras: Para[];
  /** Points; the body size unless said. */
  size?: number;
}

export type Piece = TextPiece | { kind: 'picture'; alt: string } | { kind: 'table'; rows: CellModel[][] };

export function para(inlines: Inline[], options: Partial<Omit<Para, 'inlines'>> = {}): Para {
  return { inlines, bullet: options.bullet ?? null, level: options.level ?? 0, bold: options.bold ?? false };
}

export function textPara(text: string, options: Partial<Omit<Para, 'inlines'>> = {}): Para {
  return para([plainRun(text)], options);
}

/** Every paragraph of some blocks, flattened: for the inside of boxes and table cells. */
export function parasOf(blocks: readonly Block[], level = 0): Para[] {
  const paras: Para[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph':
        paras.push(para(block.inlines, { level }));
        break;
      case 'heading':
        paras.push(para(block.inlines, { level, bold: true }));
        break;
      case 'list':
        block.items.forEach((item, index) => {
          item.forEach((child, childIndex) => {
            if (childIndex === 0 && child.kind === 'paragraph') {
              const number = block.start + index;
              paras.push(para(child.inlines, { level, bullet: { style: block.style, number } }));
            } else {
              paras.push(...parasOf([child], Math.min(8, level + 1)));
            }
          });
        });
        break;
      case 'table':
        for (const row of block.rows) {
          const text = row
            .map((cell) =>
              parasOf(cell.blocks)
                .map((p) => plainText(p.inlines))
                .join(' '),
            )
            .join(' | ');
          if (text.trim() !== '') paras.push(textPara(text, { level }));
        }
        break;
      case 'content-warning':
        paras.push(textPara('Content warning', { level, bold: true }), ...parasOf(block.blocks, level));
        break;
      case 'in-my-words':
        paras.push(textPara('In my words', { level, bold: true }), ...parasOf(block.blocks, level));
        break;
      case 'quote':
        paras.push(...parasOf(block.blocks, level));
        break;
      case 'picture':
        if (block.alt !== '') paras.push(textPara(`Picture: ${block.alt}`, { level }));
        break;
      case 'rule':
        break;
    }
  }
  return paras;
}

/** The pieces of a run of blocks: plain paragraphs join up; boxes, tables and pictures stand alone. */
export function piecesOf(blocks: readonly Block[]): Piece[] {
  const pieces: Piece[] = [];
  const plain = (paras: Para[]) => {
    const last = pieces[pieces.length - 1];
    if (last?.kind === 'text' && last.frame === null) last.paras.push(...paras);
    else if (paras.length > 0) pieces.push({ kind: 'text', frame: null, label: null, paras });
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'content-warning':
        pieces.push({ kind: 'text', frame: 'warning', label: 'Content warning', paras: parasOf(block.blocks) });
        break;
      case 'in-my-words':
        pieces.push({ kind: 'text', frame: 'words', label: 'In my words', paras: parasOf(block.blocks) });
        break;
      case 'quote':
        pieces.push({ kind: 'text', frame: 'quote', label: null, paras: parasOf(block.blocks) });
        break;
      case 'table':
        pieces.push({ kind: 'table', rows: block.rows });
        break;
      case 'picture':
        // A decorative picture says nothing, on a slide as anywhere.
        if (block.alt !== '') pieces.push({ kind: 'picture', alt: block.alt });
        break;
      default:
        plain(parasOf([block]));
    }
  }
  return pieces;
}

/** The document split at its headings: the part before the first heading goes under the resource's title. */
export function sectionsOf(part: ResourcePart): { title: string; blocks: Block[] }[] {
  const sections: { title: string; blocks: Block[] }[] = [{ title: part.title, blocks: [] }];
  for (const block of part.blocks) {
    if (block.kind === 'heading') sections.push({ title: plainText(block.inlines), blocks: [] });
    else sections[sections.length - 1]?.blocks.push(block);
  }
  // A heading with nothing under it still gets its slide; only an empty opening part is dropped.
  return sections.filter((section, index) => index > 0 || section.blocks.length > 0);
}

export function notesText(part: ResourcePart): string {
  return part.trainerNotes
    .map((paragraph) => paragraph.map((inline) => (inline.kind === 'break' ? '\n' : inline.text)).join(''))
    .join('\n\n');
}

/** The label of the resource's summary among its facts (outline.ts). */
const summaryLabel = 'Summary';

/**
 * A resource's content warnings in their box, its credit, and its other facts one a line; the
 * summary is apart ({@link summaryPiece}).
 */
export function factPieces(facts: readonly Fact[]): {
  warnings: TextPiece | null;
  credit: TextPiece | null;
  details: TextPiece | null;
} {
  let warnings: TextPiece | null = null;
  let credit: TextPiece | null = null;
  const others: Para[] = [];
  for (const fact of facts) {
    if (fact.label === summaryLabel) continue;
    if (fact.label === 'Attribution') {
      // The credit reads as a sentence ("Written by …"), so it needs no label.
      credit = { kind: 'text', frame: null, label: null, paras: fact.items.map((item) => textPara(item)) };
    } else if (fact.label === 'Content warnings') {
      warnings = {
        kind: 'text',
        frame: 'warning',
        label: 'Content warnings',
        paras: fact.items.map((item) => textPara(item, { bullet: { style: 'bullet', number: 1 } })),
      };
    } else {
      others.push(para([{ ...plainRun(`${fact.label}: `), bold: true }, plainRun(fact.items.join(', '))]));
    }
  }
  // The details a trainer checks are smaller than the words on the slides.
  const details: TextPiece | null =
    others.length === 0 ? null : { kind: 'text', frame: null, label: null, paras: others, size: detailSize };
  return { warnings, credit, details };
}

/** The resource's summary, under its label, or null when it has none. */
export function summaryPiece(facts: readonly Fact[]): TextPiece | null {
  const summary = facts.find((fact) => fact.label === summaryLabel);
  if (summary === undefined || summary.items.length === 0) return null;
  return { kind: 'text', frame: null, label: summaryLabel, paras: summary.items.map((item) => textPara(item)) };
}
