// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Editor, JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanPastedHtml, cleanPastedHtmlWithImages, hasEmbeddedImages } from '../../../renderer/src/editor/paste';
import type { ImageStore } from '../../../renderer/src/editor/image-store';
import { createEditor, createMemoryImageStore, nodesOfType, tinyPng, tinyPngDataUrl } from '../../helpers/editor';

function fixture(name: string): string {
  return readFileSync(path.resolve(import.meta.dirname, '../../fixtures/editor', name), 'utf8');
}

function textOf(node: JSONContent | undefined): string {
  if (node === undefined) return '';
  if (typeof node.text === 'string') return node.text;
  return (node.content ?? []).map(textOf).join('');
}

/** Waits until the condition holds, for the asynchronous part of a paste. */
async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('The condition never held.');
}

function pasteEvent(data: { html?: string; text?: string; files?: File[] }): ClipboardEvent {
  const clipboardData = new DataTransfer();
  if (data.html !== undefined) clipboardData.setData('text/html', data.html);
  if (data.text !== undefined) clipboardData.setData('text/plain', data.text);
  for (const file of data.files ?? []) clipboardData.items.add(file);
  return new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true });
}

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  editor = undefined;
});

describe('cleaning HTML pasted from Word', () => {
  const word = fixture('word-clipboard.html');
  const cleaned = cleanPastedHtml(word);

  it('removes Word’s markup: conditional comments, o:p, style, meta, xml, mso styles, classes, fonts and spans', () => {
    for (const junk of [
      '<!--',
      '[if',
      'endif',
      '<o:p',
      '<style',
      '<meta',
      '<xml',
      '<link',
      'mso-',
      'class=',
      'style=',
      '<font',
      '<span',
      'st1:',
      'v:shape',
      'lang=',
    ]) {
      expect(cleaned).not.toContain(junk);
    }
  });

  it('keeps the words and their formatting', () => {
    expect(cleaned).toContain('<h2>Staying\nsafe online</h2>');
    expect(cleaned).toContain('<b>friendly</b>');
    expect(cleaned).toContain('<i>ordinary</i>');
    expect(cleaned).toContain('<mark>important\nto listen</mark>');
    expect(cleaned).toContain('Met in Leeds in 2019.');
    expect(cleaned).not.toContain('hidden');
  });

  it('turns Word’s list paragraphs into real nested lists without their typed bullets', () => {
    expect(cleaned).toContain(
      '<ul><li><p>Believe what you are told</p><ul><li><p>Even when it is hard to hear</p></li></ul></li><li><p>Write down the words they use</p></li></ul>',
    );
    expect(cleaned).toMatch(
      /<ol><li><p>Tell\s+your safeguarding lead<\/p><\/li><li><p>Keep\s+a record<\/p><\/li><\/ol>/,
    );
    expect(cleaned).not.toContain('·');
  });

  it('pastes into the editor as Chorus content', () => {
    editor = createEditor();
    editor.view.pasteHTML(word);
    const doc: JSONContent = editor.getJSON();
    expect(nodesOfType(doc, 'heading').map((heading) => [Number(heading.attrs?.level), textOf(heading)])).toEqual([
      [2, 'Staying safe online'],
    ]);
    const bullets = nodesOfType(doc, 'bulletList');
    expect(bullets).toHaveLength(2);
    expect(textOf(bullets[1])).toBe('Even when it is hard to hear');
    expect(nodesOfType(doc, 'orderedList')[0]?.content?.map(textOf)).toEqual([
      'Tell your safeguarding lead',
      'Keep a record',
    ]);
    expect(nodesOfType(doc, 'tableCell').map(textOf)).toEqual([
      'Sign',
      'What it can mean',
      'New phone',
      'Gifts from someone older',
    ]);
    expect(JSON.stringify(doc)).toContain('"marks":[{"type":"highlight"}],"text":"important to listen"');
    // The picture was a local file Word made for the clipboard: it cannot be read, so only the words stay.
    expect(nodesOfType(doc, 'chorusImage')).toEqual([]);
    expect(editor.getText()).toContain('After the picture.');
  });
});

describe('cleaning HTML pasted from a web page', () => {
  const page = fixture('web-page.html');
  const cleaned = cleanPastedHtml(page);

  it('removes scripts, styles, event handlers, frames, forms, embedded objects and hidden text', () => {
    for (const junk of [
      '<script',
      'document.cookie',
      '<style',
      'color: red',
      'onclick',
      'onmouseover',
      'onerror',
      'onload',
      '<iframe',
      '<form',
      '<input',
      '<button',
      'Sign up',
      'Subscribe',
      '<object',
      '<embed',
      '<svg',
      '<noscript',
      'tracker.example.com',
      'Invisible advert',
      'class=',
      'target=',
      'rel=',
      'data-analytics',
    ]) {
      expect(cleaned).not.toContain(junk);
    }
  });

  it('drops unsafe links but keeps their words, and keeps safe links', () => {
    expect(cleaned).not.toContain('javascript:');
    expect(cleaned).not.toContain('href="data:');
    expect(cleaned).not.toContain('/relative/page');
    expect(cleaned).not.toContain('file:');
    expect(cleaned).not.toContain('vbscript:');
    expect(cleaned).toContain('Click for more');
    expect(cleaned).toContain('Unsafe links: data link, relative link, file link, vb link.');
    expect(cleaned).toContain('<a href="https://www.example.org/guidance">national guidance</a>');
    expect(cleaned).toContain('<a href="mailto:help@example.org">help@example.org</a>');
  });

  it('never keeps remote, relative or embedded pictures on the synchronous path', () => {
    expect(cleaned).not.toContain('<img');
    expect(cleaned).toContain('Broken image above.');
  });

  it('keeps the content and its structure', () => {
    editor = createEditor();
    editor.view.pasteHTML(page);
    const doc: JSONContent = editor.getJSON();
    expect(nodesOfType(doc, 'heading').map((heading) => [Number(heading.attrs?.level), textOf(heading)])).toEqual([
      [2, 'Spotting the signs'],
      [4, 'Small print'],
    ]);
    expect(nodesOfType(doc, 'bulletList')[0]?.content?.map(textOf)).toEqual([
      'Talk to someone you trust',
      'Call 0800 1111',
    ]);
    expect(textOf(nodesOfType(doc, 'blockquote')[0])).toBe('I wish someone had asked me how I was.');
    expect(JSON.stringify(doc)).toContain('"marks":[{"type":"bold"}],"text":"0800 1111"');
  });
});

