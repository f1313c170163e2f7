import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IBordersOptions,
  type IRunOptions,
  type ILevelsOptions,
  type ISectionOptions,
  type IShadingAttributesProperties,
  type ParagraphChild,
} from 'docx';
import {
  plainRun,
  type Block,
  type Inline,
  type ListStyle,
  type TableCell as CellModel,
  type TextRun as RunModel,
} from '@core/document/export-blocks';
import {
  trainerNotesTitle,
  type CoverPart,
  type ExportOutline,
  type Fact,
  type IntroductionPart,
  type ResourcePart,
  type SessionPlanPart,
} from './outline';

/** A4 in twentieths of a point, with 2 cm margins. */
const page = { width: 11906, height: 16838, margin: 1134 };
const textWidth = page.width - 2 * page.margin;
/** Word refuses tables wider than this many columns. */
const maxColumns = 63;
const listStep = 360;

const colours = {
  text: '1D1D1F',
  muted: '4A4A52',
  link: '0B4FA8',
  warningBorder: 'A86B00',
  warningFill: 'FDF3DC',
  wordsBorder: '5B7DB1',
  wordsFill: 'EEF3FB',
  quoteBorder: 'C9C9CF',
  headerFill: 'F1F1F4',
  notesBorder: '4A4A52',
  notesFill: 'F6F6F8',
} as const;

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

function headingStyle(level: number): (typeof headingLevels)[number] {
  return headingLevels[Math.min(6, Math.max(1, level)) - 1] ?? HeadingLevel.HEADING_6;
}

/** The box a block sits in (a content warning, "in my words", a quote), drawn on each of its paragraphs. */
interface Frame {
  border: string;
  fill: string | null;
}

interface Context {
  /** Left indent in twips from enclosing boxes and list items. */
  indent: number;
  frame: Frame | null;
  /** Bold for the runs of header cells. */
  bold: boolean;
  align: CellModel['align'];
}

const topLevel: Context = { indent: 0, frame: null, bold: false, align: null };

type Body = (Paragraph | Table)[];

/** A run from options only: `TextRun` also takes a bare string, and options typed as such keep their meaning clear. */
function textOf(options: IRunOptions): TextRun {
  return new TextRun(options);
}

/** The numbering definitions one document needs, made as lists turn up, and a fresh instance per list. */
class Numbering {
  private readonly references = new Map<string, { style: ListStyle; start: number }>();
  private instance = 0;

  use(style: ListStyle, start: number): { reference: string; instance: number } {
    const reference = style === 'bullet' ? 'chorus-bullet' : `chorus-${style}-${start}`;
    this.references.set(reference, { style, start });
    this.instance += 1;
    return { reference, instance: this.instance };
  }

  config(): { reference: string; levels: ILevelsOptions[] }[] {
    return [...this.references].map(([reference, { style, start }]) => ({
      reference,
      levels: Array.from({ length: 9 }, (_, level) => levelOf(style, start, level)),
    }));
  }
}

const bulletGlyphs = ['•', '◦', '▪'] as const;
const orderedFormats = {
  decimal: LevelFormat.DECIMAL,
  'lower-alpha': LevelFormat.LOWER_LETTER,
  'upper-alpha': LevelFormat.UPPER_LETTER,
  'lower-roman': LevelFormat.LOWER_ROMAN,
  'upper-roman': LevelFormat.UPPER_ROMAN,
} as const;

/** A list item's number or bullet sits at its level's step in from the text around it; its text one step further. */
function listIndent(base: number, level: number): { left: number; hanging: number } {
  return { left: base + listStep * (level + 1), hanging: listStep };
}

function levelOf(style: ListStyle, start: number, level: number): ILevelsOptions {
  const indent = listIndent(0, level);
  if (style === 'bullet') {
    return {
      level,
      format: LevelFormat.BULLET,
      text: bulletGlyphs[level % bulletGlyphs.length] ?? '•',
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent } },
    };
  }
  return {
    level,
    format: orderedFormats[style],
    text: `%${level + 1}.`,
    start,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent } },
  };
}

