// @vitest-environment happy-dom
import type { Editor, JSONContent } from '@tiptap/core';
import { AllSelection, TextSelection } from '@tiptap/pm/state';
import { afterEach, describe, expect, it } from 'vitest';
import { findSuggestions, getSuggestingState } from '../../../../renderer/src/editor/review';
import {
  CLOCK,
  createReviewEditor,
  doc,
  findText,
  paragraph,
  paragraphs,
  pressKey,
  selectText,
  typeText,
} from './review-editor';

const facilitator = 'facilitator-1';
const other = 'facilitator-2';

/** The suggestions as a reader of the margin would list them. */
function listed(editor: Editor): Array<{ id: string; kind: string; text: string }> {
  return findSuggestions(editor.state.doc).map(({ suggestionId, kind, text }) => ({ id: suggestionId, kind, text }));
}

function inserted(text: string, suggestionId: string, authorId = facilitator): JSONContent {
  return { type: 'text', text, marks: [{ type: 'suggestionInsert', attrs: { suggestionId, authorId, createdAt: 1 } }] };
}

function deleted(text: string, suggestionId: string, authorId = facilitator): JSONContent {
  return { type: 'text', text, marks: [{ type: 'suggestionDelete', attrs: { suggestionId, authorId, createdAt: 1 } }] };
}

function suggesting(content: JSONContent, authorId = facilitator): Editor {
  const created = createReviewEditor({ content });
  expect(created.commands.setSuggesting(true, authorId)).toBe(true);
  return created;
}

function cursorAt(editor: Editor, pos: number): void {
  editor.commands.setTextSelection(pos);
}

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  editor = undefined;
});

describe('setSuggesting', () => {
  it('turns suggesting on for an author and off again, refusing an unsafe or missing author', () => {
    editor = createReviewEditor({ content: doc(paragraph('Text')) });
    expect(getSuggestingState(editor.state)).toEqual({ suggesting: false, authorId: null });
    expect(editor.commands.setSuggesting(true)).toBe(false);
    expect(editor.commands.setSuggesting(true, 'has space')).toBe(false);
    expect(getSuggestingState(editor.state).suggesting).toBe(false);
    expect(editor.commands.setSuggesting(true, facilitator)).toBe(true);
    expect(getSuggestingState(editor.state)).toEqual({ suggesting: true, authorId: facilitator });
    expect(editor.commands.setSuggesting(false)).toBe(true);
    expect(getSuggestingState(editor.state)).toEqual({ suggesting: false, authorId: null });
  });

  it('leaves typing direct while off', () => {
    editor = createReviewEditor({ content: doc(paragraph('Hello')) });
    cursorAt(editor, findText(editor, 'Hello').to);
    typeText(editor, ' there');
    expect(editor.getText()).toBe('Hello there');
    expect(listed(editor)).toEqual([]);
  });
});

describe('typing while suggesting', () => {
  it('marks typed words as one insertion by the author, with its time', () => {
    editor = suggesting(doc(paragraph('Hello world')));
    cursorAt(editor, findText(editor, 'Hello').to);
    typeText(editor, ' there');
    expect(editor.getText()).toBe('Hello there world');
    expect(findSuggestions(editor.state.doc)).toEqual([
      {
        suggestionId: 's1',
        kind: 'insert',
        authorId: facilitator,
        createdAt: CLOCK,
        ...findText(editor, ' there'),
        text: ' there',
      },
    ]);
    expect(editor.state.selection.from).toBe(findText(editor, ' there').to);
  });

  it('starts a new suggestion after the cursor moves away, and joins one when typing inside it', () => {
    editor = suggesting(doc(paragraph('One two')));
    cursorAt(editor, findText(editor, 'One').to);
    typeText(editor, 'ce');
    cursorAt(editor, findText(editor, 'two').to);
    typeText(editor, '!');
    cursorAt(editor, findText(editor, 'Onece').to - 1);
    typeText(editor, 'x');
    expect(listed(editor)).toEqual([
      { id: 's1', kind: 'insert', text: 'cxe' },
      { id: 's2', kind: 'insert', text: '!' },
    ]);
  });

  it('never marks the author’s new words as deleted when typed inside words suggested for deletion', () => {
    editor = suggesting(doc(paragraph('Keep ', deleted('old words', 'd1', other), ' here')));
    cursorAt(editor, findText(editor, 'old').to);
    typeText(editor, 'NEW');
    expect(listed(editor)).toEqual([
      { id: 'd1', kind: 'delete', text: 'old' },
      { id: 's1', kind: 'insert', text: 'NEW' },
      { id: 'd1', kind: 'delete', text: ' words' },
    ]);
  });

  it('outside suggesting mode, types plain words even inside a suggestion, so a decision never takes them', () => {
    editor = createReviewEditor({ content: doc(paragraph('A ', inserted('close', 'i1'), ' friend')) });
    cursorAt(editor, findText(editor, 'close').from + 2);
    typeText(editor, 'XY');
    expect(editor.getText()).toBe('A clXYose friend');
    expect(listed(editor)).toEqual([
      { id: 'i1', kind: 'insert', text: 'cl' },
      { id: 'i1', kind: 'insert', text: 'ose' },
    ]);
    editor.commands.rejectSuggestion('i1');
    expect(editor.getText()).toBe('A XY friend');
  });
});

