// @vitest-environment happy-dom
import { generateHTML, generateJSON, type Editor, type JSONContent } from '@tiptap/core';
import { closeHistory } from '@tiptap/pm/history';
import { afterEach, describe, expect, it } from 'vitest';
import { createChorusExtensions, getChorusSchema } from '../../../../renderer/src/editor/extensions';
import { findCommentAnchors, getActiveThread } from '../../../../renderer/src/editor/review';
import { createMemoryImageStore } from '../../../helpers/editor';
import { createReviewEditor, doc, findText, paragraph, pressKey, selectText, typeText } from './review-editor';

const extensions = createChorusExtensions({ images: createMemoryImageStore() });

function anchored(text: string, ...threadIds: string[]): JSONContent {
  return { type: 'text', text, marks: threadIds.map((threadId) => ({ type: 'commentAnchor', attrs: { threadId } })) };
}

function activeHighlights(editor: Editor): string[] {
  return Array.from(editor.view.dom.querySelectorAll('.chorus-comment--active'), (element) => element.textContent);
}

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  editor = undefined;
});

describe('comment anchors in HTML', () => {
  it('render as span[data-comment-thread] and round-trip, overlapping threads included', () => {
    const original = doc(
      paragraph('The ', anchored('quick ', 'a'), anchored('brown', 'a', 'b'), anchored(' fox', 'b')),
    );
    const html = generateHTML(original, extensions);
    expect(html).toBe(
      '<p>The <span data-comment-thread="a" class="chorus-comment">quick ' +
        '<span data-comment-thread="b" class="chorus-comment">brown</span></span>' +
        '<span data-comment-thread="b" class="chorus-comment"> fox</span></p>',
    );
    expect(generateJSON(html, extensions)).toEqual(original);
  });

  it('drop an anchor whose thread id is not in the safe alphabet, keeping its words', () => {
    const json = generateJSON(
      '<p>Keep <span data-comment-thread="bad id!">these words</span></p>',
      extensions,
    ) as JSONContent;
    expect(json).toEqual(doc(paragraph('Keep these words')));
  });
});

describe('addCommentAnchor and removeCommentAnchor', () => {
  it('anchors a thread to the selection, and findCommentAnchors reports its range and words', () => {
    editor = createReviewEditor({ content: doc(paragraph('The quick brown fox')) });
    selectText(editor, 'quick brown');
    expect(editor.commands.addCommentAnchor('thread-1')).toBe(true);
    expect(findCommentAnchors(editor.state.doc)).toEqual([
      { threadId: 'thread-1', ...findText(editor, 'quick brown'), text: 'quick brown' },
    ]);
  });

  it('refuses an empty selection, an unsafe id, and a selection without text', () => {
    editor = createReviewEditor({
      content: doc(paragraph('Words'), { type: 'chorusImage', attrs: { imageId: 'image-1', alt: '' } }),
    });
    editor.commands.setTextSelection(3);
    expect(editor.commands.addCommentAnchor('thread-1')).toBe(false);
    selectText(editor, 'Words');
    expect(editor.commands.addCommentAnchor('not safe')).toBe(false);
    expect(editor.commands.addCommentAnchor('x'.repeat(65))).toBe(false);
    editor.commands.setNodeSelection(7);
    expect(editor.state.selection.empty).toBe(false);
    expect(editor.commands.addCommentAnchor('thread-1')).toBe(false);
    expect(JSON.stringify(editor.getJSON())).not.toContain('commentAnchor');
  });

  it('lets threads overlap, each keeping its own range', () => {
    editor = createReviewEditor({ content: doc(paragraph('The quick brown fox')) });
    selectText(editor, 'quick brown');
    editor.commands.addCommentAnchor('a');
    selectText(editor, 'brown fox');
    editor.commands.addCommentAnchor('b');
    expect(findCommentAnchors(editor.state.doc).map(({ threadId, text }) => ({ threadId, text }))).toEqual([
      { threadId: 'a', text: 'quick brown' },
      { threadId: 'b', text: 'brown fox' },
    ]);

    expect(editor.commands.removeCommentAnchor('a')).toBe(true);
    expect(findCommentAnchors(editor.state.doc).map(({ threadId, text }) => ({ threadId, text }))).toEqual([
      { threadId: 'b', text: 'brown fox' },
    ]);
    expect(editor.commands.removeCommentAnchor('a')).toBe(false);
    expect(editor.getText()).toBe('The quick brown fox');
  });

  it('merges a thread across paragraphs into one range, and splits it where unanchored words come between', () => {
    editor = createReviewEditor({ content: doc(paragraph('First part'), paragraph('Second part')) });
    editor.commands.setTextSelection({ from: findText(editor, 'part').from, to: findText(editor, 'Second').to });
    editor.commands.addCommentAnchor('t');
    expect(findCommentAnchors(editor.state.doc).map((anchor) => anchor.text)).toEqual(['part\nSecond']);

    editor = createReviewEditor({ content: doc(paragraph(anchored('one ', 't'), 'two ', anchored('three', 't'))) });
    expect(findCommentAnchors(editor.state.doc).map((anchor) => anchor.text)).toEqual(['one ', 'three']);
  });

  it('does not grow when someone types at its edges, nor follow Enter into the next paragraph', () => {
    editor = createReviewEditor({ content: doc(paragraph('Say ', anchored('this', 't'), ' please')) });
    editor.commands.setTextSelection(findText(editor, 'this').to);
    typeText(editor, '!');
    editor.commands.setTextSelection(findText(editor, 'this').from);
    typeText(editor, '>');
    expect(findCommentAnchors(editor.state.doc).map((anchor) => anchor.text)).toEqual(['this']);

    editor.commands.setTextSelection(findText(editor, 'this').to - 1);
    typeText(editor, 'i');
    expect(findCommentAnchors(editor.state.doc).map((anchor) => anchor.text)).toEqual(['thiis']);

    editor.commands.setTextSelection(findText(editor, 'thiis').to);
    pressKey(editor, 'Enter');
    typeText(editor, 'new');
    expect(editor.getText({ blockSeparator: '|' })).toBe('Say >thiis|new! please');
    expect(findCommentAnchors(editor.state.doc).map((anchor) => anchor.text)).toEqual(['thiis']);
  });
});

