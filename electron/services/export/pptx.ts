import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import {
  plainRun,
  plainText,
  type Block,
  type Inline,
  type ListStyle,
  type TableCell as CellModel,
} from '@core/document/export-blocks';
import { trainerNotesTitle, type ExportOutline, type Fact, type ResourcePart } from './outline';

type Presentation = InstanceType<typeof PptxGenJS>;
type Slide = ReturnType<Presentation['addSlide']>;
type TextProps = PptxGenJS.TextProps;
type TableRow = PptxGenJS.TableRow;

/** 16:9 in inches (PowerPoint's "Widescreen"). */
const slideSize = { width: 13.333, height: 7.5 };
const margin = 0.6;
const contentWidth = slideSize.width - 2 * margin;
/** Where content goes under a slide's title, and where it must stop above the footer. */
const contentTop = 1.45;
const contentBottom = 6.85;
/** On a title slide, content starts under the larger title. */
const titleSlideContentTop = 2.45;

const font = 'Arial';
const bodySize = 20;
const tableSize = 16;
const lineSpacing = 1.2;
const paraSpaceAfter = 8;
/** Inner margin of text boxes, in points. */
const inset = 7;

const colours = {
  text: '1D1D1F',
  muted: '4A4A52',
  warningBorder: 'A86B00',
  warningFill: 'FDF3DC',
  wordsBorder: '5B7DB1',
  wordsFill: 'EEF3FB',
  quoteBorder: 'C9C9CF',
  quoteFill: 'F6F6F8',
  headerFill: 'F1F1F4',
  tableBorder: '8A8A93',
} as const;

const masters = { title: 'CHORUS_TITLE', content: 'CHORUS_CONTENT' } as const;

/** A 1×1 light grey picture, stretched to stand in for a picture the export does not carry. */
const placeholderPicture =
  'image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4+PELAAWtAtfktnnCAAAAAElFTkSuQmCC';

const numberTypes: Record<Exclude<ListStyle, 'bullet'>, string> = {
  decimal: 'arabicPeriod',
  'lower-alpha': 'alphaLcPeriod',
  'upper-alpha': 'alphaUcPeriod',
  'lower-roman': 'romanLcPeriod',
  'upper-roman': 'romanUcPeriod',
};

/** One paragraph on a slide. */
interface Para {
  inlines: Inline[];
  bullet: null | { style: ListStyle; number: number };
  level: number;
  bold: boolean;
}

type Frame = 'warning' | 'words' | 'quote';

/** What is laid out on slides, one after another. */
type Piece =
  | { kind: 'text'; frame: Frame | null; label: string | null; paras: Para[] }
  | { kind: 'picture'; alt: string }
  | { kind: 'table'; rows: CellModel[][] };

const frameColours: Record<Frame, { border: string; fill: string }> = {
  warning: { border: colours.warningBorder, fill: colours.warningFill },
  words: { border: colours.wordsBorder, fill: colours.wordsFill },
  quote: { border: colours.quoteBorder, fill: colours.quoteFill },
};

function para(inlines: Inline[], options: Partial<Omit<Para, 'inlines'>> = {}): Para {
  return { inlines, bullet: options.bullet ?? null, level: options.level ?? 0, bold: options.bold ?? false };
}

function textPara(text: string, options: Partial<Omit<Para, 'inlines'>> = {}): Para {
  return para([plainRun(text)], options);
}