describe('Backspace and Delete while suggesting', () => {
  it('Backspace strikes characters through instead of removing them, one suggestion for the run', () => {
    editor = suggesting(doc(paragraph('Hello world')));
    cursorAt(editor, findText(editor, 'world').to);
    for (let press = 0; press < 3; press += 1) expect(pressKey(editor, 'Backspace')).toBe(true);
    expect(editor.getText()).toBe('Hello world');
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'delete', text: 'rld' }]);
    // The cursor sits before the struck words, so typing goes there.
    expect(editor.state.selection.from).toBe(findText(editor, 'rld').from);
    typeText(editor, 'k');
    expect(editor.getText()).toBe('Hello wokrld');
  });

  it('Backspace steps over words already struck through to the next live character', () => {
    editor = suggesting(doc(paragraph('ab', deleted('cd', 'd1', other), 'ef')));
    cursorAt(editor, findText(editor, 'ef').from);
    pressKey(editor, 'Backspace');
    expect(listed(editor)).toEqual([
      { id: 's1', kind: 'delete', text: 'b' },
      { id: 'd1', kind: 'delete', text: 'cd' },
    ]);
    expect(editor.state.selection.from).toBe(findText(editor, 'b').from);
  });

  it('Delete strikes the characters after the cursor and keeps the cursor moving forward', () => {
    editor = suggesting(doc(paragraph('Hello world')));
    cursorAt(editor, findText(editor, 'world').from);
    pressKey(editor, 'Delete');
    pressKey(editor, 'Delete');
    expect(editor.getText()).toBe('Hello world');
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'delete', text: 'wo' }]);
    expect(editor.state.selection.from).toBe(findText(editor, 'rld').from);
  });

  it('deleting the author’s own suggested insertion really removes it', () => {
    editor = suggesting(doc(paragraph('Hello')));
    cursorAt(editor, findText(editor, 'Hello').to);
    typeText(editor, ' there');
    pressKey(editor, 'Backspace');
    pressKey(editor, 'Backspace');
    expect(editor.getText()).toBe('Hello the');
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'insert', text: ' the' }]);
    for (let press = 0; press < 5; press += 1) pressKey(editor, 'Backspace');
    expect(editor.getText()).toBe('Hello');
    expect(listed(editor)).toEqual([{ id: 's2', kind: 'delete', text: 'o' }]);
  });

  it('deleting someone else’s suggested insertion suggests deleting it', () => {
    editor = suggesting(doc(paragraph('A ', inserted('new', 'i1', other), ' idea')));
    cursorAt(editor, findText(editor, 'new').to);
    pressKey(editor, 'Backspace');
    expect(editor.getText()).toBe('A new idea');
    expect(listed(editor)).toEqual([
      { id: 'i1', kind: 'insert', text: 'new' },
      { id: 's1', kind: 'delete', text: 'w' },
    ]);
    // Rejecting the insertion removes the word; the deletion of part of it then has nothing left.
    editor.commands.rejectSuggestion('i1');
    expect(editor.getText()).toBe('A  idea');
    expect(listed(editor)).toEqual([]);
  });

  it('deletes a whole emoji at once', () => {
    editor = suggesting(doc(paragraph('Hi 👋🏽')));
    cursorAt(editor, editor.state.doc.content.size - 1);
    pressKey(editor, 'Backspace');
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'delete', text: '👋🏽' }]);
  });

  it('tracks a deletion the browser makes itself (a DOM change), with the cursor before it', () => {
    editor = suggesting(doc(paragraph('Hello world')));
    const end = findText(editor, 'world').to;
    cursorAt(editor, end);
    // What ProseMirror dispatches when it reads a native Backspace (or Ctrl+Backspace) from the DOM.
    editor.view.dispatch(editor.state.tr.delete(end - 5, end));
    expect(editor.getText()).toBe('Hello world');
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'delete', text: 'world' }]);
    expect(editor.state.selection.from).toBe(end - 5);
  });

  it('leaves Backspace at the start of a paragraph to join paragraphs directly, losing no words', () => {
    editor = suggesting(doc(paragraph('One'), paragraph('Two')));
    cursorAt(editor, findText(editor, 'Two').from);
    expect(pressKey(editor, 'Backspace')).toBe(true);
    expect(paragraphs(editor)).toEqual(['OneTwo']);
    expect(listed(editor)).toEqual([]);
  });

  it('does not delete a picture while suggesting', () => {
    editor = suggesting(
      doc(
        paragraph('Before'),
        { type: 'chorusImage', attrs: { imageId: 'image-1', alt: 'A tree' } },
        paragraph('After'),
      ),
    );
    editor.commands.setNodeSelection(findText(editor, 'Before').to + 1);
    pressKey(editor, 'Backspace');
    expect(JSON.stringify(editor.getJSON())).toContain('"imageId":"image-1"');
  });
});

