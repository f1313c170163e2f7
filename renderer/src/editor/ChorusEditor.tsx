import type { Editor, JSONContent } from '@tiptap/core';
import { EditorContent, useEditor, type UseEditorOptions } from '@tiptap/react';
import { useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type Ref } from 'react';
import { EditorUiShortcuts } from './editor-ui';
import { createChorusExtensions, findDocumentError } from './extensions';
import { FindingHighlights } from './finding-highlights';
import type { ImageStore } from './image-store';
import './editor.css';

export interface ChorusEditorProps {
  /**
   * The document to start from, or null for an empty one. It is read once: the editor owns the
   * document afterwards. To show another document, give the component a new `key`.
   */
  content: JSONContent | null;
  /**
   * Called after every change to the document, with the editor. Read `editor.getJSON()` when saving
   * (debounced by the caller), not here: serialising a long document on every keystroke is slow.
   */
  onChange?: (editor: Editor) => void;
  /** Called when the document loses focus: a good moment to save at once. */
  onBlur?: (editor: Editor) => void;
  images: ImageStore;
  /** The accessible name of the writing area, such as "Draft text". */
  label: string;
  editable?: boolean;
  /**
   * Receives the editor once it exists (for the toolbar, flushing a save, reading JSON or text), and
   * null when it goes away. It also receives null when the document could not be opened, so nothing
   * can save an empty document over the stored one.
   */
  onReady?: (editor: Editor | null) => void;
  /** The same editor as {@link ChorusEditorProps.onReady}, as a ref. */
  ref?: Ref<Editor | null>;
}

/** An image store that passes every call on to another one, which can be swapped. */
function createForwardingStore(initial: ImageStore): ImageStore & { forwardTo: (next: ImageStore) => void } {
  let target = initial;
  return {
    store: (blob) => target.store(blob),
    resolve: (imageId) => target.resolve(imageId),
    forwardTo: (next) => {
      target = next;
    },
  };
}

/** CSS pixels kept between the top of the window and the caret, for the sticky toolbar. */
const caretClearance = 128;

/**
 * The Chorus document: uncontrolled, and never re-rendered by typing
 * (`shouldRerenderOnTransaction: false`), so a long document types as fast as bare TipTap. Put an
 * {@link EditorToolbar} next to it with the editor from `onReady`; Ctrl+K and Alt+F10 reach that
 * toolbar wherever it is.
 */
export function ChorusEditor({
  content,
  onChange,
  onBlur,
  images,
  label,
  editable = true,
  onReady,
  ref,
}: ChorusEditorProps) {
  const latest = useRef({ onChange, onBlur, onReady });
  useLayoutEffect(() => {
    latest.current = { onChange, onBlur, onReady };
  });

  // Built once: a new extension list would make TipTap rebuild the schema. The store the extensions
  // see forwards to the latest `images` prop.
  const [setup] = useState(() => {
    const imageStore = createForwardingStore(images);
    const contentError = content === null ? null : findDocumentError(content);
    return {
      contentError,
      imageStore,
      extensions: [...createChorusExtensions({ images: imageStore }), EditorUiShortcuts, FindingHighlights],
      initialContent: contentError === null ? content : null,
      initiallyEditable: editable && contentError === null,
    };
  });

  useLayoutEffect(() => {
    setup.imageStore.forwardTo(images);
  }, [setup, images]);

  const options = useMemo<UseEditorOptions>(
    () => ({
      extensions: setup.extensions,
      content: setup.initialContent,
      editable: setup.initiallyEditable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      // The stylesheet is editor.css: an injected <style> element would be refused by the app's CSP.
      injectCSS: false,
      editorProps: {
        // The formatting toolbar sticks to the top of the window (with its table or picture row, up
        // to two rows): the caret is kept this far below the top, so typing never goes under it.
        scrollMargin: { top: caretClearance, bottom: 24, left: 5, right: 5 },
        scrollThreshold: { top: caretClearance, bottom: 24, left: 0, right: 0 },
        attributes: {
          role: 'textbox',
          'aria-label': label,
          'aria-multiline': 'true',
          spellcheck: 'true',
          lang: 'en-GB',
          'aria-readonly': String(!editable),
          class: 'chorus-document',
        },
      },
      onUpdate: ({ editor }) => latest.current.onChange?.(editor),
      onBlur: ({ editor }) => latest.current.onBlur?.(editor),
    }),
    [setup, label, editable],
  );
  const editor = useEditor(options);
  const usable = setup.contentError === null ? editor : null;

  useEffect(() => {
    // No update event: making the editor read-only does not change the document.
    editor.setEditable(editable && setup.contentError === null, false);
  }, [editor, editable, setup]);

  useEffect(() => {
    latest.current.onReady?.(usable);
    return () => latest.current.onReady?.(null);
  }, [usable]);

  useImperativeHandle<Editor | null, Editor | null>(ref, () => usable, [usable]);

  if (setup.contentError !== null) {
    return (
      <div className="chorus-editor chorus-editor--error" role="alert">
        <p>
          This document could not be opened, so it is not shown and cannot be changed. Your saved words have not been
          touched.
        </p>
      </div>
    );
  }

  return <EditorContent editor={editor} className="chorus-editor" />;
}
