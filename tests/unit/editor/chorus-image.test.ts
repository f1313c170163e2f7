// @vitest-environment happy-dom
import { generateHTML, generateJSON, type Editor, type JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createChorusExtensions, findDocumentError } from '../../../renderer/src/editor/extensions';
import { createEditor, createMemoryImageStore, tinyPng } from '../../helpers/editor';

const extensions = createChorusExtensions({ images: createMemoryImageStore() });

const doc: JSONContent = {
  type: 'doc',
  content: [
    { type: 'chorusImage', attrs: { imageId: 'img_01-a', alt: 'A hand-drawn map' } },
    { type: 'chorusImage', attrs: { imageId: 'decorative', alt: '' } },
  ],
};

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  editor = undefined;
});

function toJSON(html: string): JSONContent {
  return generateJSON(html, extensions) as JSONContent;
}

function docOf(current: Editor): JSONContent {
  return current.getJSON();
}

/** Lets pending promise callbacks (the node view's resolve) run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

describe('chorusImage', () => {
  it('writes an id and a text alternative, never a src, and round-trips', () => {
    const html = generateHTML(doc, extensions);
    expect(html).toBe('<img data-image-id="img_01-a" alt="A hand-drawn map"><img data-image-id="decorative" alt="">');
    expect(html).not.toContain('src');
    expect(toJSON(html)).toEqual(doc);
  });

  it('ignores a src in the HTML and never stores one', () => {
    const json = toJSON('<img data-image-id="abc" src="https://example.com/x.png" alt="x">');
    expect(json.content?.[0]).toEqual({ type: 'chorusImage', attrs: { imageId: 'abc', alt: 'x' } });
  });

  it('does not turn plain pictures or unsafe ids into images', () => {
    const json = toJSON(
      '<p>a</p><img src="data:image/png;base64,AAAA"><img src="https://example.com/x.png"><img data-image-id="../../etc" alt="x"><img data-image-id="" alt="y">',
    );
    expect(JSON.stringify(json)).not.toContain('chorusImage');
  });

  it('refuses documents whose image has a missing or unsafe id', () => {
    expect(findDocumentError(doc)).toBeNull();
    expect(findDocumentError({ type: 'doc', content: [{ type: 'chorusImage', attrs: { alt: 'x' } }] })).toBeInstanceOf(
      Error,
    );
    expect(
      findDocumentError({ type: 'doc', content: [{ type: 'chorusImage', attrs: { imageId: 'a b"><script>' } }] }),
    ).toBeInstanceOf(Error);
  });

  it('inserts a stored picture and changes its description', () => {
    editor = createEditor();
    expect(editor.commands.insertChorusImage({ imageId: 'pic-1', alt: '  A   drawing ' })).toBe(true);
    const image = docOf(editor).content?.find((node) => node.type === 'chorusImage');
    expect(image?.attrs).toEqual({ imageId: 'pic-1', alt: 'A drawing' });
    expect(editor.commands.insertChorusImage({ imageId: 'bad id', alt: '' })).toBe(false);

    let position = -1;
    editor.state.doc.descendants((node, offset) => {
      if (node.type.name === 'chorusImage') position = offset;
    });
    editor.commands.setNodeSelection(position);
    expect(editor.commands.setChorusImageAlt('A drawing of a house')).toBe(true);
    expect(docOf(editor).content?.find((node) => node.type === 'chorusImage')?.attrs).toEqual({
      imageId: 'pic-1',
      alt: 'A drawing of a house',
    });
  });

  it('shows the picture from the store while editing, and a plain sentence when it is missing', async () => {
    const images = createMemoryImageStore();
    const imageId = await images.store(new Blob([tinyPng], { type: 'image/png' }));
    editor = createEditor({
      images,
      content: {
        type: 'doc',
        content: [
          { type: 'chorusImage', attrs: { imageId, alt: 'A tiny picture' } },
          { type: 'chorusImage', attrs: { imageId: 'gone', alt: 'Lost' } },
        ],
      },
    });
    await settle();
    const views = editor.view.dom.querySelectorAll('figure.chorus-image');
    expect(views).toHaveLength(2);
    const shown = views[0]?.querySelector('img');
    expect(shown?.getAttribute('src')).toBe(`blob:chorus-test/${imageId}`);
    expect(shown?.getAttribute('alt')).toBe('A tiny picture');
    expect(views[1]?.querySelector('img')).toBeNull();
    // Without the picture, its description stands in its place, and follows a change to it.
    expect(views[1]?.textContent).toContain('Image not available. Its description: “Lost”');
    editor.chain().setNodeSelection(editor.state.doc.child(0).nodeSize).setChorusImageAlt('A lost map').run();
    expect(views[1]?.textContent).toContain('Image not available. Its description: “A lost map”');
    // The rendered document still carries no src: only the node view shows one.
    expect(editor.getHTML()).not.toContain('src=');
  });
});