describe('replacing, cutting, pasting and Enter while suggesting', () => {
  it('typing over a selection suggests a replacement: one id for the deletion and the insertion', () => {
    editor = suggesting(doc(paragraph('The cat sat')));
    selectText(editor, 'cat');
    typeText(editor, 'dog');
    expect(editor.getText()).toBe('The catdog sat');
    expect(listed(editor)).toEqual([
      { id: 's1', kind: 'delete', text: 'cat' },
      { id: 's1', kind: 'insert', text: 'dog' },
    ]);
    expect(editor.state.selection.from).toBe(findText(editor, 'dog').to);
  });

  it('a replacement inside a word covers the whole word', () => {
    editor = suggesting(doc(paragraph('The cat sat')));
    editor.commands.setTextSelection({ from: findText(editor, 'cat').from + 1, to: findText(editor, 'cat').from + 2 });
    typeText(editor, 'o');
    expect(listed(editor)).toEqual([
      { id: 's1', kind: 'delete', text: 'cat' },
      { id: 's1', kind: 'insert', text: 'cot' },
    ]);
    editor.commands.acceptSuggestion('s1');
    expect(editor.getText()).toBe('The cot sat');
  });

  it('deleting a selection across paragraphs keeps them, struck through', () => {
    editor = suggesting(doc(paragraph('First line'), paragraph('Second line')));
    editor.commands.setTextSelection({ from: findText(editor, 'line').from, to: findText(editor, 'Second').to });
    expect(pressKey(editor, 'Backspace')).toBe(true);
    expect(paragraphs(editor)).toEqual(['First line', 'Second line']);
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'delete', text: 'line\nSecond' }]);
  });

  it('cut leaves the words struck through', () => {
    editor = suggesting(doc(paragraph('Cut these words')));
    selectText(editor, 'these ');
    // ProseMirror's cut handler deletes the selection with this meta after copying it.
    editor.view.dispatch(editor.state.tr.deleteSelection().setMeta('uiEvent', 'cut'));
    expect(editor.getText()).toBe('Cut these words');
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'delete', text: 'these ' }]);
  });

  it('pasted text and paragraphs are suggested insertions, and replace a selection as a suggestion', () => {
    editor = suggesting(doc(paragraph('Start end')));
    selectText(editor, 'end');
    editor.view.pasteHTML('<p>one</p><p>two</p>');
    expect(paragraphs(editor)).toEqual(['Start endone', 'two']);
    expect(listed(editor)).toEqual([
      { id: 's1', kind: 'delete', text: 'end' },
      { id: 's1', kind: 'insert', text: 'one\ntwo' },
    ]);

    editor.commands.rejectSuggestion('s1');
    expect(editor.getJSON()).toEqual(doc(paragraph('Start end')));
  });

  it('pasted plain text is a suggested insertion', () => {
    editor = suggesting(doc(paragraph('Start')));
    cursorAt(editor, findText(editor, 'Start').to);
    editor.view.pasteText(' more');
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'insert', text: ' more' }]);
  });

  it('Enter splits the paragraph directly; the words typed after it are suggested', () => {
    editor = suggesting(doc(paragraph('One two')));
    cursorAt(editor, findText(editor, 'One').to);
    expect(pressKey(editor, 'Enter')).toBe(true);
    typeText(editor, 'New');
    expect(paragraphs(editor)).toEqual(['One', 'New two']);
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'insert', text: 'New' }]);
  });

  it('Enter over a selection keeps the selected words, struck through', () => {
    editor = suggesting(doc(paragraph('One two three')));
    selectText(editor, 'two');
    pressKey(editor, 'Enter');
    expect(paragraphs(editor)).toEqual(['One two', ' three']);
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'delete', text: 'two' }]);
  });

  it('insertContent from a command is a suggestion too', () => {
    editor = suggesting(doc(paragraph('Alpha')));
    cursorAt(editor, findText(editor, 'Alpha').to);
    editor.commands.insertContent(' beta');
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'insert', text: ' beta' }]);
  });
});

