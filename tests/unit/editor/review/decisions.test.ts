// @vitest-environment happy-dom
import { generateHTML, generateJSON, type Editor, type JSONContent } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createChorusExtensions, findDocumentError } from '../../../../renderer/src/editor/extensions';
import { findSuggestions } from '../../../../renderer/src/editor/review';
import { createMemoryImageStore } from '../../../helpers/editor';
import { createReviewEditor, doc, findText, paragraph, paragraphs, selectText, typeText } from './review-editor';

const extensions = createChorusExtensions({ images: createMemoryImageStore() });

function suggested(
  kind: 'suggestionInsert' | 'suggestionDelete',
  text: string,
  suggestionId: string,
  authorId = 'facilitator-1',
): JSONContent {
  return {
    type: 'text',
    text,
    marks: [{ type: kind, attrs: { suggestionId, authorId, createdAt: 1_700_000_000_123 } }],
  };
}

/** "The [quick ]brown {slow }fox": an insertion i1, a deletion d1 and a replacement r1. */
const reviewed = doc(
  paragraph(
    'The ',
    suggested('suggestionInsert', 'quick ', 'i1'),
    'brown ',
    suggested('suggestionDelete', 'slow ', 'd1'),
    suggested('suggestionDelete', 'dog', 'r1'),
    suggested('suggestionInsert', 'fox', 'r1'),
  ),
);

let editor: Editor | undefined;
afterEach(() => {
  editor?.destroy();
  editor = undefined;
});

describe('accepting and rejecting one suggestion', () => {
  it.each([
    ['acceptSuggestion', 'i1', 'The quick brown slow dogfox', ['d1', 'r1']],
    ['rejectSuggestion', 'i1', 'The brown slow dogfox', ['d1', 'r1']],
    ['acceptSuggestion', 'd1', 'The quick brown dogfox', ['i1', 'r1']],
    ['rejectSuggestion', 'd1', 'The quick brown slow dogfox', ['i1', 'r1']],
    ['acceptSuggestion', 'r1', 'The quick brown slow fox', ['i1', 'd1']],
    ['rejectSuggestion', 'r1', 'The quick brown slow dog', ['i1', 'd1']],
  ] as const)('%s(%s) gives "%s" and leaves the others pending', (command, suggestionId, text, left) => {
    editor = createReviewEditor({ content: reviewed });
    expect(editor.commands[command](suggestionId)).toBe(true);
    expect(editor.getText()).toBe(text);
    expect([...new Set(findSuggestions(editor.state.doc).map((range) => range.suggestionId))]).toEqual(left);
  });

  it('keeps the formatting of words whose suggestion is accepted', () => {
    const bold: JSONContent = {
      type: 'text',
      text: 'strong',
      marks: [
        { type: 'bold' },
        { type: 'suggestionInsert', attrs: { suggestionId: 'i1', authorId: 'p', createdAt: 0 } },
      ],
    };
    editor = createReviewEditor({ content: doc(paragraph('A ', bold, ' word')) });
    editor.commands.acceptSuggestion('i1');
    expect(editor.getJSON()).toEqual(
      doc(paragraph('A ', { type: 'text', text: 'strong', marks: [{ type: 'bold' }] }, ' word')),
    );
  });

  it('refuses an unknown or unsafe id, and can() answers without changing anything', () => {
    editor = createReviewEditor({ content: reviewed });
    const before = editor.getJSON();
    expect(editor.commands.acceptSuggestion('missing')).toBe(false);
    expect(editor.commands.rejectSuggestion('not safe')).toBe(false);
    expect(editor.can().acceptSuggestion('i1')).toBe(true);
    expect(editor.can().rejectSuggestion('missing')).toBe(false);
    expect(editor.can().acceptAll()).toBe(true);
    expect(editor.getJSON()).toEqual(before);
  });
});

describe('accepting and rejecting everything', () => {
  it('acceptAll keeps insertions and removes deletions', () => {
    editor = createReviewEditor({ content: reviewed });
    expect(editor.commands.acceptAll()).toBe(true);
    expect(editor.getJSON()).toEqual(doc(paragraph('The quick brown fox')));
    expect(editor.commands.acceptAll()).toBe(false);
  });

  it('rejectAll removes insertions and keeps deletions', () => {
    editor = createReviewEditor({ content: reviewed });
    expect(editor.commands.rejectAll()).toBe(true);
    expect(editor.getJSON()).toEqual(doc(paragraph('The brown slow dog')));
    expect(editor.commands.rejectAll()).toBe(false);
  });

  it('undo brings the suggestions back after a decision', () => {
    editor = createReviewEditor({ content: reviewed });
    const before = editor.getJSON();
    editor.commands.acceptAll();
    editor.commands.undo();
    expect(editor.getJSON()).toEqual(before);
  });
});

