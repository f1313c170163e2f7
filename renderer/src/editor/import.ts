import { generateJSON, type JSONContent } from '@tiptap/core';
import mammoth from 'mammoth';
import { Marked } from 'marked';
import { cleanHtml } from './clean-html';
import { createChorusExtensions } from './extensions';
import { imageBlobFromBytes, imageBlobFromDataUrl } from './image-files';
import { isSafeImageId, type ImageStore } from './image-store';
import { documentText } from '@core/document/text';
import { jsonDepthWithin } from '@core/json/depth';
import { maxDocumentDepth } from '@core/repository/records';
import { checkZipSizes, ZipRefused } from './zip-limits';

/** Files larger than this are refused before they are read. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** A Word document holding more than this once unpacked is refused before anything inflates it. */
export const MAX_UNPACKED_WORD_BYTES = 100 * 1024 * 1024;

export type ImportErrorReason = 'empty' | 'too-large' | 'unsupported-type' | 'damaged';

const messages: Readonly<Record<ImportErrorReason, string>> = {
  empty: 'This file is empty, so there is nothing to import.',
  'too-large':
    'This file is too big to import. Chorus can import files of up to 20 MB. Try removing large pictures, or splitting the document into smaller parts.',
  'unsupported-type':
    'Chorus cannot import this kind of file. You can import Word documents (.docx), Markdown files (.md) and plain text files (.txt).',
  damaged: 'This file could not be read. It may be damaged.',
};

const damagedWordMessage =
  'This file could not be read as a Word document. It may be damaged, or saved in an older format (.doc). Try saving it as .docx and import it again.';
const oldWordMessage =
  'Chorus cannot read older Word documents (.doc). Open the file in Word or LibreOffice, save it as .docx, and import it again.';
const unpackedTooLargeMessage =
  'This Word document is too big to import: unpacked, it holds more than 100 MB. Try removing large pictures, or splitting the document into smaller parts.';
const tooDeepMessage =
  'This file is too deeply nested to import: it has lists or quotes inside each other more deeply than any document needs. Try flattening them, or saving it as plain text.';
const damagedTextMessage =
  'This file could not be read as text. It may be damaged, or it may not be a text file. Try opening it in a text editor and saving it as plain text.';

/** Why a file could not be imported, with a message in plain words to show as it is. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly reason: ImportErrorReason;

  constructor(reason: ImportErrorReason, message: string = messages[reason], options?: ErrorOptions) {
    super(message, options);
    this.reason = reason;
  }
}

/** What import needs of a file; a DOM `File` has all of it. */
export interface ImportableFile {
  name: string;
  /** When known, lets an oversized file be refused without reading it. */
  size?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}

export interface ImportedDocument {
  title: string;
  doc: JSONContent;
  /** Something the person should check, said once the draft opens (an encoding guessed). */
  notice?: string;
}

/** Said when a text file was not UTF-8, so its letters were read as an older Windows file's. */
export const windows1252Notice =
  'This file was not saved as UTF-8, so Chorus read it as an older Windows file (Western European letters). Check that accented letters, quotes and symbols look right.';

type FileKind = 'docx' | 'markdown' | 'text' | 'old-word';

function kindOf(name: string): FileKind | null {
  const extension = /\.([^./\\]+)$/.exec(name.trim())?.[1]?.toLowerCase();
  switch (extension) {
    case 'docx':
      return 'docx';
    case 'md':
    case 'markdown':
      return 'markdown';
    case 'txt':
      return 'text';
    case 'doc':
      return 'old-word';
    default:
      return null;
  }
}

function titleFromFileName(name: string): string {
  const base = name
    .split(/[/\\]/)
    .pop()
    ?.replace(/\.[^.]+$/, '')
    .trim();
  return base === undefined || base === '' ? 'Untitled' : base;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** HTML from a converter, plus the pictures it found, kept aside under temporary ids until the end. */
interface Converted {
  html: string;
  pictures: Map<string, Blob>;
}

/** The characters Windows-1252 puts where Latin-1 has control codes (0x80–0x9f). */
const windows1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decodes Windows-1252 by hand: Node's TextDecoder treats that label as Latin-1, which would turn
 * Word's curly quotes into control characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    let chunk = '';
    for (const byte of bytes.subarray(start, start + 8192)) {
      chunk += byte >= 0x80 && byte < 0xa0 ? windows1252.charAt(byte - 0x80) : String.fromCharCode(byte);
    }
    parts.push(chunk);
  }
  return parts.join('');
}

