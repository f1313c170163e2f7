// @vitest-environment happy-dom
import type { Editor, JSONContent } from '@tiptap/core';
import { Transform } from '@tiptap/pm/transform';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { getChorusSchema } from '../../../../renderer/src/editor/extensions';
import { decideSuggestions } from '../../../../renderer/src/editor/review';
import { hasPendingSuggestions, stripReviewMarks } from '@core/document/strip';
import { createReviewEditor, doc, findText, paragraph, selectText, typeText } from './review-editor';

function marked(text: string, ...marks: NonNullable<JSONContent['marks']>): JSONContent {
  return { type: 'text', text, marks };
}

const anchor = (threadId: string) => ({ type: 'commentAnchor', attrs: { threadId } });
const insert = (suggestionId: string) => ({
  type: 'suggestionInsert',
  attrs: { suggestionId, authorId: 'facilitator-1', createdAt: 5 },
});
const remove = (suggestionId: string) => ({
  type: 'suggestionDelete',
  attrs: { suggestionId, authorId: 'facilitator-1', createdAt: 5 },
});

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  editor = undefined;
});

describe('stripReviewMarks', () => {
  it('rejects every suggestion and removes every comment anchor, keeping other formatting', () => {
    const reviewed = doc(
      paragraph(
        marked('Bold and commented', { type: 'bold' }, anchor('t1')),
        ' then ',
        marked('suggested', insert('i1'), anchor('t2')),
        marked('kept', remove('d1')),
        marked(' words', remove('d2'), { type: 'italic' }),
      ),
    );
    expect(stripReviewMarks(reviewed)).toEqual(
      doc(
        paragraph(marked('Bold and commented', { type: 'bold' }), ' then kept', marked(' words', { type: 'italic' })),
      ),
    );
  });

  it('gives exactly what rejectAll and removing the anchors give in the editor, for edits made while suggesting', () => {
    editor = createReviewEditor({ content: doc(paragraph('One two three'), paragraph('Four five')) });
    selectText(editor, 'two');
    editor.commands.addCommentAnchor('t1');
    const original = editor.getJSON();
    editor.commands.setSuggesting(true, 'facilitator-1');
    editor.commands.setTextSelection(findText(editor, 'three').from);
    editor.view.pasteHTML('<p>new</p><p>paragraphs</p>');
    editor.commands.setTextSelection({ from: findText(editor, 'three').to, to: findText(editor, 'five').from });
    typeText(editor, 'x');
    expect(hasPendingSuggestions(editor.getJSON())).toBe(true);

    const stripped = stripReviewMarks(editor.getJSON());
    expect(stripped).toEqual(stripReviewMarks(original));
    expect(stripped).toEqual(doc(paragraph('One two three'), paragraph('Four five')));

    editor.commands.rejectAll();
    editor.commands.removeCommentAnchor('t1');
    expect(editor.getJSON()).toEqual(stripped);
  });

  it('leaves a document without review marks as it was, and never changes its argument', () => {
    const plain = doc(
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title' }] },
      paragraph('Words ', marked('linked', { type: 'link', attrs: { href: 'https://example.org' } })),
    );
    const reviewed = doc(paragraph(marked('gone', insert('i1')), 'stays'));
    const copy = structuredClone(reviewed);
    editor = createReviewEditor({ content: plain });
    expect(stripReviewMarks(plain)).toEqual(plain);
    // A saved document (with every attribute filled in) comes back exactly as it was.
    expect(stripReviewMarks(editor.getJSON())).toEqual(editor.getJSON());
    expect(stripReviewMarks(reviewed)).toEqual(doc(paragraph('stays')));
    expect(reviewed).toEqual(copy);
  });

  it('keeps nodes the schema does not have, stripped like the rest, and refuses a document nested too deeply', () => {
    expect(
      stripReviewMarks(doc({ type: 'marquee', content: [paragraph(marked('gone', insert('i1')), 'kept')] })),
    ).toEqual(doc({ type: 'marquee', content: [paragraph('kept')] }));
    let deep: JSONContent = paragraph('deep');
    for (let level = 0; level < 100; level += 1) deep = { type: 'blockquote', content: [deep] };
    expect(() => stripReviewMarks(doc(deep))).toThrow(/nested too deeply/);
  });
});