function frameOptions(context: Context): { border?: IBordersOptions; shading?: IShadingAttributesProperties } {
  if (context.frame === null) return {};
  return {
    border: { left: { style: BorderStyle.SINGLE, size: 24, color: context.frame.border, space: 8 } },
    ...(context.frame.fill === null
      ? {}
      : { shading: { type: ShadingType.CLEAR, color: 'auto', fill: context.frame.fill } }),
  };
}

function alignment(align: CellModel['align']) {
  switch (align) {
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
      return AlignmentType.RIGHT;
    case 'left':
      return AlignmentType.LEFT;
    default:
      return undefined;
  }
}

function textRun(run: RunModel, context: Context, style?: string): TextRun {
  // Bold and italic only where set, so a heading's own style (bold) is never switched off.
  return textOf({
    text: run.text,
    ...(run.bold || context.bold ? { bold: true } : {}),
    ...(run.italic ? { italics: true } : {}),
    ...(run.underline ? { underline: {} } : {}),
    ...(run.highlight ? { highlight: 'yellow' as const } : {}),
    ...(style === undefined ? {} : { style }),
  });
}

/** Runs of a paragraph; neighbouring runs with the same link address become one hyperlink. */
function runs(inlines: readonly Inline[], context: Context): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let linkHref: string | null = null;
  let linkRuns: TextRun[] = [];
  const flush = () => {
    if (linkHref !== null) children.push(new ExternalHyperlink({ link: linkHref, children: linkRuns }));
    linkHref = null;
    linkRuns = [];
  };
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      flush();
      children.push(textOf({ break: 1 }));
    } else if (inline.href === null) {
      flush();
      children.push(textRun(inline, context));
    } else {
      if (linkHref !== inline.href) flush();
      linkHref = inline.href;
      linkRuns.push(textRun(inline, context, 'Hyperlink'));
    }
  }
  flush();
  return children;
}

interface ListNumbering {
  reference: string;
  level: number;
  instance: number;
}

function paragraph(inlines: readonly Inline[], context: Context, numbering?: ListNumbering): Paragraph {
  // A list item carries its indent too, so a box drawn around a list lines up with the box's other paragraphs.
  const indent =
    numbering === undefined
      ? context.indent > 0
        ? { left: context.indent }
        : undefined
      : listIndent(context.indent, numbering.level);
  return new Paragraph({
    children: runs(inlines, context),
    ...frameOptions(context),
    ...(indent === undefined ? {} : { indent }),
    ...(alignment(context.align) === undefined ? {} : { alignment: alignment(context.align) }),
    ...(numbering === undefined ? {} : { numbering, contextualSpacing: true }),
  });
}

function label(text: string, context: Context): Paragraph {
  return new Paragraph({
    children: [textOf({ text, bold: true })],
    keepNext: true,
    spacing: { after: 60 },
    ...frameOptions(context),
    ...(context.indent > 0 ? { indent: { left: context.indent } } : {}),
  });
}

function plainParagraph(text: string, options: { bold?: boolean; colour?: string } = {}): Paragraph {
  return new Paragraph({
    children: [textOf({ text, bold: options.bold ?? false, ...(options.colour ? { color: options.colour } : {}) })],
  });
}

function columnsOf(rows: readonly CellModel[][]): number {
  const widest = Math.max(
    1,
    ...rows.map((row) => row.reduce((sum, cell) => sum + Math.min(cell.colspan, maxColumns), 0)),
  );
  return Math.min(maxColumns, widest);
}

