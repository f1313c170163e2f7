// @vitest-environment happy-dom
import type { Editor, JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { hasPendingSuggestions, stripReviewMarks } from '../../../../renderer/src/editor/review';
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
    expect(stripReviewMarks(reviewed, 'accept-none')).toEqual(
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

    const stripped = stripReviewMarks(editor.getJSON(), 'accept-none');
    expect(stripped).toEqual(stripReviewMarks(original, 'accept-none'));
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
    expect(stripReviewMarks(plain, 'accept-none')).toEqual(editor.getJSON());
    // A saved document (with every attribute filled in) comes back exactly as it was.
    expect(stripReviewMarks(editor.getJSON(), 'accept-none')).toEqual(editor.getJSON());
    expect(stripReviewMarks(reviewed, 'accept-none')).toEqual(doc(paragraph('stays')));
    expect(reviewed).toEqual(copy);
  });

  it('throws on a document that does not fit the schema rather than guessing', () => {
    expect(() => stripReviewMarks({ type: 'doc', content: [{ type: 'marquee' }] }, 'accept-none')).toThrow();
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
    expect(hasPendingSuggestions(stripReviewMarks(nested, 'accept-none'))).toBe(false);
  });
});
