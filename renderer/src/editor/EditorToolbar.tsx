import * as Toolbar from '@radix-ui/react-toolbar';
import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { useEditorState } from '@tiptap/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { allowedImageTypes, maxImageSize } from '@core/document/images';
import { checkImageFile } from './image-files';
import { Modal } from '../ui/Modal';
import { connectEditorUi } from './editor-ui';
import type { ImageStore } from './image-store';
import { ImageDialog, type ImageDialogTask } from './ImageDialog';
import { LinkDialog } from './LinkDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { ariaKeys, keyLabel } from './shortcuts';

export interface EditorToolbarProps {
  /** The editor from {@link ChorusEditor}'s `onReady`. */
  editor: Editor;
  /** Where new pictures are kept: the same store as the editor's. */
  images: ImageStore;
}

/**
 * What the toolbar shows, read from the editor on every transaction. It must stay cheap (a few
 * `isActive` checks on the selection, never a walk of the document), and the toolbar re-renders only
 * when one of these values changes.
 */
function selectToolbarState({ editor }: { editor: Editor }) {
  return {
    editable: editor.isEditable,
    heading: editor.isActive('heading', { level: 2 }),
    subheading: editor.isActive('heading', { level: 3 }),
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    underline: editor.isActive('underline'),
    highlight: editor.isActive('highlight'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    quote: editor.isActive('blockquote'),
    link: editor.isActive('link'),
    contentWarning: editor.isActive('contentWarning'),
    inMyWords: editor.isActive('inMyWords'),
    table: editor.isActive('table'),
    image: editor.isActive('chorusImage'),
    canUndo: undoDepth(editor.state) > 0,
    canRedo: redoDepth(editor.state) > 0,
  };
}

type ToolbarState = ReturnType<typeof selectToolbarState>;

interface ToolProps {
  label: string;
  /** For toggles: whether the format is on at the selection. */
  pressed?: boolean;
  keys?: readonly string[];
  disabled?: boolean;
  opensDialog?: boolean;
  className?: string;
  onClick: () => void;
  children?: ReactNode;
}

/** One toolbar button. Its visible text is its accessible name; the shortcut is in the tooltip and `aria-keyshortcuts`. */
function Tool({ label, pressed, keys, disabled, opensDialog, className, onClick, children }: ToolProps) {
  const shortcut = keys === undefined ? undefined : keys.map((key) => keyLabel(key)).join('+');
  return (
    <Toolbar.Button
      type="button"
      className={`chorus-tool${className === undefined ? '' : ` ${className}`}`}
      aria-pressed={pressed}
      aria-haspopup={opensDialog === true ? 'dialog' : undefined}
      aria-keyshortcuts={keys === undefined ? undefined : ariaKeys(keys)}
      title={shortcut === undefined ? undefined : `${label} (${shortcut})`}
      disabled={disabled}
      onClick={onClick}
    >
      {children ?? label}
    </Toolbar.Button>
  );
}

const imageNotAllowed = `This file cannot be added. Chorus can add pictures saved as PNG, JPEG, GIF or WebP, of up to ${maxImageSize}.`;

/**
 * The formatting toolbar: one tab stop, arrow keys between buttons (Radix roving focus), Escape back
 * to the writing. Every action returns focus to the document, so writing carries on after a click.
 */
export function EditorToolbar({ editor, images }: EditorToolbarProps) {
  const state: ToolbarState = useEditorState({ editor, selector: selectToolbarState });
  const [linkDialogOpen, setLinkDialogOpen] = useState(false);
  const [imageTask, setImageTask] = useState<ImageDialogTask | null>(null);
  const [imageError, setImageError] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);

  useEffect(
    () =>
      connectEditorUi(editor, {
        openLinkDialog: () => setLinkDialogOpen(true),
        focusToolbar: () => {
          // Radix keeps exactly one button at tabindex 0: the one last used, or the first.
          const toolbar = toolbarRef.current;
          (toolbar?.querySelector<HTMLElement>('[tabindex="0"]') ?? toolbar)?.focus();
        },
      }),
    [editor],
  );

  if (!state.editable) return null;

  const run = (command: (chain: ReturnType<Editor['chain']>) => ReturnType<Editor['chain']>) => {
    command(editor.chain().focus()).run();
  };

  const choosePicture = async (file: File | undefined) => {
    if (file === undefined) return;
    const picture = await checkImageFile(file);
    if (picture === null) setImageError(true);
    else setImageTask({ kind: 'insert', picture });
  };

  const describeSelectedPicture = () => {
    const alt: unknown = editor.getAttributes('chorusImage').alt;
    setImageTask({ kind: 'describe', alt: typeof alt === 'string' ? alt : '' });
  };

  return (
    <>
      <Toolbar.Root
        ref={toolbarRef}
        className="chorus-toolbar"
        aria-label="Formatting"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            editor.commands.focus();
          }
        }}
      >
        <div className="chorus-toolbar__group">
          <Tool
            label="Heading"
            pressed={state.heading}
            keys={['Mod', 'Alt', '2']}
            onClick={() => run((chain) => chain.toggleHeading({ level: 2 }))}
          />
          <Tool
            label="Subheading"
            pressed={state.subheading}
            keys={['Mod', 'Alt', '3']}
            onClick={() => run((chain) => chain.toggleHeading({ level: 3 }))}
          />
        </div>
        <Toolbar.Separator className="chorus-toolbar__separator" />
        <div className="chorus-toolbar__group">
          <Tool
            label="Bold"
            className="chorus-tool--bold"
            pressed={state.bold}
            keys={['Mod', 'B']}
            onClick={() => run((chain) => chain.toggleBold())}
          />
          <Tool
            label="Italic"
            className="chorus-tool--italic"
            pressed={state.italic}
            keys={['Mod', 'I']}
            onClick={() => run((chain) => chain.toggleItalic())}
          />
          <Tool
            label="Underline"
            className="chorus-tool--underline"
            pressed={state.underline}
            keys={['Mod', 'U']}
            onClick={() => run((chain) => chain.toggleUnderline())}
          />
          <Tool
            label="Highlight"
            className="chorus-tool--highlight"
            pressed={state.highlight}
            keys={['Mod', 'Shift', 'H']}
            onClick={() => run((chain) => chain.toggleHighlight())}
          />
        </div>
        <Toolbar.Separator className="chorus-toolbar__separator" />
        <div className="chorus-toolbar__group">
          <Tool
            label="Bulleted list"
            pressed={state.bulletList}
            keys={['Mod', 'Shift', '8']}
            onClick={() => run((chain) => chain.toggleBulletList())}
          />
          <Tool
            label="Numbered list"
            pressed={state.orderedList}
            keys={['Mod', 'Shift', '7']}
            onClick={() => run((chain) => chain.toggleOrderedList())}
          />
          <Tool
            label="Quote"
            pressed={state.quote}
            keys={['Mod', 'Shift', 'B']}
            onClick={() => run((chain) => chain.toggleBlockquote())}
          />
        </div>
        <Toolbar.Separator className="chorus-toolbar__separator" />
        <div className="chorus-toolbar__group">
          <Tool
            label={state.link ? 'Edit link' : 'Link'}
            keys={['Mod', 'K']}
            opensDialog
            onClick={() => setLinkDialogOpen(true)}
          />
          <Tool
            label="Table"
            disabled={state.table}
            onClick={() => run((chain) => chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true }))}
          />
          <Tool label="Image" opensDialog onClick={() => fileInputRef.current?.click()} />
        </div>
        <Toolbar.Separator className="chorus-toolbar__separator" />
        <div className="chorus-toolbar__group">
          <Tool
            label="Content warning"
            pressed={state.contentWarning}
            onClick={() => run((chain) => chain.toggleContentWarning())}
          />
          <Tool label="In my words" pressed={state.inMyWords} onClick={() => run((chain) => chain.toggleInMyWords())} />
        </div>
        <Toolbar.Separator className="chorus-toolbar__separator" />
        <div className="chorus-toolbar__group">
          <Tool
            label="Undo"
            keys={['Mod', 'Z']}
            disabled={!state.canUndo}
            onClick={() => run((chain) => chain.undo())}
          />
          <Tool
            label="Redo"
            keys={['Mod', 'Shift', 'Z']}
            disabled={!state.canRedo}
            onClick={() => run((chain) => chain.redo())}
          />
          <Tool label="Keyboard shortcuts" opensDialog onClick={() => setShortcutsOpen(true)} />
        </div>
        {state.table && (
          <div className="chorus-toolbar__group chorus-toolbar__group--context" role="group" aria-label="Table">
            <Tool label="Add row" onClick={() => run((chain) => chain.addRowAfter())} />
            <Tool label="Remove row" onClick={() => run((chain) => chain.deleteRow())} />
            <Tool label="Add column" onClick={() => run((chain) => chain.addColumnAfter())} />
            <Tool label="Remove column" onClick={() => run((chain) => chain.deleteColumn())} />
            <Tool label="Delete table" onClick={() => run((chain) => chain.deleteTable())} />
          </div>
        )}
        {state.image && (
          <div className="chorus-toolbar__group chorus-toolbar__group--context" role="group" aria-label="Image">
            <Tool label="Image description" opensDialog onClick={describeSelectedPicture} />
          </div>
        )}
      </Toolbar.Root>

      <input
        ref={fileInputRef}
        type="file"
        className="chorus-visually-hidden"
        accept={allowedImageTypes.join(',')}
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const input = event.currentTarget;
          void choosePicture(input.files?.[0]);
          // Clearing the value lets the same file be chosen again after a cancel.
          input.value = '';
        }}
      />

      <LinkDialog editor={editor} onLink={state.link} open={linkDialogOpen} onOpenChange={setLinkDialogOpen} />
      <ImageDialog editor={editor} images={images} task={imageTask} onClose={() => setImageTask(null)} />
      <ShortcutsDialog open={shortcutsOpen} onOpenChange={setShortcutsOpen} onClosed={() => editor.commands.focus()} />
      <Modal
        open={imageError}
        onOpenChange={setImageError}
        title="This picture cannot be added"
        description={imageNotAllowed}
        onClosed={() => editor.commands.focus()}
      >
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => setImageError(false)}>
            OK
          </button>
        </div>
      </Modal>
    </>
  );
}
