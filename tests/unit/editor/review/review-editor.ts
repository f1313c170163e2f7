import { Editor, type Content, type JSONContent } from '@tiptap/core';
import { createChorusExtensions, type ChorusEditorOptions } from '../../../../renderer/src/editor/extensions';
import { createMemoryImageStore } from '../../../helpers/editor';

export const CLOCK = 1_700_000_000_000;

/**
 * A Chorus editor with the app's extensions and a predictable clock and suggestion ids
 * (`s1`, `s2`, …), mounted on a detached element. Destroy it at the end of the test.
 */
export function createReviewEditor(
  options: { content?: Content; review?: ChorusEditorOptions['review'] } = {},
): Editor {
  let next = 0;
  return new Editor({
    element: document.createElement('div'),
    extensions: createChorusExtensions({
      images: createMemoryImageStore(),
      review: {
        now: () => CLOCK,
        createSuggestionId: () => {
          next += 1;
          return `s${next}`;
        },
        ...options.review,
      },
    }),
    content: options.content ?? '',
    injectCSS: false,
  });
}

export function paragraph(...content: Array<string | JSONContent>): JSONContent {
  return {
    type: 'paragraph',
    content: content.map((part) => (typeof part === 'string' ? { type: 'text', text: part } : part)),
  };
}

export function doc(...content: JSONContent[]): JSONContent {
  return { type: 'doc', content };
}

/**
 * Types as the browser does: each character goes through `handleTextInput` (input rules, our
 * handlers) and, if nothing takes it, ProseMirror's default insertion — the path of real keystrokes.
 */
export function typeText(editor: Editor, text: string): void {
  const { view } = editor;
  for (const character of text) {
    const { from, to } = view.state.selection;
    const deflt = () => view.state.tr.insertText(character, from, to);
    if (view.someProp('handleTextInput', (handle) => handle(view, from, to, character, deflt)) !== true) {
      view.dispatch(deflt());
    }
  }
}

/** Presses a key through the editor's keydown handlers; true when one of them handled it. */
export function pressKey(editor: Editor, key: string, modifiers: KeyboardEventInit = {}): boolean {
  const { view } = editor;
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...modifiers });
  return view.someProp('handleKeyDown', (handle) => handle(view, event)) === true;
}

/** Selects the first occurrence of `words` in the document. */
export function selectText(editor: Editor, words: string): void {
  const range = findText(editor, words);
  editor.commands.setTextSelection(range);
}

/** Where the first occurrence of `words` is, within one paragraph (across marks). */
export function findText(editor: Editor, words: string): { from: number; to: number } {
  const found: Array<{ from: number; to: number }> = [];
  editor.state.doc.descendants((node, pos) => {
    if (found.length > 0) return false;
    if (!node.isTextblock) return true;
    // Each character's position; inline nodes other than text count as one character.
    const positions: number[] = [];
    let text = '';
    node.forEach((child, offset) => {
      const part = child.isText ? (child.text ?? '') : '\ufffc';
      for (let index = 0; index < part.length; index += 1) positions.push(pos + 1 + offset + index);
      text += part;
    });
    const index = text.indexOf(words);
    const start = positions[index];
    const last = positions[index + words.length - 1];
    if (index >= 0 && start !== undefined && last !== undefined) found.push({ from: start, to: last + 1 });
    return false;
  });
  const [first] = found;
  if (first === undefined) throw new Error(`"${words}" is not in the document.`);
  return first;
}

/** The text of each paragraph, as a reader would see it with every mark ignored. */
export function paragraphs(editor: Editor): string[] {
  const texts: string[] = [];
  editor.state.doc.descendants((node) => {
    if (node.isTextblock) texts.push(node.textContent);
    return !node.isTextblock;
  });
  return texts;
}