function table(rows: readonly CellModel[][], context: Context, numbering: Numbering): Table {
  const columns = columnsOf(rows);
  const width = Math.max(columns * 200, textWidth - context.indent);
  const columnWidth = Math.floor(width / columns);
  const headerRow = rows[0]?.every((cell) => cell.header) === true;
  return new Table({
    width: { size: columnWidth * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => columnWidth),
    ...(context.indent > 0 ? { indent: { size: context.indent, type: WidthType.DXA } } : {}),
    rows: rows.map(
      (row, rowIndex) =>
        new TableRow({
          tableHeader: rowIndex === 0 && headerRow,
          cantSplit: true,
          children: row.map((cell) => {
            const colspan = Math.min(cell.colspan, columns);
            const rowspan = Math.min(cell.rowspan, rows.length - rowIndex);
            const cellContext: Context = { indent: 0, frame: null, bold: cell.header, align: cell.align };
            const children = blocks(cell.blocks, cellContext, numbering);
            return new TableCell({
              children: children.length > 0 ? children : [new Paragraph({})],
              width: { size: columnWidth * colspan, type: WidthType.DXA },
              ...(colspan > 1 ? { columnSpan: colspan } : {}),
              ...(rowspan > 1 ? { rowSpan: rowspan } : {}),
              ...(cell.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: colours.headerFill } } : {}),
            });
          }),
        }),
    ),
  });
}

function list(block: Extract<Block, { kind: 'list' }>, context: Context, numbering: Numbering, level: number): Body {
  const { reference, instance } = numbering.use(block.style, block.start);
  const body: Body = [];
  const itemIndent = listStep * (level + 1);
  for (const item of block.items) {
    item.forEach((child, index) => {
      if (index === 0 && child.kind === 'paragraph') {
        body.push(paragraph(child.inlines, context, { reference, level, instance }));
        return;
      }
      if (child.kind === 'list') {
        body.push(...list(child, context, numbering, Math.min(8, level + 1)));
        return;
      }
      // Further paragraphs of an item line up with its text, without a number of their own.
      body.push(...blocks([child], { ...context, indent: context.indent + itemIndent }, numbering));
    });
  }
  return body;
}

function framed(
  title: string | null,
  children: readonly Block[],
  frame: Frame,
  context: Context,
  numbering: Numbering,
): Body {
  const inner: Context = { ...context, frame, indent: context.indent + 170 };
  return [...(title === null ? [] : [label(title, inner)]), ...blocks(children, inner, numbering)];
}

function blocks(items: readonly Block[], context: Context, numbering: Numbering): Body {
  const body: Body = [];
  for (const block of items) {
    switch (block.kind) {
      case 'paragraph':
        body.push(paragraph(block.inlines, context));
        break;
      case 'heading':
        body.push(
          new Paragraph({
            heading: headingStyle(block.level),
            children: runs(block.inlines, { ...context, bold: false }),
            ...(context.indent > 0 ? { indent: { left: context.indent } } : {}),
          }),
        );
        break;
      case 'list':
        body.push(...list(block, context, numbering, 0));
        break;
      case 'table':
        body.push(table(block.rows, context, numbering), new Paragraph({ spacing: { after: 0 } }));
        break;
      case 'content-warning':
        body.push(
          ...framed(
            'Content warning',
            block.blocks,
            { border: colours.warningBorder, fill: colours.warningFill },
            context,
            numbering,
          ),
        );
        break;
      case 'in-my-words':
        body.push(
          ...framed(
            'In my words',
            block.blocks,
            { border: colours.wordsBorder, fill: colours.wordsFill },
            context,
            numbering,
          ),
        );
        break;
      case 'quote':
        body.push(...framed(null, block.blocks, { border: colours.quoteBorder, fill: null }, context, numbering));
        break;
      case 'picture': {
        const text = block.alt === '' ? 'Decorative picture' : `Picture: ${block.alt}`;
        const dashed = { style: BorderStyle.DASHED, size: 8, color: '8A8A93', space: 4 };
        body.push(
          new Paragraph({
            children: [textOf({ text, italics: true, color: colours.muted })],
            border: { top: dashed, bottom: dashed, left: dashed, right: dashed },
            ...(context.indent > 0 ? { indent: { left: context.indent } } : {}),
          }),
        );
        break;
      }
      case 'rule':
        body.push(new Paragraph({ thematicBreak: true }));
        break;
    }
  }
  return body;
}