describe('finding anchors again after each save', () => {
  it('reads only the changed blocks and finds what a fresh read of the same document finds', () => {
    const schema = getChorusSchema();
    const fresh = (current: Editor) => findCommentAnchors(schema.nodeFromJSON(current.getJSON()));
    editor = createReviewEditor({
      content: doc(
        paragraph(anchored('start', 't')),
        { type: 'paragraph' },
        paragraph(anchored('end', 't'), ' of it'),
        paragraph(anchored('whole', 't')),
        paragraph('Plain words'),
        paragraph(anchored('last', 't')),
        paragraph('More plain words'),
      ),
    });
    const current = editor;
    const before = findCommentAnchors(current.state.doc);
    // The thread runs on over the empty paragraph, which has no words to end it, but not over plain words.
    expect(before.map((anchor) => anchor.text)).toEqual(['start\n\nend', 'whole', 'last']);
    current.commands.setTextSelection(findText(current, 'Plain').to);
    typeText(current, ' new');
    expect(findCommentAnchors(current.state.doc)).toEqual(fresh(current));
    selectText(current, 'More');
    current.commands.addCommentAnchor('u');
    expect(findCommentAnchors(current.state.doc).map((anchor) => anchor.threadId)).toEqual(['t', 't', 't', 'u']);
    expect(findCommentAnchors(current.state.doc)).toEqual(fresh(current));
    selectText(current, 'More');
    current.commands.removeCommentAnchor('u');
    expect(findCommentAnchors(current.state.doc)).toEqual(fresh(current));
    expect(findCommentAnchors(current.state.doc).map((anchor) => anchor.text)).toEqual([
      'start\n\nend',
      'whole',
      'last',
    ]);
  });
});

describe('the active thread', () => {
  it('highlights only that thread’s words, and none after setActiveThread(null)', () => {
    editor = createReviewEditor({
      content: doc(paragraph(anchored('one', 'a'), ' and ', anchored('two', 'b')), paragraph(anchored('more', 'a'))),
    });
    expect(activeHighlights(editor)).toEqual([]);
    expect(editor.commands.setActiveThread('a')).toBe(true);
    expect(getActiveThread(editor.state)).toBe('a');
    expect(activeHighlights(editor)).toEqual(['one', 'more']);

    editor.commands.setActiveThread('b');
    expect(activeHighlights(editor)).toEqual(['two']);
    editor.commands.setActiveThread(null);
    expect(activeHighlights(editor)).toEqual([]);
    expect(editor.commands.setActiveThread('not safe')).toBe(false);
  });

  it('shows a thread: selects its words, highlights them and scrolls them into view', () => {
    editor = createReviewEditor({ content: doc(paragraph('Before ', anchored('words', 'a'), ' after')) });
    const scrolled: boolean[] = [];
    editor.on('transaction', ({ transaction }) => scrolled.push(transaction.scrolledIntoView));
    expect(editor.commands.showThread('a')).toBe(true);
    const { from, to } = editor.state.selection;
    expect(editor.state.doc.textBetween(from, to)).toBe('words');
    expect(activeHighlights(editor)).toEqual(['words']);
    expect(scrolled).toEqual([true]);
    // Words that were deleted cannot be shown: nothing moves.
    expect(editor.commands.showThread('gone')).toBe(false);
    expect(scrolled.filter(Boolean)).toEqual([true]);
    expect(activeHighlights(editor)).toEqual(['words']);
  });

  it('follows typing and new anchors of the thread, and is not an undo step', () => {
    editor = createReviewEditor({ content: doc(paragraph('Before ', anchored('words', 'a'), ' after')) });
    editor.commands.setActiveThread('a');
    editor.commands.setTextSelection(1);
    typeText(editor, 'Now ');
    editor.commands.setTextSelection(findText(editor, 'words').from + 2);
    typeText(editor, 'r');
    expect(activeHighlights(editor)).toEqual(['worrds']);

    // Close the undo group, so undo below takes back only the new anchor.
    editor.view.dispatch(closeHistory(editor.state.tr));
    selectText(editor, 'after');
    editor.commands.addCommentAnchor('a');
    expect(activeHighlights(editor)).toEqual(['worrds', 'after']);

    editor.commands.undo();
    expect(activeHighlights(editor)).toEqual(['worrds']);
    expect(getActiveThread(editor.state)).toBe('a');
  });
});
