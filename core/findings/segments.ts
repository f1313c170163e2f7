import { attrOf, childrenOf, textOf, typeOf, type DocumentNode, type JsonObject } from '../document/model';
import { walkDocument } from '../document/walk';

/**
 * Where something shared sits: the resource's details (title, summary, topics, content warnings), a
 * block of its text (`text`, counted over every paragraph and heading of the document, empty ones too,
 * in document order, as the editor counts its text blocks), or a picture's description (counted over
 * the document's pictures).
 */
export const findingAreas = ['title', 'summary', 'topic', 'content-warning', 'text', 'picture'] as const;
export type FindingArea = (typeof findingAreas)[number];

/** What holds a block of text, so a finding can say where it is. */
export const blockHolders = ['paragraph', 'heading', 'table', 'content-warning', 'in-my-words', 'list'] as const;
export type BlockHolder = (typeof blockHolders)[number];

/** A place in what is shared: the area, which one of it (0 for the title and summary), and the words. */
export interface FindingPlace {
  area: FindingArea;
  index: number;
  /** UTF-16 offsets into that one field, block or description, end exclusive. */
  from: number;
  to: number;
  /** For `text`: what holds the block. */
  holder?: BlockHolder;
}

/** The details of a resource that are shared with it. */
export interface SharedDetails {
  title: string;
  summary: string;
  topics: readonly string[];
  contentWarnings: readonly string[];
}

/** One piece of shared writing to check on its own. */
export interface Segment {
  area: FindingArea;
  index: number;
  text: string;
  holder?: BlockHolder;
}

/** A block of the document's text and the holder it is in. */
export interface TextBlock {
  text: string;
  holder: BlockHolder;
}

const textBlockTypes = new Set(['paragraph', 'heading']);

const holderOfContainer: ReadonlyMap<string, BlockHolder> = new Map([
  ['tableCell', 'table'],
  ['tableHeader', 'table'],
  ['contentWarning', 'content-warning'],
  ['inMyWords', 'in-my-words'],
  ['listItem', 'list'],
]);

/** A text block's words as the editor holds them: text as it is, each line break one `\n`. */
function blockText(node: JsonObject): string {
  let text = '';
  for (const child of childrenOf(node)) {
    const type = typeOf(child);
    if (type === 'text') text += textOf(child as JsonObject);
    else if (type === 'hardBreak') text += '\n';
  }
  return text;
}

/**
 * The document's text blocks and picture descriptions, in document order. Each block's offsets are
 * the editor's: position `p` of a block's text is offset `p - blockStart - 1`, because the document
 * holds only text and line breaks inside a paragraph or heading.
 */
export function documentParts(doc: DocumentNode): { blocks: TextBlock[]; pictures: string[] } {
  const blocks: TextBlock[] = [];
  const pictures: string[] = [];
  const holders: (BlockHolder | undefined)[] = [];
  walkDocument(doc, {
    enter(node) {
      const type = typeOf(node);
      if (textBlockTypes.has(type)) {
        blocks.push({
          text: blockText(node),
          holder: holders.at(-1) ?? (type === 'heading' ? 'heading' : 'paragraph'),
        });
        return false;
      }
      if (type === 'chorusImage') {
        const alt = attrOf(node, 'alt');
        pictures.push(typeof alt === 'string' ? alt : '');
        return false;
      }
      // The innermost holder says most: a table inside a content-warning block is a table.
      holders.push(holderOfContainer.get(type) ?? holders.at(-1));
      return undefined;
    },
    leave(node) {
      if (!textBlockTypes.has(typeOf(node)) && typeOf(node) !== 'chorusImage') holders.pop();
    },
  });
  // The document node itself was entered and left, so `holders` is empty again here.
  return { blocks, pictures };
}

/** Everything that is shared, as segments: details first, then the text's blocks, then pictures. */
export function sharedSegments(details: SharedDetails, doc: DocumentNode): Segment[] {
  const { blocks, pictures } = documentParts(doc);
  return [
    { area: 'title', index: 0, text: details.title },
    { area: 'summary', index: 0, text: details.summary },
    ...details.topics.map((text, index): Segment => ({ area: 'topic', index, text })),
    ...details.contentWarnings.map((text, index): Segment => ({ area: 'content-warning', index, text })),
    ...blocks.map(({ text, holder }, index): Segment => ({ area: 'text', index, text, holder })),
    ...pictures.map((text, index): Segment => ({ area: 'picture', index, text })),
  ];
}

const areaWords: Record<Exclude<FindingArea, 'text'>, string> = {
  title: 'the title',
  summary: 'the summary',
  topic: 'the topics',
  'content-warning': 'the content warnings',
  picture: 'a picture description',
};

const holderWords: Record<BlockHolder, string> = {
  paragraph: 'the text',
  heading: 'a heading',
  table: 'a table',
  'content-warning': 'a content-warning block',
  'in-my-words': 'an “in my words” block',
  list: 'a list',
};

/** Where a finding is, in words that follow "in": "the title", "a table". */
export function placeWords(place: Pick<FindingPlace, 'area' | 'holder'>): string {
  return place.area === 'text' ? holderWords[place.holder ?? 'paragraph'] : areaWords[place.area];
}
