// @vitest-environment happy-dom
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { documentText } from '@core/document/text';
import { createEditor } from '../../helpers/editor';

function paragraph(...content: JSONContent[]): JSONContent {
  return { type: 'paragraph', content };
}

function text(value: string, marks?: JSONContent['marks']): JSONContent {
  return marks === undefined ? { type: 'text', text: value } : { type: 'text', text: value, marks };
}

const nested: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('Title')] },
    paragraph(text('Plain and '), text('bold', [{ type: 'bold' }]), text(' words.')),
    paragraph(),
    paragraph(text('Line one'), { type: 'hardBreak' }, text('line two')),
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            paragraph(text('Outer item')),
            { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('Inner item'))] }] },
          ],
        },
      ],
    },
    { type: 'contentWarning', content: [paragraph(text('Mentions abuse.'))] },
    {
      type: 'inMyWords',
      content: [paragraph(text('Nobody asked.')), paragraph(text('I wish they had.'))],
    },
    { type: 'chorusImage', attrs: { imageId: 'pic', alt: 'A map' } },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            { type: 'tableHeader', content: [paragraph(text('Sign'))] },
            { type: 'tableHeader', content: [paragraph(text('Meaning'))] },
          ],
        },
      ],
    },
    { type: 'blockquote', content: [paragraph(text('Quoted'))] },
    { type: 'horizontalRule' },
    paragraph(text('End.')),
  ],
};

const expected = [
  'Title',
  'Plain and bold words.',
  'Line one\nline two',
  'Outer item',
  'Inner item',
  'Mentions abuse.',
  'Nobody asked.',
  'I wish they had.',
  'Sign',
  'Meaning',
  'Quoted',
  'End.',
].join('\n\n');

/** A document of about `words` words in paragraphs of 60, with some formatting, lists and headings. */
function longDocument(words: number): JSONContent {
  const vocabulary = ['safe', 'trusted', 'adult', 'listen', 'believe', 'young', 'person', 'support', 'words', 'help'];
  const content: JSONContent[] = [];
  let written = 0;
  for (let block = 0; written < words; block += 1) {
    const sentence = Array.from({ length: 60 }, (_, index) => vocabulary[(block + index) % vocabulary.length]).join(
      ' ',
    );
    written += 60;
    if (block % 20 === 0)
      content.push({ type: 'heading', attrs: { level: 2 }, content: [text(`Part ${block / 20 + 1}`)] });
    if (block % 7 === 0) {
      content.push({ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text(sentence))] }] });
    } else {
      content.push(paragraph(text(sentence.slice(0, 40)), text(sentence.slice(40), [{ type: 'bold' }])));
    }
  }
  return { type: 'doc', content };
}

describe('documentText', () => {
  it('gives each text block on its own, separated by blank lines, at any depth', () => {
    expect(documentText(nested)).toBe(expected);
  });

  it('agrees with the editor’s own text', () => {
    const editor = createEditor({ content: nested });
    expect(
      editor
        .getText({ blockSeparator: '\n\n' })
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    ).toBe(expected);
    editor.destroy();
  });

  it('handles empty and text-free documents', () => {
    expect(documentText({ type: 'doc', content: [{ type: 'paragraph' }] })).toBe('');
    expect(documentText({ type: 'doc' })).toBe('');
  });

  it('reads a 30,000-word document', () => {
    const doc = longDocument(30_000);
    documentText(doc);
    const started = performance.now();
    const result = documentText(doc);
    const elapsed = performance.now() - started;
    expect(result.split(/\s+/).filter((word) => /^[a-z]+$/.test(word))).toHaveLength(30_000);
    expect(result.startsWith('Part 1\n\nsafe trusted adult')).toBe(true);
    // Timings belong in bench/, not in assertions; this line is for the report only.
    console.info(`documentText on 30,000 words: ${elapsed.toFixed(2)} ms`);
  });
});