describe('decisions while suggesting', () => {
  it('are made directly, never turned into new suggestions', () => {
    editor = createReviewEditor({ content: reviewed });
    editor.commands.setSuggesting(true, 'consultee-1');
    editor.commands.rejectSuggestion('i1');
    editor.commands.acceptSuggestion('d1');
    expect(editor.getText()).toBe('The brown dogfox');
    expect(findSuggestions(editor.state.doc).map((range) => range.suggestionId)).toEqual(['r1', 'r1']);
  });

  it('a deletion across paragraphs, accepted, joins them as a direct deletion would have', () => {
    editor = createReviewEditor({ content: doc(paragraph('First line'), paragraph('Second line')) });
    editor.commands.setSuggesting(true, 'facilitator-1');
    editor.commands.setTextSelection({ from: findText(editor, ' line').from, to: findText(editor, 'Second ').to });
    editor.commands.deleteSelection();
    expect(paragraphs(editor)).toEqual(['First line', 'Second line']);
    const [suggestion] = findSuggestions(editor.state.doc);
    expect(suggestion?.text).toBe(' line\nSecond ');

    editor.commands.acceptSuggestion(suggestion?.suggestionId ?? '');
    expect(paragraphs(editor)).toEqual(['Firstline']);
  });

  it('a suggested replacement typed word by word is accepted or rejected in one go', () => {
    editor = createReviewEditor({ content: doc(paragraph('I met my uncle there.')) });
    editor.commands.setSuggesting(true, 'facilitator-1');
    selectText(editor, 'my uncle');
    typeText(editor, 'a relative');
    const ids = new Set(findSuggestions(editor.state.doc).map((range) => range.suggestionId));
    expect(ids.size).toBe(1);
    const [id] = ids;
    editor.commands.setSuggesting(false);

    const snapshot = editor.getJSON();
    editor.commands.acceptSuggestion(id ?? '');
    expect(editor.getText()).toBe('I met a relative there.');
    editor.commands.setContent(snapshot);
    editor.commands.rejectSuggestion(id ?? '');
    expect(editor.getJSON()).toEqual(doc(paragraph('I met my uncle there.')));
  });
});

describe('suggestions in HTML', () => {
  it('render as ins and del with their data, and round-trip', () => {
    const html = generateHTML(reviewed, extensions);
    expect(html).toContain(
      '<ins data-suggestion-id="i1" data-author-id="facilitator-1" data-created-at="1700000000123" ' +
        'class="chorus-suggestion chorus-suggestion--insert">quick </ins>',
    );
    expect(html).toContain(
      '<del data-suggestion-id="d1" data-author-id="facilitator-1" data-created-at="1700000000123" ' +
        'class="chorus-suggestion chorus-suggestion--delete">slow </del>',
    );
    expect(generateJSON(html, extensions)).toEqual(reviewed);
  });

  it('ignores ins and del without safe ids, keeping their words as plain text', () => {
    const json = generateJSON(
      '<p><ins>plain</ins> <del data-suggestion-id="d 1" data-author-id="p">also</del></p>',
      extensions,
    ) as JSONContent;
    expect(json).toEqual(doc(paragraph('plain also')));
  });
});

describe('documents with review marks', () => {
  const stored = doc(
    paragraph(
      {
        type: 'text',
        text: 'anchored',
        marks: [{ type: 'commentAnchor', attrs: { threadId: 't1' } }],
      },
      ' ',
      suggested('suggestionInsert', 'added', 'i1'),
      suggested('suggestionDelete', 'removed', 'd1'),
    ),
  );

  it('fit the Chorus schema and open without losing a mark', () => {
    expect(findDocumentError(stored)).toBeNull();
    editor = createReviewEditor({ content: stored });
    expect(editor.getJSON()).toEqual(stored);
  });

  it('still open intact with the review commands switched off, which then do not exist', () => {
    editor = createReviewEditor({ content: stored, review: { enabled: false } });
    expect(editor.getJSON()).toEqual(stored);
    expect('setSuggesting' in editor.commands).toBe(false);
    expect('addCommentAnchor' in editor.commands).toBe(false);
  });
});
