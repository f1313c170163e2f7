// @vitest-environment happy-dom
import {
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { findDocumentError } from '../../../renderer/src/editor/extensions';
import { ImportError, importFile, windows1252Notice, type ImportableFile } from '../../../renderer/src/editor/import';
import { documentText } from '@core/document/text';
import { createMemoryImageStore, nodesOfType, tinyPng, tinyPngDataUrl } from '../../helpers/editor';

/**
 * Marks a stored zip entry (whose bytes are already raw deflate) as deflated, claiming
 * `claimedSize` unpacked, in its local header and in the central directory.
 */
function asDeflatedEntry(zip: Uint8Array, name: string, claimedSize: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  const nameBytes = new TextEncoder().encode(name);
  const matchesName = (at: number) => nameBytes.every((byte, index) => bytes[at + index] === byte);
  for (let at = 0; at + 46 < bytes.length; at += 1) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && view.getUint16(at + 26, true) === nameBytes.length && matchesName(at + 30)) {
      view.setUint16(at + 8, 8, true);
      view.setUint32(at + 22, claimedSize, true);
    }
    if (signature === 0x02014b50 && view.getUint16(at + 28, true) === nameBytes.length && matchesName(at + 46)) {
      view.setUint16(at + 10, 8, true);
      view.setUint32(at + 24, claimedSize, true);
    }
  }
  return bytes;
}

function fileOf(name: string, content: Uint8Array | string): ImportableFile {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: bytes.byteLength,
    arrayBuffer: () => Promise.resolve(bytes.slice().buffer),
    text: () => Promise.resolve(new TextDecoder().decode(bytes)),
  };
}

async function docxFile(name: string, children: ISectionOptions['children']): Promise<ImportableFile> {
  const buffer = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  return fileOf(name, new Uint8Array(buffer));
}

async function importError(file: ImportableFile, images = createMemoryImageStore()): Promise<ImportError> {
  const error: unknown = await importFile(file, images).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect(images.pictures.size).toBe(0);
  return error as ImportError;
}

const boldRun: IRunOptions = { text: 'bold', bold: true };

describe('importing a Word document', () => {
  it('keeps headings, paragraphs, lists, tables and pictures, and takes the first Heading 1 as the title', async () => {
    const file = await docxFile('Draft from Word.docx', [
      new Paragraph({ text: 'Keeping safe online', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ children: [new TextRun('Some '), new TextRun(boldRun), new TextRun(' words.')] }),
      new Paragraph({ text: 'What helps', heading: HeadingLevel.HEADING_2 }),
      new Paragraph({ text: 'Listening', bullet: { level: 0 } }),
      new Paragraph({ text: 'Believing', bullet: { level: 0 } }),
      new Table({
        rows: [
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph('Sign')] }),
              new TableCell({ children: [new Paragraph('Meaning')] }),
            ],
          }),
          new TableRow({
            children: [
              new TableCell({ children: [new Paragraph('New phone')] }),
              new TableCell({ children: [new Paragraph('Gifts')] }),
            ],
          }),
        ],
      }),
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: tinyPng,
            transformation: { width: 20, height: 20 },
            altText: { name: 'map', title: 'Map', description: 'A hand-drawn map' },
          }),
        ],
      }),
      new Paragraph({ text: 'A second top heading', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: 'Small', heading: HeadingLevel.HEADING_6 }),
    ]);
    const images = createMemoryImageStore();
    const { title, doc } = await importFile(file, images);

    expect(title).toBe('Keeping safe online');
    expect(findDocumentError(doc)).toBeNull();
    expect(nodesOfType(doc, 'heading').map((heading) => [Number(heading.attrs?.level), documentText(heading)])).toEqual(
      [
        [2, 'What helps'],
        [2, 'A second top heading'],
        [4, 'Small'],
      ],
    );
    expect(JSON.stringify(doc)).toContain('{"type":"text","marks":[{"type":"bold"}],"text":"bold"}');
    expect(nodesOfType(doc, 'bulletList')[0]?.content?.map(documentText)).toEqual(['Listening', 'Believing']);
    expect(nodesOfType(doc, 'tableCell').map(documentText)).toEqual(['Sign', 'Meaning', 'New phone', 'Gifts']);
    expect(nodesOfType(doc, 'chorusImage')).toEqual([
      { type: 'chorusImage', attrs: { imageId: 'image-1', alt: 'A hand-drawn map' } },
    ]);
    expect(images.pictures.get('image-1')?.type).toBe('image/png');
    expect(images.pictures.size).toBe(1);
    expect(documentText(doc)).not.toContain('Keeping safe online');
  });

  it('takes the file name as the title when there is no Heading 1, and leaves out pictures browsers cannot show', async () => {
    const file = await docxFile('Notes for trainers.docx', [
      new Paragraph('Just a paragraph.'),
      new Paragraph({
        children: [
          new ImageRun({
            type: 'bmp',
            data: Uint8Array.from([0x42, 0x4d, 1, 2, 3]),
            transformation: { width: 5, height: 5 },
          }),
        ],
      }),
    ]);
    const images = createMemoryImageStore();
    const { title, doc } = await importFile(file, images);
    expect(title).toBe('Notes for trainers');
    expect(documentText(doc)).toBe('Just a paragraph.');
    expect(nodesOfType(doc, 'chorusImage')).toEqual([]);
    expect(images.pictures.size).toBe(0);
  });
});