function bookmarkId(anchor: string): string {
  // Word's bookmark names are letters, digits and underscores, starting with a letter.
  return anchor.replace(/[^A-Za-z0-9_]/g, '_');
}

function bulletList(items: readonly string[], numbering: Numbering, context: Context = topLevel): Paragraph[] {
  const { reference, instance } = numbering.use('bullet', 1);
  return items.map((item) => paragraph([plainRun(item)], context, { reference, level: 0, instance }));
}

function factsBody(facts: readonly Fact[], numbering: Numbering): Body {
  const body: Body = [];
  for (const fact of facts) {
    if (fact.label === 'Content warnings') {
      const frame: Context = { ...topLevel, frame: { border: colours.warningBorder, fill: colours.warningFill } };
      body.push(label(fact.label, frame), ...bulletList(fact.items, numbering, frame));
      continue;
    }
    body.push(
      new Paragraph({
        children: [textOf({ text: `${fact.label}: `, bold: true }), new TextRun(fact.items.join(', '))],
      }),
    );
  }
  return body;
}

function paragraphs(items: readonly Inline[][]): Paragraph[] {
  return items.map((inlines) => paragraph(inlines, topLevel));
}

function coverBody(cover: CoverPart, outline: ExportOutline, numbering: Numbering): Body {
  const body: Body = [
    new Paragraph({
      children: [textOf({ text: cover.label.toUpperCase(), bold: true, color: colours.muted, size: 22 })],
      spacing: { before: 2400, after: 120 },
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(cover.title)] }),
    ...(cover.use === '' ? [] : [new Paragraph({ children: [textOf({ text: cover.use, bold: true })] })]),
    ...paragraphs(cover.description),
  ];
  if (cover.contentWarnings.length > 0) {
    const frame: Context = { ...topLevel, frame: { border: colours.warningBorder, fill: colours.warningFill } };
    body.push(label('Content warnings', frame), ...bulletList(cover.contentWarnings, numbering, frame));
  }
  if (outline.kind === 'pack' || cover.resources.length > 1) {
    body.push(label('Contents', topLevel));
    const { reference, instance } = numbering.use('decimal', 1);
    for (const resource of cover.resources) {
      body.push(
        new Paragraph({
          numbering: { reference, level: 0, instance },
          children: [
            new InternalHyperlink({
              anchor: bookmarkId(resource.anchor),
              children: [textOf({ text: resource.title, style: 'Hyperlink' })],
            }),
            textOf({ break: 1 }),
            textOf({
              text: [resource.version, resource.attribution].filter((text) => text !== '').join('. '),
              color: colours.muted,
            }),
          ],
        }),
      );
    }
  } else {
    for (const resource of cover.resources) {
      if (resource.attribution !== '') body.push(plainParagraph(resource.attribution));
      body.push(plainParagraph(resource.version, { colour: colours.muted }));
    }
  }
  return body;
}

function sessionPlanBody(part: SessionPlanPart, numbering: Numbering): Body {
  const body: Body = [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(part.title)] })];
  if (part.contentWarnings.length > 0) {
    body.push(
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Content warnings in this session')] }),
      ...bulletList(part.contentWarnings, numbering),
    );
  }
  if (part.support.length > 0) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Support')] }));
    const { reference, instance } = numbering.use('bullet', 1);
    for (const contact of part.support) {
      const lines = [contact.description, contact.contact].filter((line) => line !== '');
      body.push(
        new Paragraph({
          numbering: { reference, level: 0, instance },
          children: [
            textOf({ text: contact.name, bold: true }),
            ...lines.flatMap((line) => [textOf({ break: 1 }), new TextRun(line)]),
          ],
        }),
      );
    }
  }
  return body;
}

