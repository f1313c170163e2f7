import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getChorusSchema } from '../../../../renderer/src/editor/extensions';
import { findCommentAnchors, findSuggestions } from '../../../../renderer/src/editor/review';

const schema = getChorusSchema();

const start = schema.nodeFromJSON({
  type: 'doc',
  content: ['One two three', 'Four five six', 'Seven eight', 'Nine ten', 'Eleven twelve'].map((text) => ({
    type: 'paragraph',
    content: [{ type: 'text', text }],
  })),
});

type Edit = {
  kind: 'comment' | 'uncomment' | 'suggest' | 'unsuggest' | 'type' | 'delete' | 'split';
  a: number;
  b: number;
};

const edit: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom('comment', 'uncomment', 'suggest', 'unsuggest', 'type', 'delete', 'split'),
  a: fc.double({ min: 0, max: 1, noNaN: true }),
  b: fc.double({ min: 0, max: 1, noNaN: true }),
});

/** `state` with `edit` made: ProseMirror shares every block it did not touch with the last version. */
function apply(state: EditorState, { kind, a, b }: Edit): EditorState {
  const size = state.doc.content.size;
  const at = (fraction: number) => TextSelection.near(state.doc.resolve(Math.round(fraction * size))).from;
  const [from, to] = [at(Math.min(a, b)), at(Math.max(a, b))];
  const tr = state.tr;
  const comment = schema.mark('commentAnchor', { threadId: a < 0.5 ? 'thread-a' : 'thread-b' });
  const suggestion = schema.mark('suggestionInsert', {
    suggestionId: 'suggestion-1',
    authorId: 'f',
    createdAt: 1,
  });
  try {
    if (kind === 'comment') tr.addMark(from, to, comment);
    if (kind === 'uncomment') tr.removeMark(from, to, comment.type);
    if (kind === 'suggest') tr.addMark(from, to, suggestion);
    if (kind === 'unsuggest') tr.removeMark(from, to, suggestion.type);
    if (kind === 'type') tr.insertText('word ', from);
    if (kind === 'delete') tr.delete(from, to);
    if (kind === 'split') tr.split(from);
  } catch {
    return state;
  }
  return state.apply(tr);
}

describe('finding review marks in one version of a draft after another', () => {
  it('finds what a fresh read of each version finds, through any run of edits', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        let state = EditorState.create({ schema, doc: start });
        const versions: ProseMirrorNode[] = [];
        const found: unknown[] = [];
        for (const each of edits) {
          state = apply(state, each);
          versions.push(state.doc);
          // Each version is read straight after the one before, as the panels read them after each save.
          found.push([findCommentAnchors(state.doc), findSuggestions(state.doc)]);
        }
        // Read again as new documents, sharing nothing with any version read before.
        const fresh = versions.map((version) => {
          const copy = schema.nodeFromJSON(version.toJSON());
          return [findCommentAnchors(copy), findSuggestions(copy)];
        });
        expect(found).toEqual(fresh);
      }),
      { numRuns: 150 },
    );
  });

  it('forgets a mark when its last block is deleted, and finds it again in another block', () => {
    let state = EditorState.create({ schema, doc: start });
    state = apply(state, { kind: 'comment', a: 0.02, b: 0.1 });
    expect(findCommentAnchors(state.doc)).toHaveLength(1);
    const first = state.doc.child(0);
    const tr = state.tr.delete(0, first.nodeSize);
    state = state.apply(tr);
    expect(findCommentAnchors(state.doc)).toEqual([]);
    state = apply(state, { kind: 'comment', a: 0.9, b: 0.95 });
    expect(findCommentAnchors(state.doc).map((anchor) => anchor.threadId)).toEqual(['thread-b']);
  });
});