/**
 * Text files come in many encodings. UTF-8 (with or without a byte order mark) and UTF-16 with a
 * byte order mark are read as such; anything else that is not valid UTF-8 is most likely an older
 * Windows file, read as Windows-1252 rather than shown with replacement characters.
 */
function decodeText(bytes: Uint8Array): { text: string; guessed: boolean } {
  let text: string;
  let guessed = false;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = decodeWindows1252(bytes);
      guessed = true;
    }
  }
  // Control characters other than tab, newline and carriage return do not occur in real text files.
  // eslint-disable-next-line no-control-regex
  const controls = text.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g)?.length ?? 0;
  if (text.includes('\u0000') || controls > text.length / 100) {
    throw new ImportError('damaged', damagedTextMessage);
  }
  return { text, guessed };
}

function textToHtml(text: string): Converted {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .filter((paragraph) => paragraph.trim() !== '')
    .map(
      (paragraph) =>
        `<p>${paragraph
          .replace(/^\n+|\n+$/g, '')
          .split('\n')
          .map(escapeHtml)
          .join('<br>')}</p>`,
    );
  return { html: paragraphs.join(''), pictures: new Map() };
}

const markdown = new Marked({ gfm: true, breaks: false });

/**
 * How deeply a Markdown text nests at most: quote markers and list indentation (two columns a
 * level) at the start of each line. Read line by line before parsing, since the parser re-reads
 * each level's content and recurses into it, so thousands of levels take it minutes and gigabytes.
 */
function markdownNesting(text: string): number {
  let deepest = 0;
  for (const line of text.split('\n')) {
    const lead = /^[ \t>]*/.exec(line)?.[0] ?? '';
    let quotes = 0;
    let columns = 0;
    for (const character of lead) {
      if (character === '>') quotes += 1;
      else columns += character === '\t' ? 4 : 1;
    }
    deepest = Math.max(deepest, quotes + Math.floor(columns / 2));
  }
  return deepest;
}

function markdownToHtml(text: string): Converted {
  if (markdownNesting(text) > maxDocumentDepth) throw new ImportError('damaged', tooDeepMessage);
  let html: string;
  try {
    html = markdown.parse(text, { async: false });
  } catch (error) {
    if (error instanceof RangeError) throw new ImportError('damaged', tooDeepMessage, { cause: error });
    throw new ImportError('damaged', damagedTextMessage, { cause: error });
  }
  return { html, pictures: new Map() };
}

/** Word's own paragraph styles that mean something in Chorus, beyond mammoth's defaults. */
const wordStyleMap = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  'u => u',
  'highlight => mark',
];

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

async function docxToHtml(buffer: ArrayBuffer): Promise<Converted> {
  if (!isZip(new Uint8Array(buffer))) throw new ImportError('damaged', damagedWordMessage);
  try {
    await checkZipSizes(new Uint8Array(buffer), MAX_UNPACKED_WORD_BYTES);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    if (error.reason === 'too-large') throw new ImportError('too-large', unpackedTooLargeMessage, { cause: error });
    throw new ImportError('damaged', damagedWordMessage, { cause: error });
  }
  const pictures = new Map<string, Blob>();
  const convertImage = mammoth.images.imgElement(async (image) => {
    const blob = imageBlobFromBytes(new Uint8Array(await image.readAsArrayBuffer()));
    // Formats browsers cannot show (EMF, WMF, TIFF) are left out; an img without a reference is dropped by cleaning.
    if (blob === null) return { src: '' };
    const imageId = `import-${pictures.size + 1}`;
    pictures.set(imageId, blob);
    const attributes = { src: '', 'data-image-id': imageId };
    return attributes;
  });
  // mammoth reads `arrayBuffer` in its browser build and `buffer` in its Node build (used by the tests);
  // JSZip accepts an ArrayBuffer for either, so both are given.
  const input = { arrayBuffer: buffer, buffer };
  try {
    const result = await mammoth.convertToHtml(input, {
      convertImage,
      styleMap: wordStyleMap,
      externalFileAccess: false,
    });
    return { html: result.value, pictures };
  } catch (error) {
    throw new ImportError('damaged', damagedWordMessage, { cause: error });
  }
}

/** Pictures written into Markdown as `data:` URLs are decoded now and stored only at the end. */
function takeEmbeddedPictures(images: HTMLImageElement[], pictures: Map<string, Blob>): void {
  for (const image of images) {
    const blob = imageBlobFromDataUrl(image.getAttribute('src') ?? '');
    if (blob === null) {
      image.remove();
      continue;
    }
    const imageId = `import-${pictures.size + 1}`;
    pictures.set(imageId, blob);
    image.removeAttribute('src');
    image.setAttribute('data-image-id', imageId);
  }
}