/** Every paragraph of some blocks, flattened: for the inside of boxes and table cells. */
function parasOf(blocks: readonly Block[], level = 0): Para[] {
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
function piecesOf(blocks: readonly Block[]): Piece[] {
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
function sectionsOf(part: ResourcePart): { title: string; blocks: Block[] }[] {
  const sections: { title: string; blocks: Block[] }[] = [{ title: part.title, blocks: [] }];
  for (const block of part.blocks) {
    if (block.kind === 'heading') sections.push({ title: plainText(block.inlines), blocks: [] });
    else sections[sections.length - 1]?.blocks.push(block);
  }
  // A heading with nothing under it still gets its slide; only an empty opening part is dropped.
  return sections.filter((section, index) => index > 0 || section.blocks.length > 0);
}

// Estimates of how much room text takes. Arial's average character is about half its size wide;
// a little more is allowed so text stays inside its box.
function charactersPerLine(widthInches: number, size: number): number {
  return Math.max(10, Math.floor((widthInches * 72 - 2 * inset) / (size * 0.5)));
}

function lineHeight(size: number): number {
  return (size * lineSpacing) / 72;
}

function paraLines(p: Para, widthInches: number, size: number): number {
  const indent = p.bullet === null && p.level === 0 ? 0 : 0.375 * (p.level + 1);
  const perLine = charactersPerLine(widthInches - indent, size);
  let lines = 0;
  let current = 0;
  for (const inline of p.inlines) {
    if (inline.kind === 'break') {
      lines += Math.max(1, Math.ceil(current / perLine));
      current = 0;
    } else {
      current += inline.text.length;
    }
  }
  return lines + Math.max(1, Math.ceil(current / perLine));
}

function parasHeight(paras: readonly Para[], widthInches: number, size: number): number {
  const lines = paras.reduce((sum, p) => sum + paraLines(p, widthInches, size), 0);
  return lines * lineHeight(size) + (paras.length * paraSpaceAfter) / 72 + (2 * inset) / 72;
}

/** Splits a paragraph too long for one slide at sentence ends (or spaces), keeping its marks. */
function splitLongPara(p: Para, maxLines: number, widthInches: number, size: number): Para[] {
  if (paraLines(p, widthInches, size) <= maxLines) return [p];
  const budget = charactersPerLine(widthInches, size) * maxLines;
  const parts: Para[] = [];
  let current: Inline[] = [];
  let length = 0;
  const flush = () => {
    if (current.length > 0) parts.push({ ...p, inlines: current, bullet: parts.length === 0 ? p.bullet : null });
    current = [];
    length = 0;
  };
  for (const inline of p.inlines) {
    if (inline.kind === 'break') {
      current.push(inline);
      continue;
    }
    const pieces = inline.text.match(/[^.!?]+[.!?]+\s*|\S+\s*|\s+/g) ?? [inline.text];
    for (const piece of pieces) {
      if (length + piece.length > budget && length > 0) flush();
      current.push({ ...inline, text: piece });
      length += piece.length;
    }
  }
  flush();
  return parts;
}

function runsOf(p: Para, last: boolean): TextProps[] {
  const props: TextProps[] = [];
  const inlines = p.inlines.length > 0 ? p.inlines : [plainRun(' ')];
  let breakBefore = false;
  inlines.forEach((inline) => {
    if (inline.kind === 'break') {
      breakBefore = true;
      return;
    }
    const options: TextProps['options'] = {
      bold: inline.bold || p.bold,
      italic: inline.italic,
      ...(inline.underline ? { underline: { style: 'sng' as const } } : {}),
      ...(inline.highlight ? { highlight: 'FFF1A8' } : {}),
      ...(inline.href === null ? {} : { hyperlink: { url: inline.href } }),
      ...(breakBefore ? { softBreakBefore: true } : {}),
    };
    breakBefore = false;
    props.push({ text: inline.text, options });
  });
  const [first] = props;
  if (first !== undefined) {
    first.options = {
      ...first.options,
      ...(p.level > 0 ? { indentLevel: p.level } : {}),
      ...(p.bullet === null ? {} : { bullet: bulletOf(p.bullet) }),
    };
  }
  const end = props[props.length - 1];
  if (end !== undefined && !last) end.options = { ...end.options, breakLine: true };
  return props;
}

function bulletOf(bullet: NonNullable<Para['bullet']>): NonNullable<NonNullable<TextProps['options']>['bullet']> {
  if (bullet.style === 'bullet') return true;
  // PptxGenJS 4.0.1 reads the numbering scheme from `style` (its documented `numberType` is not read yet).
  // Every item carries its own number, so a list continued on the next slide numbers on.
  const numbered: Record<string, unknown> = {
    type: 'number',
    numberType: numberTypes[bullet.style],
    style: numberTypes[bullet.style],
    numberStartAt: bullet.number,
  };
  return numbered;
}

const textDefaults = {
  fontFace: font,
  color: colours.text,
  valign: 'top' as const,
  margin: inset,
  paraSpaceAfter,
  lineSpacingMultiple: lineSpacing,
  lang: 'en-GB',
};

/** Lays pieces out on slides under one title, starting new slides as they fill. */
class SlideFlow {
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

  private addText(piece: Extract<Piece, { kind: 'text' }>): void {
    const width = piece.frame === null ? contentWidth : contentWidth - 0.15;
    const maxLines = Math.floor((contentBottom - contentTop - 0.3) / lineHeight(bodySize)) - 1;
    const queue = piece.paras.flatMap((p) => splitLongPara(p, maxLines, width, bodySize));
    let label = piece.label;
    while (queue.length > 0 || label !== null) {
      const chunk: Para[] = label === null ? [] : [textPara(label, { bold: true })];
      const labelled = chunk.length;
      for (let next = queue[0]; next !== undefined; next = queue[0]) {
        if (parasHeight([...chunk, next], width, bodySize) <= this.room) {
          chunk.push(next);
          queue.shift();
          continue;
        }
        // Fill what is left of the slide with the start of the next paragraph, ending at a sentence.
        const used = chunk.length > 0 ? parasHeight(chunk, width, bodySize) : (2 * inset) / 72;
        const spare = Math.floor((this.room - used - paraSpaceAfter / 72) / lineHeight(bodySize));
        if (spare >= 3) {
          const [head, ...rest] = splitLongPara(next, spare, width, bodySize);
          if (head !== undefined && rest.length > 0) {
            const tail: Para = { ...next, bullet: null, inlines: rest.flatMap((part) => part.inlines) };
            queue.splice(0, 1, ...splitLongPara(tail, maxLines, width, bodySize));
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
      this.placeText(chunk, piece.frame, width);
      label = queue.length > 0 && piece.label !== null ? `${piece.label} (continued)` : null;
      if (queue.length > 0) this.next();
    }
  }

  private placeText(paras: Para[], frame: Frame | null, width: number): void {
    const height = Math.min(this.room, parasHeight(paras, width, bodySize));
    const x = frame === null ? margin : margin + 0.15;
    if (frame !== null) {
      const { border, fill } = frameColours[frame];
      this.slide.addShape('rect', { x: margin, y: this.y, w: contentWidth, h: height, fill: { color: fill } });
      this.slide.addShape('rect', { x: margin, y: this.y, w: 0.08, h: height, fill: { color: border } });
    }
    const runs = paras.flatMap((p, index) => runsOf(p, index === paras.length - 1));
    this.slide.addText(runs, { ...textDefaults, x, y: this.y, w: width, h: height, fontSize: bodySize, fit: 'shrink' });
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

function notesText(part: ResourcePart): string {
  return part.trainerNotes
    .map((paragraph) => paragraph.map((inline) => (inline.kind === 'break' ? '\n' : inline.text)).join(''))
    .join('\n\n');
}

function factParas(facts: readonly Fact[]): Piece[] {
  const pieces: Piece[] = [];
  const others: Para[] = [];
  for (const fact of facts) {
    if (fact.label === 'Content warnings') {
      pieces.push({
        kind: 'text',
        frame: 'warning',
        label: 'Content warnings',
        paras: fact.items.map((item) => textPara(item, { bullet: { style: 'bullet', number: 1 } })),
      });
    } else {
      others.push(para([{ ...plainRun(`${fact.label}: `), bold: true }, plainRun(fact.items.join(', '))]));
    }
  }
  if (others.length > 0) pieces.push({ kind: 'text', frame: null, label: null, paras: others });
  return pieces;
}

function define(pptx: Presentation, footer: string): void {
  const footerText = {
    text: {
      text: footer,
      options: { x: margin, y: 7.0, w: 10.5, h: 0.35, fontFace: font, fontSize: 12, color: colours.muted },
    },
  };
  pptx.defineSlideMaster({
    title: masters.title,
    background: { color: 'FFFFFF' },
    objects: [
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            x: margin,
            y: 0.5,
            w: contentWidth,
            h: 1.8,
            fontFace: font,
            fontSize: 36,
            bold: true,
            color: colours.text,
            align: 'left',
            valign: 'bottom',
          },
          text: '',
        },
      },
      footerText,
    ],
    slideNumber: {
      x: 12.1,
      y: 7.0,
      w: 0.7,
      h: 0.35,
      fontFace: font,
      fontSize: 12,
      color: colours.muted,
      align: 'right',
    },
  });
  pptx.defineSlideMaster({
    title: masters.content,
    background: { color: 'FFFFFF' },
    objects: [
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            x: margin,
            y: 0.35,
            w: contentWidth,
            h: 0.95,
            fontFace: font,
            fontSize: 28,
            bold: true,
            color: colours.text,
            align: 'left',
            valign: 'middle',
          },
          text: '',
        },
      },
      footerText,
    ],
    slideNumber: {
      x: 12.1,
      y: 7.0,
      w: 0.7,
      h: 0.35,
      fontFace: font,
      fontSize: 12,
      color: colours.muted,
      align: 'right',
    },
  });
}

/**
 * The export as a presentation: a title slide with the export's content warnings, then per
 * resource a title slide (title, content warnings, attribution, version) and a slide for each
 * section of its document, split at the document's headings and continued on further slides when
 * long. Titles are in each slide's title placeholder, so screen readers and the outline see them;
 * the trainer notes of a resource are in the speaker notes of each of its slides. The file's
 * author and company are "Chorus".
 */
export async function writePptx(outline: ExportOutline): Promise<Uint8Array> {
  const pptx: Presentation = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = outline.title;
  pptx.author = 'Chorus';
  pptx.company = 'Chorus';
  pptx.subject = '';
  pptx.revision = '1';
  pptx.theme = { headFontFace: font, bodyFontFace: font };
  define(pptx, outline.title);

  let notes = '';
  const addSlide = (master: string, title: string): Slide => {
    const slide = pptx.addSlide({ masterName: master });
    slide.addText(title, { placeholder: 'title', lang: 'en-GB' });
    if (notes !== '') slide.addNotes(`${trainerNotesTitle}\n\n${notes}`);
    return slide;
  };
  const contentSlide = (title: string) => addSlide(masters.content, title);

  for (const part of outline.parts) {
    switch (part.kind) {
      case 'cover': {
        notes = '';
        const slide = addSlide(masters.title, part.title);
        const flow = new SlideFlow(contentSlide, part.title, { slide, top: titleSlideContentTop });
        const description = part.description.map((inlines) => para(inlines));
        flow.add({
          kind: 'text',
          frame: null,
          label: null,
          paras: [
            textPara(part.label, { bold: true }),
            ...(part.use === '' ? [] : [textPara(part.use, { bold: true })]),
            ...description,
          ],
        });
        if (part.contentWarnings.length > 0) {
          flow.add({
            kind: 'text',
            frame: 'warning',
            label: 'Content warnings',
            paras: part.contentWarnings.map((warning) => textPara(warning, { bullet: { style: 'bullet', number: 1 } })),
          });
        }
        if (outline.kind === 'pack') {
          const contents = new SlideFlow(contentSlide, 'Contents');
          contents.add({
            kind: 'text',
            frame: null,
            label: null,
            paras: part.resources.map((resource, index) =>
              para(
                [
                  { ...plainRun(resource.title), bold: true },
                  { kind: 'break' },
                  plainRun([resource.version, resource.attribution].filter((text) => text !== '').join('. ')),
                ],
                { bullet: { style: 'decimal', number: index + 1 } },
              ),
            ),
          });
        }
        break;
      }
      case 'session-plan': {
        notes = '';
        const flow = new SlideFlow(contentSlide, part.title);
        if (part.contentWarnings.length > 0) {
          flow.add({
            kind: 'text',
            frame: 'warning',
            label: 'Content warnings in this session',
            paras: part.contentWarnings.map((warning) => textPara(warning, { bullet: { style: 'bullet', number: 1 } })),
          });
        }
        if (part.support.length > 0) {
          flow.add({
            kind: 'text',
            frame: null,
            label: 'Support',
            paras: part.support.map((contact) =>
              para(
                [
                  { ...plainRun(contact.name), bold: true },
                  ...[contact.description, contact.contact]
                    .filter((line) => line !== '')
                    .flatMap((line): Inline[] => [{ kind: 'break' }, plainRun(line)]),
                ],
                { bullet: { style: 'bullet', number: 1 } },
              ),
            ),
          });
        }
        break;
      }
      case 'introduction': {
        notes = '';
        new SlideFlow(contentSlide, part.title).add({
          kind: 'text',
          frame: null,
          label: null,
          paras: part.paragraphs.map((inlines) => para(inlines)),
        });
        break;
      }
      case 'resource': {
        notes = notesText(part);
        const slide = addSlide(masters.title, part.title);
        const flow = new SlideFlow(contentSlide, part.title, { slide, top: titleSlideContentTop });
        for (const piece of factParas(part.facts)) flow.add(piece);
        for (const section of sectionsOf(part)) {
          const sectionFlow = new SlideFlow(contentSlide, section.title);
          const pieces = piecesOf(section.blocks);
          for (const piece of pieces) sectionFlow.add(piece);
        }
        break;
      }
    }
  }
  const output = await pptx.write({ outputType: 'uint8array', compression: false });
  if (!(output instanceof Uint8Array)) throw new Error('PptxGenJS did not return bytes');
  return repairPresentation(output);
}

/** Every `<a:p>`: what it holds up to its close, found without crossing into the next paragraph. */
const paragraphPattern = /<a:p>([\s\S]*?)<\/a:p>/g;
const paragraphPropertiesPattern = /<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g;

/**
 * PptxGenJS 4.0.1 writes paragraph properties before every run of a paragraph, not only the first,
 * which the schema forbids (PowerPoint may offer to repair the file, and LibreOffice takes the last
 * one, losing bullets and numbers). The first run's are the paragraph's own, so the rest are removed.
 */
export function keepFirstParagraphProperties(xml: string): string {
  return xml.replace(paragraphPattern, (_paragraph, inner: string) => {
    let seen = false;
    const fixed = inner.replace(paragraphPropertiesPattern, (properties) => {
      if (seen) return '';
      seen = true;
      return properties;
    });
    return `<a:p>${fixed}</a:p>`;
  });
}

/** Speaker notes as PptxGenJS writes them: one run holding every line. */
const notesPattern =
  /<a:p><a:r><a:rPr lang="en-US" dirty="0"\/><a:t>([\s\S]*?)<\/a:t><\/a:r><a:endParaRPr lang="en-US" dirty="0"\/><\/a:p>/;

/** Speaker notes with a paragraph per line, as PowerPoint writes them, rather than line breaks inside one run. */
export function notesAsParagraphs(xml: string): string {
  return xml.replace(notesPattern, (_notes, text: string) =>
    text
      .split(/\r?\n/)
      .map((line) =>
        line === ''
          ? '<a:p><a:endParaRPr lang="en-GB" dirty="0"/></a:p>'
          : `<a:p><a:r><a:rPr lang="en-GB" dirty="0"/><a:t>${line}</a:t></a:r></a:p>`,
      )
      .join(''),
  );
}

async function repairPresentation(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) {
      zip.file(name, keepFirstParagraphProperties(await entry.async('string')));
    } else if (/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name)) {
      zip.file(name, notesAsParagraphs(await entry.async('string')));
    }
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