describe('pictures in pasted content', () => {
  it('recognises embedded pictures', () => {
    expect(hasEmbeddedImages(fixture('web-page.html'))).toBe(true);
    expect(hasEmbeddedImages('<img src="https://example.org/a.png">')).toBe(false);
    expect(hasEmbeddedImages('<img alt="x" src=\'blob:app://chorus/123\'>')).toBe(true);
  });

  it('stores data: pictures and refers to them by id, leaving out what cannot be read', async () => {
    const images = createMemoryImageStore();
    const html = await cleanPastedHtmlWithImages(
      `<p>A</p><img src="${tinyPngDataUrl}" alt="A drawing"><img src="data:image/png;base64,bm90IGEgcGljdHVyZQ==" alt="Not a picture"><img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=">`,
      images,
    );
    expect([...images.pictures.keys()]).toEqual(['image-1']);
    expect(images.pictures.get('image-1')?.type).toBe('image/png');
    expect(html).toBe('<p>A</p><img alt="A drawing" data-image-id="image-1">');
  });

  it('keeps pictures copied from another Chorus document', () => {
    expect(cleanPastedHtml('<p>x</p><img data-image-id="abc-123" alt="Mine" src="blob:whatever">')).toBe(
      '<p>x</p><img data-image-id="abc-123" alt="Mine">',
    );
  });

  it('stores the pictures of a real paste first, then inserts the content where it was pasted', async () => {
    const images = createMemoryImageStore();
    editor = createEditor({ images, content: '<p>Before</p>' });
    editor.commands.setTextSelection(7);
    const event = pasteEvent({ html: fixture('web-page.html'), text: 'ignored' });
    editor.view.dom.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);

    await until(() => editor?.getText().includes('Spotting the signs') === true);
    const doc: JSONContent = editor.getJSON();
    const pictures = nodesOfType(doc, 'chorusImage');
    expect(pictures).toEqual([
      { type: 'chorusImage', attrs: { imageId: 'image-1', alt: 'A drawing of a safe place' } },
    ]);
    expect(images.pictures.size).toBe(1);
    expect(editor.getHTML()).not.toContain('data:');
    expect(editor.getText()).not.toContain('document.cookie');
  });

  it('puts a delayed paste where it was made, even when the person typed meanwhile', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const memory = createMemoryImageStore();
    const slowImages: ImageStore = {
      store: async (blob) => {
        await gate;
        return memory.store(blob);
      },
      resolve: (imageId) => memory.resolve(imageId),
    };
    editor = createEditor({ images: slowImages, content: '<p>One</p><p>Two</p>' });
    editor.commands.setTextSelection(4);
    editor.view.dom.dispatchEvent(pasteEvent({ html: `<p>Pasted</p><img src="${tinyPngDataUrl}" alt="Tiny">` }));

    // While the picture is being stored, the person carries on in the second paragraph.
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    editor.commands.insertContent({ type: 'text', text: ' and more' });
    expect(editor.getText()).not.toContain('Pasted');

    release();
    await until(() => editor?.getText().includes('Pasted') === true);
    const doc: JSONContent = editor.getJSON();
    const blocks = (doc.content ?? []).map((block) => (block.type === 'chorusImage' ? '[image]' : textOf(block)));
    expect(blocks.join(' | ')).toMatch(/^OnePasted \| \[image\] \|.*Two and more/);
    // The cursor went back to where the person was typing.
    const { from } = editor.state.selection;
    expect(editor.state.doc.textBetween(from - 8, from)).toBe('and more');
  });

  it('still pastes the words when a picture cannot be stored', async () => {
    const failing: ImageStore = {
      store: () => Promise.reject(new Error('The disk is full.')),
      resolve: () => Promise.resolve(null),
    };
    editor = createEditor({ images: failing, content: '<p></p>' });
    editor.view.dom.dispatchEvent(pasteEvent({ html: `<p>Words stay</p><img src="${tinyPngDataUrl}" alt="Lost">` }));
    await until(() => editor?.getText().includes('Words stay') === true);
    expect(nodesOfType(editor.getJSON(), 'chorusImage')).toEqual([]);
  });

  it('stores pasted picture files that come without text', async () => {
    const images = createMemoryImageStore();
    editor = createEditor({ images, content: '<p>Text</p>' });
    editor.commands.setTextSelection(5);
    const screenshot = new File([tinyPng], 'screenshot.png', { type: 'image/png' });
    const notAPicture = new File(['hello'], 'fake.png', { type: 'image/png' });
    editor.view.dom.dispatchEvent(pasteEvent({ files: [screenshot, notAPicture] }));
    await until(() => nodesOfType(editor?.getJSON() ?? {}, 'chorusImage').length > 0);
    expect(nodesOfType(editor.getJSON(), 'chorusImage')).toEqual([
      { type: 'chorusImage', attrs: { imageId: 'image-1', alt: '' } },
    ]);
    expect(images.pictures.size).toBe(1);
  });
});
