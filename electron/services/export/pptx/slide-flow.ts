import type PptxGenJS from 'pptxgenjs';
import { plainText, type TableCell as CellModel } from '@core/document/export-blocks';
import { charactersPerLine, lineHeight, parasHeight, splitLongPara } from './measure';
import { runsOf } from './runs';
import { parasOf, textPara, type Frame, type Para, type Piece, type TextPiece } from './pieces';
import {
  bodySize,
  colours,
  contentBottom,
  contentTop,
  contentWidth,
  font,
  inset,
  lineSpacing,
  margin,
  paraSpaceAfter,
  tableSize,
} from './theme';

export type Slide = ReturnType<InstanceType<typeof PptxGenJS>['addSlide']>;
type TableRow = PptxGenJS.TableRow;

/** A 1×1 light grey picture, stretched to stand in for a picture the export does not carry. */
const placeholderPicture =
  'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4+PELAAWtAtfktnnCAAAAAElFTkSuQmCC';

const frameColours: Record<Frame, { border: string; fill: string }> = {
  warning: { border: colours.warningBorder, fill: colours.warningFill },
  words: { border: colours.wordsBorder, fill: colours.wordsFill },
  quote: { border: colours.quoteBorder, fill: colours.quoteFill },
};

const textDefaults = {
  fontFace: font,
  color: colours.text,
  valign: 'top' as const,
  margin: inset,
  paraSpaceAfter,
  lineSpacingMultiple: lineSpacing,
  lang: 'en-GB',
};

/** A framed piece is drawn a little in from its coloured edge. */
const widthOf = (piece: TextPiece): number => (piece.frame === null ? contentWidth : contentWidth - 0.15);

/** Lays pieces out on slides under one title, starting new slides as they fill. */
export class SlideFlow {
  private slide: Slide;
  private y: number;

  constructor(
    private readonly newSlide: (title: string) => Slide,
    private readonly title: string,
    first?: { slide: Slide; top: number },
  ) {
    this.slide = first?.slide ?? newSlide(title);
    this.y = first?.top ?? contentTop;
  }

  private get room(): number {
    return contentBottom - this.y;
  }

  private get fresh(): boolean {
    return this.y <= contentTop + 0.01;
  }

  private next(): void {
    this.slide = this.newSlide(`${this.title} (continued)`);
    this.y = contentTop;
  }

  add(piece: Piece): void {
    switch (piece.kind) {
      case 'text':
        this.addText(piece);
        break;
      case 'picture':
        this.addPicture(piece.alt);
        break;
      case 'table':
        this.addTable(piece.rows);
        break;
    }
  }

  /** Whether a text piece fits whole in the room left on the current slide. */
  fits(piece: TextPiece): boolean {
    const paras = [...(piece.label === null ? [] : [textPara(piece.label, { bold: true })]), ...piece.paras];
    return parasHeight(paras, widthOf(piece), piece.size ?? bodySize) <= this.room;
  }

  private addText(piece: TextPiece): void {
    const width = widthOf(piece);
    const size = piece.size ?? bodySize;
    const maxLines = Math.floor((contentBottom - contentTop - 0.3) / lineHeight(size)) - 1;
    const queue = piece.paras.flatMap((p) => splitLongPara(p, maxLines, width, size));
    let label = piece.label;
    while (queue.length > 0 || label !== null) {
      const chunk: Para[] = label === null ? [] : [textPara(label, { bold: true })];
      const labelled = chunk.length;
      for (let next = queue[0]; next !== undefined; next = queue[0]) {
        if (parasHeight([...chunk, next], width, size) <= this.room) {
          chunk.push(next);
          queue.shift();
          continue;
        }
        // Fill what is left of the slide with the start of the next paragraph, ending at a sentence.
        const used = chunk.length > 0 ? parasHeight(chunk, width, size) : (2 * inset) / 72;
        const spare = Math.floor((this.room - used - paraSpaceAfter / 72) / lineHeight(size));
        if (spare >= 3) {
          const [head, ...rest] = splitLongPara(next, spare, width, size);
          if (head !== undefined && rest.length > 0) {
            const tail: Para = { ...next, bullet: null, inlines: rest.flatMap((part) => part.inlines) };
            queue.splice(0, 1, ...splitLongPara(tail, maxLines, width, size));
            chunk.push(head);
          }
        }
        break;
      }
      // A label alone is not worth the end of a slide: start on a new one.
      if (chunk.length === labelled && queue.length > 0 && !this.fresh) {
        this.next();
        continue;
      }
      // On a fresh slide something always goes, even if the estimate says it is too tall.
      const first = queue[0];
      if (chunk.length === labelled && first !== undefined) {
        chunk.push(first);
        queue.shift();
      }
      this.placeText(chunk, piece.frame, width, size);
      label = queue.length > 0 && piece.label !== null ? `${piece.label} (continued)` : null;
      if (queue.length > 0) this.next();
    }
  }