/** The first non-empty `h1` becomes the title and leaves the body; any other `h1` becomes `h2`. */
function takeTitle(body: HTMLElement): string | null {
  let title: string | null = null;
  for (const heading of Array.from(body.querySelectorAll('h1'))) {
    const text = heading.textContent.replace(/\s+/g, ' ').trim();
    if (title === null && text !== '') {
      title = text;
      heading.remove();
      continue;
    }
    const replacement = body.ownerDocument.createElement('h2');
    replacement.append(...Array.from(heading.childNodes));
    heading.replaceWith(replacement);
  }
  return title;
}

function collectImageIds(node: JSONContent, into: Set<string>): void {
  const stack: JSONContent[] = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    const imageId: unknown = current.attrs?.imageId;
    if (current.type === 'chorusImage' && typeof imageId === 'string') into.add(imageId);
    if (current.content !== undefined) stack.push(...current.content);
  }
}

function replaceImageIds(node: JSONContent, ids: ReadonlyMap<string, string>): JSONContent {
  const imageId: unknown = node.attrs?.imageId;
  if (node.type === 'chorusImage' && typeof imageId === 'string') {
    return { ...node, attrs: { ...node.attrs, imageId: ids.get(imageId) ?? imageId } };
  }
  if (node.content === undefined) return node;
  return { ...node, content: node.content.map((child) => replaceImageIds(child, ids)) };
}

async function readBytes(file: ImportableFile): Promise<ArrayBuffer> {
  try {
    return await file.arrayBuffer();
  } catch (error) {
    throw new ImportError('damaged', messages.damaged, { cause: error });
  }
}

/**
 * Turns a Word, Markdown or plain text file into a Chorus document and its title. Every format goes
 * to HTML, through the same cleaning as paste, and then through `generateJSON` with the Chorus
 * extensions, so the result always fits the schema.
 *
 * Pictures are kept aside while converting and stored only once the whole conversion has worked, so
 * a file that fails leaves nothing behind in the image store. If storing itself fails, that error is
 * passed on as it is.
 */
export async function importFile(file: ImportableFile, images: ImageStore): Promise<ImportedDocument> {
  const kind = kindOf(file.name);
  if (kind === null) throw new ImportError('unsupported-type');
  if (kind === 'old-word') throw new ImportError('unsupported-type', oldWordMessage);
  if (file.size !== undefined && file.size > MAX_IMPORT_BYTES) throw new ImportError('too-large');

  const buffer = await readBytes(file);
  if (buffer.byteLength > MAX_IMPORT_BYTES) throw new ImportError('too-large');
  if (buffer.byteLength === 0) throw new ImportError('empty');

  let converted: Converted;
  let guessedEncoding = false;
  if (kind === 'docx') converted = await docxToHtml(buffer);
  else {
    const { text, guessed } = decodeText(new Uint8Array(buffer));
    guessedEncoding = guessed;
    converted = kind === 'markdown' ? markdownToHtml(text) : textToHtml(text);
  }

  const { pictures } = converted;
  let heading: string | null;
  let doc: JSONContent;
  try {
    const { body, embeddedImages } = cleanHtml(converted.html, {
      keepImageRef: (imageId) => pictures.has(imageId),
      keepEmbeddedImages: kind === 'markdown',
      keepHeading1: true,
    });
    takeEmbeddedPictures(embeddedImages, pictures);
    heading = takeTitle(body);
    doc = generateJSON(body.innerHTML, createChorusExtensions({ images })) as JSONContent;
    if (!jsonDepthWithin(doc, 2 * maxDocumentDepth)) throw new ImportError('damaged', tooDeepMessage);
  } catch (error) {
    // Cleaning and the schema walk the tree recursively: past some depth the stack runs out.
    if (error instanceof RangeError) throw new ImportError('damaged', tooDeepMessage, { cause: error });
    throw error;
  }
  const usedImageIds = new Set<string>();
  collectImageIds(doc, usedImageIds);
  if (heading === null && usedImageIds.size === 0 && documentText(doc).trim() === '') {
    throw new ImportError('empty');
  }

  const storedIds = new Map<string, string>();
  for (const imageId of usedImageIds) {
    const picture = pictures.get(imageId);
    if (picture === undefined) continue;
    const storedId = await images.store(picture);
    if (!isSafeImageId(storedId))
      throw new Error(`The image store returned an unusable id: ${JSON.stringify(storedId)}`);
    storedIds.set(imageId, storedId);
  }

  return {
    title: heading ?? titleFromFileName(file.name),
    doc: replaceImageIds(doc, storedIds),
    ...(guessedEncoding ? { notice: windows1252Notice } : {}),
  };
}