function introductionBody(part: IntroductionPart): Body {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(part.title)] }),
    ...paragraphs(part.paragraphs),
  ];
}

function resourceBody(part: ResourcePart, numbering: Numbering): Body {
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new Bookmark({ id: bookmarkId(part.anchor), children: [new TextRun(part.title)] })],
    }),
    ...factsBody(part.facts, numbering),
    ...blocks(part.blocks, topLevel, numbering),
  ];
}

function notesBody(part: ResourcePart): Body {
  const frame: Context = { ...topLevel, frame: { border: colours.notesBorder, fill: colours.notesFill } };
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(trainerNotesTitle)] }),
    new Paragraph({
      children: [textOf({ text: `For the trainer, with “${part.title}”. Not for handing out.`, color: colours.muted })],
    }),
    ...part.trainerNotes.map((inlines) => paragraph(inlines, frame)),
  ];
}

function runningHeader(text: string): Header {
  return new Header({
    children: [new Paragraph({ children: [textOf({ text, color: colours.muted, size: 18 })] })],
  });
}

const pageFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          textOf({
            children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
            color: colours.muted,
            size: 18,
          }),
        ],
      }),
    ],
  });

function section(children: Body, header: string | null): ISectionOptions {
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      page: {
        size: { width: page.width, height: page.height },
        margin: {
          top: page.margin,
          bottom: page.margin,
          left: page.margin,
          right: page.margin,
          header: 567,
          footer: 567,
        },
      },
    },
    ...(header === null ? {} : { headers: { default: runningHeader(header) }, footers: { default: pageFooter() } }),
    children,
  };
}

const font = 'Arial';

/**
 * The export as a Word document: a cover, then the session plan, the introduction and each
 * resource in sections of their own, each resource's trainer notes in a section after it. Headings
 * use Word's built-in Heading 1 to 6 styles, so the navigation pane and a table of contents work;
 * lists are Word lists; pictures are their text alternative. The document's properties hold the
 * title and "Chorus" only.
 */
export async function writeDocx(outline: ExportOutline): Promise<Uint8Array> {
  const numbering = new Numbering();
  const sections: ISectionOptions[] = [];
  for (const part of outline.parts) {
    switch (part.kind) {
      case 'cover':
        sections.push(section(coverBody(part, outline, numbering), null));
        break;
      case 'session-plan':
        sections.push(section(sessionPlanBody(part, numbering), outline.title));
        break;
      case 'introduction':
        sections.push(section(introductionBody(part), outline.title));
        break;
      case 'resource':
        sections.push(section(resourceBody(part, numbering), outline.title));
        if (part.trainerNotes.length > 0) {
          sections.push(section(notesBody(part), `${trainerNotesTitle}: ${part.title}`));
        }
        break;
    }
  }
  const heading = (size: number, level: number, italics = false) => ({
    run: { font, size, bold: true, italics, color: colours.text },
    paragraph: { spacing: { before: 320, after: 120 }, keepNext: true, keepLines: true, outlineLevel: level },
  });
  const document = new Document({
    title: outline.title,
    creator: 'Chorus',
    lastModifiedBy: 'Chorus',
    styles: {
      default: {
        document: {
          run: { font, size: 24, color: colours.text, language: { value: 'en-GB' } },
          paragraph: { spacing: { after: 160, line: 288, lineRule: LineRuleType.AUTO } },
        },
        title: { run: { font, size: 52, bold: true, color: colours.text }, paragraph: { spacing: { after: 240 } } },
        heading1: heading(36, 0),
        heading2: heading(30, 1),
        heading3: heading(26, 2),
        heading4: heading(24, 3),
        heading5: heading(24, 4, true),
        heading6: heading(22, 5, true),
        hyperlink: { run: { color: colours.link, underline: {} } },
      },
    },
    numbering: { config: numbering.config() },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