  private placeText(paras: Para[], frame: Frame | null, width: number, size: number): void {
    const height = Math.min(this.room, parasHeight(paras, width, size));
    const x = frame === null ? margin : margin + 0.15;
    if (frame !== null) {
      const { border, fill } = frameColours[frame];
      this.slide.addShape('rect', { x: margin, y: this.y, w: contentWidth, h: height, fill: { color: fill } });
      this.slide.addShape('rect', { x: margin, y: this.y, w: 0.08, h: height, fill: { color: border } });
    }
    const runs = paras.flatMap((p, index) => runsOf(p, index === paras.length - 1));
    this.slide.addText(runs, { ...textDefaults, x, y: this.y, w: width, h: height, fontSize: size, fit: 'shrink' });
    this.y += height + 0.15;
  }

  private addPicture(alt: string): void {
    const height = 1.8;
    if (height > this.room && !this.fresh) this.next();
    const w = 5;
    const description = `Picture: ${alt}`;
    this.slide.addImage({ data: placeholderPicture, x: margin, y: this.y, w, h: height, altText: description });
    this.slide.addText(description, {
      ...textDefaults,
      x: margin,
      y: this.y,
      w,
      h: height,
      fontSize: 16,
      italic: true,
      color: colours.muted,
      align: 'center',
      valign: 'middle',
      fit: 'shrink',
    });
    this.y += height + 0.15;
  }

  private addTable(rows: readonly CellModel[][]): void {
    const columns = Math.max(1, ...rows.map((row) => row.reduce((sum, cell) => sum + Math.min(cell.colspan, 20), 0)));
    const columnWidth = contentWidth / Math.min(columns, 20);
    const cellText = (cell: CellModel) =>
      parasOf(cell.blocks)
        .map((p) => plainText(p.inlines))
        .join('\n');
    const rowHeight = (row: readonly CellModel[]) =>
      Math.max(
        ...row.map((cell) => {
          const lines = cellText(cell)
            .split('\n')
            .reduce(
              (sum, line) =>
                sum +
                Math.max(
                  1,
                  Math.ceil(line.length / charactersPerLine(columnWidth * Math.min(cell.colspan, 20), tableSize)),
                ),
              0,
            );
          return lines * lineHeight(tableSize) + 0.16;
        }),
      );
    const toRow = (row: readonly CellModel[]): TableRow =>
      row.map((cell) => ({
        text: cellText(cell),
        options: {
          bold: cell.header,
          ...(cell.header ? { fill: { color: colours.headerFill } } : {}),
          ...(cell.colspan > 1 ? { colspan: Math.min(cell.colspan, 20) } : {}),
          ...(cell.rowspan > 1 ? { rowspan: cell.rowspan } : {}),
          ...(cell.align === null ? {} : { align: cell.align }),
        },
      }));
    const header = rows[0]?.every((cell) => cell.header) === true ? rows[0] : null;
    const body = header === null ? rows : rows.slice(1);
    // Row spans tie rows together, so such a table is never split.
    const splittable = rows.every((row) => row.every((cell) => cell.rowspan <= 1));
    let index = 0;
    while (index < body.length || (index === 0 && body.length === 0)) {
      const chunk: CellModel[][] = header === null ? [] : [header];
      let height = header === null ? 0 : rowHeight(header);
      while (index < body.length) {
        const row = body[index] ?? [];
        const next = rowHeight(row);
        if (splittable && height + next > this.room && chunk.length > (header === null ? 0 : 1)) break;
        if (splittable && height + next > this.room && !this.fresh) break;
        chunk.push(row);
        height += next;
        index += 1;
      }
      if (chunk.length === (header === null ? 0 : 1) && index < body.length) {
        this.next();
        continue;
      }
      this.slide.addTable(chunk.map(toRow), {
        x: margin,
        y: this.y,
        w: contentWidth,
        colW: Array.from({ length: Math.min(columns, 20) }, () => columnWidth),
        fontFace: font,
        fontSize: tableSize,
        color: colours.text,
        valign: 'top',
        border: { type: 'solid', pt: 1, color: colours.tableBorder },
        // Inches: a little room around each cell's words.
        margin: [0.06, 0.1, 0.06, 0.1],
      });
      this.y += Math.min(height, this.room) + 0.2;
      if (index < body.length) this.next();
      if (body.length === 0) break;
    }
  }
}
