import { Extension, type Editor } from '@tiptap/core';

/** What the editor's interface keys reach: the toolbar, wherever the page puts it. */
export interface EditorUi {
  openLinkDialog: () => void;
  focusToolbar: () => void;
}

const connected = new WeakMap<Editor, EditorUi>();

/**
 * Connects a toolbar to an editor so that Ctrl+K and Alt+F10 in the document reach it. Returns the
 * function that disconnects it. The toolbar is a separate component, so pages can place it freely
 * and read-only views can leave it out.
 */
export function connectEditorUi(editor: Editor, ui: EditorUi): () => void {
  connected.set(editor, ui);
  return () => {
    if (connected.get(editor) === ui) connected.delete(editor);
  };
}

/** Keys that open parts of the interface rather than change the document; they do nothing without a toolbar. */
export const EditorUiShortcuts = Extension.create({
  name: 'chorusEditorUi',

  addKeyboardShortcuts() {
    return {
      'Mod-k': () => {
        const ui = connected.get(this.editor);
        if (ui === undefined || !this.editor.isEditable) return false;
        ui.openLinkDialog();
        return true;
      },
      'Alt-F10': () => {
        const ui = connected.get(this.editor);
        if (ui === undefined) return false;
        ui.focusToolbar();
        return true;
      },
    };
  },
});