describe('importing Markdown', () => {
  const markdown = [
    '# Keeping safe online',
    '',
    'Some **bold** and _italic_ words with a [link](https://example.org/help) and an [unsafe one](javascript:alert(1)).',
    '',
    '## What helps',
    '',
    '- Listening',
    '- Believing',
    '  - even when it is hard',
    '',
    '1. First',
    '2. Second',
    '',
    '> A quote',
    '',
    "<script>alert('stolen')</script>",
    '',
    '<p onclick="steal()" style="color:red">Raw paragraph</p>',
    '',
    `![A drawing](${tinyPngDataUrl})`,
    '',
    '![Remote](https://example.com/a.png) <img data-image-id="someone-elses" alt="x">',
    '',
    '# Another top heading',
  ].join('\n');

  it('keeps the structure, removes raw scripts and unsafe links, and stores embedded pictures', async () => {
    const images = createMemoryImageStore();
    const { title, doc } = await importFile(fileOf('guide.md', markdown), images);
    expect(title).toBe('Keeping safe online');
    expect(findDocumentError(doc)).toBeNull();
    const json = JSON.stringify(doc);
    expect(json).not.toContain('stolen');
    expect(json).not.toContain('javascript:');
    expect(json).not.toContain('onclick');
    expect(json).not.toContain('someone-elses');
    expect(json).toContain('"href":"https://example.org/help"');
    expect(json).toContain('{"type":"text","marks":[{"type":"bold"}],"text":"bold"}');
    expect(nodesOfType(doc, 'heading').map((heading) => [Number(heading.attrs?.level), documentText(heading)])).toEqual(
      [
        [2, 'What helps'],
        [2, 'Another top heading'],
      ],
    );
    expect(nodesOfType(doc, 'bulletList')).toHaveLength(2);
    expect(nodesOfType(doc, 'orderedList')[0]?.content?.map(documentText)).toEqual(['First', 'Second']);
    expect(documentText(nodesOfType(doc, 'blockquote')[0] ?? {})).toBe('A quote');
    expect(documentText(doc)).toContain('Raw paragraph');
    expect(documentText(doc)).toContain('an unsafe one.');
    expect(nodesOfType(doc, 'chorusImage')).toEqual([
      { type: 'chorusImage', attrs: { imageId: 'image-1', alt: 'A drawing' } },
    ]);
    expect(images.pictures.size).toBe(1);
  });

  it('accepts the .markdown extension and takes the file name when there is no # heading', async () => {
    const { title, doc } = await importFile(
      fileOf('Session plan.markdown', 'Hello *there*.'),
      createMemoryImageStore(),
    );
    expect(title).toBe('Session plan');
    expect(documentText(doc)).toBe('Hello there.');
  });
});

describe('importing plain text', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', async () => {
    const { title, doc } = await importFile(
      fileOf('notes.txt', '\uFEFFFirst line\r\nsecond line\r\n\r\n\r\nNew paragraph <b>not bold</b>\n  \nLast'),
      createMemoryImageStore(),
    );
    expect(title).toBe('notes');
    expect(doc).toEqual({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: 'First line' }, { type: 'hardBreak' }, { type: 'text', text: 'second line' }],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'New paragraph <b>not bold</b>' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Last' }] },
      ],
    });
  });

  it('reads older Windows text files', async () => {
    const bytes = Uint8Array.from([0x49, 0x92, 0x6d, 0x20, 0x66, 0x69, 0x6e, 0x65]);
    const { doc, notice } = await importFile(fileOf('old.txt', bytes), createMemoryImageStore());
    expect(documentText(doc)).toBe('I’m fine');
    // The letters were a guess, and the person is told to check them.
    expect(notice).toBe(windows1252Notice);
    expect((await importFile(fileOf('new.txt', 'I’m fine'), createMemoryImageStore())).notice).toBeUndefined();
  });
});