describe('content that cannot be a suggestion', () => {
  it('a picture pasted while suggesting is left out; the pasted words are suggested', () => {
    editor = suggesting(doc(paragraph('One')));
    cursorAt(editor, findText(editor, 'One').to);
    editor.view.pasteHTML('<p>text</p><img data-image-id="image-9" alt=""><p>more</p>');
    expect(JSON.stringify(editor.getJSON())).not.toContain('chorusImage');
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'insert', text: 'text\nmore' }]);
  });

  it('selecting everything and deleting strikes it all through, and typing goes after it', () => {
    editor = suggesting(doc(paragraph('One'), paragraph('Two')));
    editor.view.dispatch(editor.state.tr.setSelection(new AllSelection(editor.state.doc)));
    pressKey(editor, 'Backspace');
    typeText(editor, 'New');
    expect(paragraphs(editor)).toEqual(['One', 'Two', 'New']);
    expect(listed(editor)).toEqual([
      { id: 's1', kind: 'delete', text: 'One\nTwo' },
      { id: 's2', kind: 'insert', text: 'New' },
    ]);
  });

  it('Markdown shortcuts do not fire while suggesting: "## " stays suggested text, not a heading', () => {
    editor = suggesting(doc(paragraph('Hello'), { type: 'paragraph' }));
    cursorAt(editor, editor.state.doc.content.size - 1);
    typeText(editor, '## Title');
    expect(JSON.stringify(editor.getJSON())).not.toContain('heading');
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'insert', text: '## Title' }]);
  });
});

describe('changes that stay direct while suggesting', () => {
  it('formatting and removing a content warning change no words and make no suggestion', () => {
    editor = suggesting(doc({ type: 'contentWarning', content: [paragraph('Take care')] }, paragraph('Text')));
    selectText(editor, 'Text');
    editor.commands.toggleBold();
    cursorAt(editor, findText(editor, 'Take').from);
    editor.commands.unsetContentWarning();
    expect(editor.getJSON()).toEqual(
      doc(paragraph('Take care'), paragraph({ type: 'text', text: 'Text', marks: [{ type: 'bold' }] })),
    );
    expect(listed(editor)).toEqual([]);
  });

  it('undo takes a suggestion back as a whole, and is not itself a suggestion', () => {
    editor = suggesting(doc(paragraph('Hello world')));
    cursorAt(editor, findText(editor, 'world').to);
    pressKey(editor, 'Backspace');
    expect(listed(editor)).toHaveLength(1);
    editor.commands.undo();
    expect(editor.getJSON()).toEqual(doc(paragraph('Hello world')));
    expect(listed(editor)).toEqual([]);
    editor.commands.redo();
    expect(listed(editor)).toEqual([{ id: 's1', kind: 'delete', text: 'd' }]);
  });

  it('a transaction marked as a direct change is left alone', () => {
    editor = suggesting(doc(paragraph('Old')));
    editor
      .chain()
      .setMeta('chorusDirectChange', true)
      .setContent(doc(paragraph('Restored')))
      .run();
    expect(editor.getJSON()).toEqual(doc(paragraph('Restored')));
  });

  it('each author’s suggestions carry their own id', () => {
    editor = suggesting(doc(paragraph('Words')));
    cursorAt(editor, findText(editor, 'Words').to);
    typeText(editor, ' one');
    editor.commands.setSuggesting(true, other);
    typeText(editor, ' two');
    expect(findSuggestions(editor.state.doc).map(({ authorId, text }) => ({ authorId, text }))).toEqual([
      { authorId: facilitator, text: ' one' },
      { authorId: other, text: ' two' },
    ]);
  });
});

describe('a selection the key handler does not know', () => {
  it('Backspace over a selection that spans struck and live words strikes only the live ones', () => {
    editor = suggesting(doc(paragraph('ab', deleted('cd', 'd1', other), 'ef')));
    editor.view.dispatch(
      editor.state.tr.setSelection(
        TextSelection.create(editor.state.doc, findText(editor, 'b').from, findText(editor, 'e').to),
      ),
    );
    pressKey(editor, 'Backspace');
    expect(editor.getText()).toBe('abcdef');
    expect(listed(editor)).toEqual([
      { id: 's1', kind: 'delete', text: 'b' },
      { id: 'd1', kind: 'delete', text: 'cd' },
      { id: 's1', kind: 'delete', text: 'e' },
    ]);
  });
});