describe('hasPendingSuggestions', () => {
  it('is true while any insertion or deletion is pending, anywhere in the document', () => {
    expect(hasPendingSuggestions(doc(paragraph('Nothing here')))).toBe(false);
    expect(hasPendingSuggestions(doc(paragraph(marked('commented', anchor('t1')))))).toBe(false);
    expect(hasPendingSuggestions(doc(paragraph(marked('added', insert('i1')))))).toBe(true);
    const nested = doc({
      type: 'bulletList',
      content: [{ type: 'listItem', content: [paragraph('a ', marked('removed', remove('d1')))] }],
    });
    expect(hasPendingSuggestions(nested)).toBe(true);
    expect(hasPendingSuggestions(stripReviewMarks(nested))).toBe(false);
  });
});

/** What the editor gives: every suggestion rejected and every anchor removed through the schema. */
function rejectedInTheEditor(json: JSONContent): JSONContent {
  const schema = getChorusSchema();
  const node = schema.nodeFromJSON(json);
  const tr = new Transform(node);
  decideSuggestions(tr, node, () => true, 'reject');
  const anchorType = schema.marks.commentAnchor;
  if (anchorType !== undefined) tr.removeMark(0, tr.doc.content.size, anchorType);
  return tr.doc.toJSON() as JSONContent;
}

const runs = fc.array(
  fc.record({
    text: fc.constantFrom('a', 'b c', 'd.'),
    bold: fc.boolean(),
    review: fc.constantFrom('none', 's1', 's1', 's2', 'x1'),
    thread: fc.constantFrom(null, 't1', 't2'),
    hardBreak: fc.boolean(),
  }),
  { maxLength: 4 },
);

function inline(parts: typeof runs extends fc.Arbitrary<infer T> ? T : never): JSONContent[] {
  return parts.map((part) => {
    const marks: NonNullable<JSONContent['marks']> = [];
    if (part.bold) marks.push({ type: 'bold' });
    if (part.review.startsWith('s')) marks.push(insert(part.review));
    if (part.review.startsWith('x')) marks.push(remove(part.review));
    if (part.thread !== null) marks.push(anchor(part.thread));
    const node: JSONContent = part.hardBreak ? { type: 'hardBreak' } : { type: 'text', text: part.text };
    return marks.length === 0 ? node : { ...node, marks };
  });
}

const textblock = fc.tuple(fc.constantFrom('paragraph', 'paragraph', 'heading'), runs).map(([type, parts]) => {
  const content = inline(parts);
  const node: JSONContent = type === 'heading' ? { type, attrs: { level: 3 } } : { type };
  return content.length === 0 ? node : { ...node, content };
});

const { blocks } = fc.letrec<{ block: JSONContent; blocks: JSONContent[] }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textblock,
    fc.constant({ type: 'chorusImage', attrs: { imageId: 'p1', alt: 'A door' } }),
    tie('blocks').map((content) => ({ type: 'blockquote', content })),
    fc
      .tuple(fc.constantFrom('bulletList', 'orderedList'), fc.array(tie('blocks'), { minLength: 1, maxLength: 3 }))
      .map(([type, items]) => ({ type, content: items.map((content) => ({ type: 'listItem', content })) })),
    fc
      .tuple(fc.constantFrom('contentWarning', 'inMyWords'), fc.array(textblock, { minLength: 1, maxLength: 3 }))
      .map(([type, content]) => ({
        type,
        content: content.map((node) => ({ ...node, type: 'paragraph', attrs: undefined })),
      })),
    fc.array(tie('blocks'), { minLength: 1, maxLength: 2 }).map((cells) => ({
      type: 'table',
      content: [{ type: 'tableRow', content: cells.map((content) => ({ type: 'tableCell', content })) }],
    })),
  ),
  blocks: fc.array(tie('block'), { minLength: 1, maxLength: 3 }),
}));

describe('stripReviewMarks without the editor', () => {
  it('gives what the editor gives for any document of the schema', () => {
    const schema = getChorusSchema();
    fc.assert(
      fc.property(blocks, (content) => {
        let node;
        try {
          node = schema.nodeFromJSON(JSON.parse(JSON.stringify(doc(...content))) as JSONContent);
          node.check();
        } catch {
          fc.pre(false);
          return;
        }
        const stored = node.toJSON() as JSONContent;
        expect(stripReviewMarks(stored)).toEqual(rejectedInTheEditor(stored));
      }),
      { numRuns: 400 },
    );
  });
});