describe('files that cannot be imported', () => {
  it('refuses a damaged Word document, storing nothing', async () => {
    const random = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 251);
    const error = await importError(fileOf('report.docx', random));
    expect(error.reason).toBe('damaged');
    expect(error.message).toBe(
      'This file could not be read as a Word document. It may be damaged, or saved in an older format (.doc). Try saving it as .docx and import it again.',
    );
    const zipLike = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...random]);
    expect((await importError(fileOf('report.docx', zipLike))).reason).toBe('damaged');
  });

  it('refuses a Word document that unpacks past 100 MB before anything inflates it, storing nothing', async () => {
    const zip = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: [] }] })));
    // 120 MB of zeros deflate to about 120 kB: a small file that would fill the page's memory.
    zip.file('word/media/filler.bin', deflateRawSync(Buffer.alloc(120 * 1024 * 1024)), {
      binary: true,
      compression: 'STORE',
    });
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // Store the deflated zeros as a deflated entry by hand: rewrite its method and sizes in both headers.
    const images = createMemoryImageStore();
    const error = await importError(
      fileOf('bomb.docx', asDeflatedEntry(bomb, 'word/media/filler.bin', 120 * 1024 * 1024)),
      images,
    );
    expect(error.reason).toBe('too-large');
    expect(error.message).toContain('unpacked, it holds more than 100 MB');
    expect(images.pictures.size).toBe(0);
  });

  it('refuses a Word document whose directory understates a file’s size, as damaged', async () => {
    const zip = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: [] }] })));
    zip.file('word/media/filler.bin', deflateRawSync(Buffer.alloc(5 * 1024 * 1024)), {
      binary: true,
      compression: 'STORE',
    });
    const stored = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // It claims 1 kB unpacked; it inflates to 5 MB.
    const error = await importError(fileOf('liar.docx', asDeflatedEntry(stored, 'word/media/filler.bin', 1024)));
    expect(error.reason).toBe('damaged');
  });

  it('says a Markdown file nested thousands of levels deep is too deeply nested', async () => {
    for (const text of [
      `${'>'.repeat(5000)} deep`,
      Array.from({ length: 3000 }, (_, level) => `${'  '.repeat(level)}- item`).join('\n'),
      `${'- '.repeat(2000)}item`,
    ]) {
      const error = await importError(fileOf('deep.md', text));
      expect(error.reason).toBe('damaged');
      expect(error.message).toContain('too deeply nested to import');
    }
  });

  it('refuses a binary file named as text', async () => {
    const error = await importError(fileOf('photo.txt', Uint8Array.from([0, 1, 2, 3, 0, 255, 254, 0])));
    expect(error.reason).toBe('damaged');
    expect(error.message).toContain('could not be read as text');
  });

  it('refuses empty files', async () => {
    expect((await importError(fileOf('empty.docx', new Uint8Array(0)))).reason).toBe('empty');
    expect((await importError(fileOf('blank.txt', ' \n\n  \n'))).reason).toBe('empty');
    expect((await importError(await docxFile('nothing.docx', []))).reason).toBe('empty');
    expect((await importError(fileOf('empty.md', ''))).message).toBe(
      'This file is empty, so there is nothing to import.',
    );
  });

  it('refuses files of other types, with a specific message for old Word files', async () => {
    const pdf = await importError(fileOf('leaflet.pdf', '%PDF-1.7'));
    expect(pdf.reason).toBe('unsupported-type');
    expect(pdf.message).toContain('Word documents (.docx), Markdown files (.md) and plain text files (.txt)');
    expect((await importError(fileOf('no-extension', 'text'))).reason).toBe('unsupported-type');
    const old = await importError(fileOf('old.doc', 'binary'));
    expect(old.reason).toBe('unsupported-type');
    expect(old.message).toContain('older Word documents (.doc)');
  });

  it('refuses files over 20 MB, before reading them when their size is known', async () => {
    let read = false;
    const huge: ImportableFile = {
      name: 'huge.docx',
      size: 25 * 1024 * 1024,
      arrayBuffer: () => {
        read = true;
        return Promise.resolve(new ArrayBuffer(0));
      },
      text: () => Promise.resolve(''),
    };
    expect((await importError(huge)).reason).toBe('too-large');
    expect(read).toBe(false);

    const unknownSize: ImportableFile = {
      name: 'huge.txt',
      arrayBuffer: () => Promise.resolve(new ArrayBuffer(20 * 1024 * 1024 + 1)),
      text: () => Promise.resolve(''),
    };
    const error = await importError(unknownSize);
    expect(error.reason).toBe('too-large');
    expect(error.message).toContain('up to 20 MB');
  });
});
