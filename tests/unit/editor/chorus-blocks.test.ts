// @vitest-environment happy-dom
import { generateHTML, generateJSON, type Editor, type JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createChorusExtensions } from '../../../renderer/src/editor/extensions';
import { createEditor, createMemoryImageStore } from '../../helpers/editor';

const extensions = createChorusExtensions({ images: createMemoryImageStore() });

function paragraph(text: string): JSONContent {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

function toJSON(html: string): JSONContent {
  return generateJSON(html, extensions) as JSONContent;
}

function roundTrip(doc: JSONContent): { html: string; json: JSONContent } {
  const html = generateHTML(doc, extensions);
  return { html, json: toJSON(html) };
}

function docOf(current: Editor): JSONContent {
  return current.getJSON();
}

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  editor = undefined;
});

describe('content warning block', () => {
  const doc: JSONContent = {
    type: 'doc',
    content: [
      { type: 'contentWarning', content: [paragraph('This part talks about grooming.'), paragraph('Take a break.')] },
      paragraph('After the warning.'),
    ],
  };

  it('renders as a named note and round-trips JSON → HTML → JSON', () => {
    const { html, json } = roundTrip(doc);
    expect(html).toContain('<aside data-type="content-warning" role="note" aria-label="Content warning">');
    expect(json).toEqual(doc);
  });

  it('never puts the words "Content warning" into the document text', () => {
    editor = createEditor({ content: doc });
    expect(editor.getText()).not.toContain('Content warning');
  });

  it('wraps the selected paragraphs, and removing it keeps every paragraph', () => {
    editor = createEditor({
      content: { type: 'doc', content: [paragraph('One'), paragraph('Two'), paragraph('Three')] },
    });
    editor.commands.setTextSelection({ from: 2, to: 9 });
    expect(editor.commands.setContentWarning()).toBe(true);
    const wrapped = docOf(editor).content ?? [];
    expect(wrapped[0]?.type).toBe('contentWarning');
    expect(wrapped[0]?.content?.map((child) => child.content?.[0]?.text)).toEqual(['One', 'Two']);
    expect(editor.isActive('contentWarning')).toBe(true);

    editor.commands.setTextSelection(3);
    expect(editor.commands.unsetContentWarning()).toBe(true);
    expect(editor.getJSON()).toEqual({
      type: 'doc',
      content: [paragraph('One'), paragraph('Two'), paragraph('Three')],
    });
  });

  it('inserts an empty content warning where the selection cannot be wrapped', () => {
    editor = createEditor({
      content: {
        type: 'doc',
        content: [{ type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Item')] }] }],
      },
    });
    editor.commands.setTextSelection(4);
    expect(editor.commands.setContentWarning()).toBe(true);
    expect(JSON.stringify(docOf(editor))).toContain('"type":"contentWarning"');
  });

  it('toggles off when the selection is already inside one', () => {
    editor = createEditor({ content: doc });
    editor.commands.setTextSelection(3);
    expect(editor.commands.toggleContentWarning()).toBe(true);
    expect(docOf(editor).content?.some((node) => node.type === 'contentWarning')).toBe(false);
  });
});

describe('"in my words" block', () => {
  const doc: JSONContent = {
    type: 'doc',
    content: [
      { type: 'inMyWords', content: [paragraph('Nobody asked me why I was scared.'), paragraph('I wish they had.')] },
    ],
  };

  it('renders as a figure holding a blockquote and round-trips', () => {
    const { html, json } = roundTrip(doc);
    expect(html).toBe(
      '<figure data-type="in-my-words" aria-label="In my words"><blockquote><p>Nobody asked me why I was scared.</p><p>I wish they had.</p></blockquote></figure>',
    );
    expect(json).toEqual(doc);
  });

  it('stays apart from an ordinary quote', () => {
    const json = toJSON('<blockquote><p>An ordinary quote</p></blockquote>');
    expect(json.content?.[0]?.type).toBe('blockquote');
  });

  it('keeps the paragraphs of a figure written without its blockquote', () => {
    const json = toJSON('<figure data-type="in-my-words"><p>Hand-written</p></figure>');
    expect(json.content?.[0]).toEqual({ type: 'inMyWords', content: [paragraph('Hand-written')] });
  });

  it('toggles on around the selection and off again', () => {
    editor = createEditor({ content: { type: 'doc', content: [paragraph('My words')] } });
    editor.commands.setTextSelection(2);
    expect(editor.commands.toggleInMyWords()).toBe(true);
    expect(docOf(editor).content?.[0]?.type).toBe('inMyWords');
    expect(editor.commands.toggleInMyWords()).toBe(true);
    // StarterKit's trailing node keeps an empty paragraph after a block at the end, to type into.
    expect(docOf(editor).content).toEqual([paragraph('My words'), { type: 'paragraph' }]);
  });
});

/** Presses a key in the editor and says whether the editor handled it (false: the browser's default runs). */
function press(current: Editor, key: string): boolean {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  return current.view.someProp('handleKeyDown', (handle) => handle(current.view, event)) ?? false;
}

describe('moving around Chorus blocks and tables with the keyboard', () => {
  it('leaves a content warning when Enter is pressed on an empty last line', () => {
    editor = createEditor({
      content: {
        type: 'doc',
        content: [{ type: 'contentWarning', content: [paragraph('Mentions abuse.'), { type: 'paragraph' }] }],
      },
    });
    // The empty paragraph inside the warning: doc(0) > aside(1) > p "Mentions abuse."(17) > p(18).
    editor.commands.setTextSelection(19);
    expect(press(editor, 'Enter')).toBe(true);
    expect(docOf(editor).content?.[0]).toEqual({ type: 'contentWarning', content: [paragraph('Mentions abuse.')] });
    expect(editor.isActive('contentWarning')).toBe(false);
    expect(editor.state.selection.$from.parent.type.name).toBe('paragraph');
  });

  it('lets Tab leave a table from its last cell instead of adding rows', () => {
    editor = createEditor();
    editor.commands.insertTable({ rows: 2, cols: 2, withHeaderRow: true });
    const rows = () => docOf(editor as Editor).content?.find((node) => node.type === 'table')?.content?.length;
    expect(press(editor, 'Tab')).toBe(true);
    expect(press(editor, 'Tab')).toBe(true);
    expect(press(editor, 'Tab')).toBe(true);
    // In the last cell now: Tab is not handled, so the browser moves focus on.
    expect(press(editor, 'Tab')).toBe(false);
    expect(rows()).toBe(2);
  });
});

describe('copying within Chorus', () => {
  it('keeps Chorus blocks and pictures when pasted into another document', () => {
    const source = createEditor({
      content: {
        type: 'doc',
        content: [
          { type: 'contentWarning', content: [paragraph('Mentions abuse.')] },
          { type: 'inMyWords', content: [paragraph('My words.')] },
          { type: 'chorusImage', attrs: { imageId: 'pic-1', alt: 'A map' } },
        ],
      },
    });
    const { dom } = source.view.serializeForClipboard(source.state.doc.slice(0, source.state.doc.content.size));
    source.destroy();

    editor = createEditor();
    editor.view.pasteHTML(dom.innerHTML);
    expect(docOf(editor).content?.slice(0, 3)).toEqual([
      { type: 'contentWarning', content: [paragraph('Mentions abuse.')] },
      { type: 'inMyWords', content: [paragraph('My words.')] },
      { type: 'chorusImage', attrs: { imageId: 'pic-1', alt: 'A map' } },
    ]);
  });
});
