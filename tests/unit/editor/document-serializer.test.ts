// @vitest-environment happy-dom
import type { JSONContent } from '@tiptap/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { applyBlockChange, assembleDocument, blockChange } from '@core/document/blocks';
import { documentText } from '@core/document/text';
import { countWords } from '@core/document/text-stats';
import { createDocumentSerializer } from '../../../renderer/src/editor/document-serializer';
import { createEditor } from '../../helpers/editor';

const editors: { destroy(): void }[] = [];
afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy();
});

function editorWith(content: JSONContent) {
  const editor = createEditor({ content });
  editors.push(editor);
  return editor;
}

const rich: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What I want you to know' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Plain, ' },
        { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
        { type: 'hardBreak' },
        { type: 'text', text: 'and a "quoted" line \\ with a backslash.' },
      ],
    },
    { type: 'paragraph' },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'One' }] }] },
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Two' }] }] },
      ],
    },
  ],
};

/** What a save stored before: the editor's JSON, its text and its word count, worked out in full. */
function expected(editor: ReturnType<typeof createEditor>) {
  const doc = editor.getJSON();
  const text = documentText(doc);
  return { doc, text, wordCount: countWords(text) };
}

describe('the document serializer', () => {
  it('gives the same JSON, text and word count as serialising the whole document', () => {
    const editor = editorWith(rich);
    const serialized = assembleDocument(createDocumentSerializer()(editor.state.doc));
    const whole = expected(editor);
    expect(JSON.parse(serialized.json)).toEqual(whole.doc);
    expect(serialized.text).toBe(whole.text);
    expect(serialized.wordCount).toBe(whole.wordCount);
  });

  it('stays right after edits, reusing what did not change', () => {
    const editor = editorWith(rich);
    const serialize = createDocumentSerializer();
    const before = serialize(editor.state.doc);
    const untouched = editor.state.doc.child(3);
    editor.commands.insertContentAt(5, ' more words here');
    expect(editor.state.doc.child(3)).toBe(untouched);
    const after = serialize(editor.state.doc);
    // An untouched node's block is the same object, so the writer sends only the changed blocks on.
    expect(after.blocks[3]).toBe(before.blocks[3]);
    const serialized = assembleDocument(after);
    const whole = expected(editor);
    expect(JSON.parse(serialized.json)).toEqual(whole.doc);
    expect(serialized.text).toBe(whole.text);
    expect(serialized.wordCount).toBe(whole.wordCount);
    editor.commands.insertContentAt(editor.state.doc.child(0).nodeSize + 3, 'x');
    expect(blockChange(after.blocks, serialize(editor.state.doc).blocks)).toMatchObject({ from: 1, removed: 1 });
    expect(blockChange(after.blocks, serialize(editor.state.doc).blocks).added).toHaveLength(1);
  });

  it('agrees with the whole-document count for any paragraphs of text', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 8 }), (texts) => {
        const editor = editorWith({
          type: 'doc',
          content: texts.map((text) =>
            text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] },
          ),
        });
        const serialized = assembleDocument(createDocumentSerializer()(editor.state.doc));
        const whole = expected(editor);
        editor.destroy();
        editors.pop();
        return (
          serialized.text === whole.text &&
          serialized.wordCount === whole.wordCount &&
          JSON.stringify(JSON.parse(serialized.json)) === JSON.stringify(whole.doc)
        );
      }),
      { numRuns: 60 },
    );
  });

  it('stays right through any run of edits, with one serializer', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: fc.string({ minLength: 1, maxLength: 12 }) }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
      fc.record({ kind: fc.constant('split' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
        const editor = editorWith(rich);
        const serialize = createDocumentSerializer();
        let last = serialize(editor.state.doc);
        for (const step of edits) {
          const size = editor.state.doc.content.size;
          const at = 1 + (step.at % Math.max(1, size - 1));
          try {
            if (step.kind === 'type') editor.commands.insertContentAt(at, step.text);
            else if (step.kind === 'delete')
              editor.commands.deleteRange({ from: at, to: Math.min(size - 1, at + step.length) });
            else editor.chain().setTextSelection(at).splitBlock().run();
          } catch {
            // An edit the document's structure does not allow changes nothing; the rest still count.
          }
          const before = last;
          last = serialize(editor.state.doc);
          // The change it reports turns the last blocks into these.
          expect(last.change?.since).toBe(before.blocks);
          if (last.change !== undefined) expect(applyBlockChange(before.blocks, last.change)).toEqual(last.blocks);
          const serialized = assembleDocument(last);
          const whole = expected(editor);
          expect(JSON.parse(serialized.json)).toEqual(whole.doc);
          expect(serialized.text).toBe(whole.text);
          expect(serialized.wordCount).toBe(whole.wordCount);
        }
        editor.destroy();
        editors.pop();
      }),
      { numRuns: 40 },
    );
  });
});
