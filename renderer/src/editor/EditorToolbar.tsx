import * as Toolbar from '@radix-ui/react-toolbar';
import type { Editor } from '@tiptap/core';
import { redoDepth, undoDepth } from '@tiptap/pm/history';
import { useEditorState } from '@tiptap/react';
import { Fragment, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { allowedImageTypes, maxImageSize } from '@core/document/images';
import { checkImageFile } from './image-files';
import { Modal } from '../ui/Modal';
import { connectEditorUi } from './editor-ui';
import type { ImageStore } from './image-store';
import { ImageDialog, type ImageDialogTask } from './ImageDialog';
import { LinkDialog } from './LinkDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { ariaKeys, keyLabel } from './shortcuts';
import { toolsThatFit } from './toolbar-fit';

export interface EditorToolbarProps {
  /** The editor from {@link ChorusEditor}'s `onReady`. */
  editor: Editor;
  /** Where new pictures are kept: the same store as the editor's. */
  images: ImageStore;
  /**
   * Whether the document can be changed now. The toolbar is shown either way, so it does not jump
   * in when the page finishes opening; its tools are disabled while the document cannot change.
   */
  editable?: boolean;
}

/**
 * What the toolbar shows, read from the editor on every transaction. It must stay cheap (a few
 * `isActive` checks on the selection, never a walk of the document), and the toolbar re-renders only
 * when one of these values changes.
 */
function selectToolbarState({ editor }: { editor: Editor }) {
  return {
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

interface ToolSpec extends ToolProps {
  /** A separator goes before it on the row. */
  startsGroup?: boolean;
}

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
export function EditorToolbar({ editor, images, editable = true }: EditorToolbarProps) {
  const state: ToolbarState = useEditorState({ editor, selector: selectToolbarState });
  const [linkDialogOpen, setLinkDialogOpen] = useState(false);
  const [imageTask, setImageTask] = useState<ImageDialogTask | null>(null);
  const [imageError, setImageError] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  // In state, not a ref: the list of tools (read while rendering) holds the click that opens it.
  const [fileInput, setFileInput] = useState<HTMLInputElement | null>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const moreRef = useRef<HTMLButtonElement>(null);
  const [fitted, setFitted] = useState(Number.POSITIVE_INFINITY);
  const [moreOpen, setMoreOpen] = useState(false);
  const id = useId();

  // One row, always: the tools that do not fit its width go into "More". Their widths are read from
  // a hidden copy of every tool, so a tool's width is known before it is placed.
  useLayoutEffect(() => {
    const toolbar = toolbarRef.current;
    const measure = measureRef.current;
    if (toolbar === null || measure === null || typeof ResizeObserver === 'undefined') return;
    const fit = () => {
      const style = getComputedStyle(toolbar);
      const available = toolbar.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const row = toolbar.querySelector('.chorus-toolbar__row');
      const gap = row === null ? 0 : parseFloat(getComputedStyle(row).columnGap) || 0;
      const spans = Array.from(measure.children, (child) => child.getBoundingClientRect().width);
      const more = spans.pop() ?? 0;
      const starts = Array.from(measure.children, (child) => child.hasAttribute('data-starts-group'));
      // A separator is one pixel with a gap on each side.
      const widths = spans.map((width, index) => width + (starts[index] === true && index > 0 ? 1 + gap : 0));
      setFitted(toolsThatFit(widths, available, more, gap));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(toolbar);
    observer.observe(measure);
    return () => observer.disconnect();
  }, []);

  // The "More" menu closes when anything outside the toolbar is clicked.
  useEffect(() => {
    if (!moreOpen) return;
    const close = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || toolbarRef.current?.contains(event.target) !== true) setMoreOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [moreOpen]);

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

  const tools: ToolSpec[] = [
    {
      label: 'Bold',
      className: 'chorus-tool--bold',
      pressed: state.bold,
      keys: ['Mod', 'B'],
      onClick: () => run((chain) => chain.toggleBold()),
    },
    {
      label: 'Italic',
      className: 'chorus-tool--italic',
      pressed: state.italic,
      keys: ['Mod', 'I'],
      onClick: () => run((chain) => chain.toggleItalic()),
    },
    {
      label: 'Underline',
      className: 'chorus-tool--underline',
      pressed: state.underline,
      keys: ['Mod', 'U'],
      onClick: () => run((chain) => chain.toggleUnderline()),
    },
    {
      label: 'Highlight',
      pressed: state.highlight,
      keys: ['Mod', 'Shift', 'H'],
      onClick: () => run((chain) => chain.toggleHighlight()),
      children: (
        <>
          <span className="chorus-tool__swatch" aria-hidden="true" />
          Highlight
        </>
      ),
    },
    {
      label: 'Heading',
      startsGroup: true,
      pressed: state.heading,
      keys: ['Mod', 'Alt', '2'],
      onClick: () => run((chain) => chain.toggleHeading({ level: 2 })),
    },
    {
      label: 'Subheading',
      pressed: state.subheading,
      keys: ['Mod', 'Alt', '3'],
      onClick: () => run((chain) => chain.toggleHeading({ level: 3 })),
    },
    {
      label: 'Bulleted list',
      startsGroup: true,
      pressed: state.bulletList,
      keys: ['Mod', 'Shift', '8'],
      onClick: () => run((chain) => chain.toggleBulletList()),
    },
    {
      label: 'Numbered list',
      pressed: state.orderedList,
      keys: ['Mod', 'Shift', '7'],
      onClick: () => run((chain) => chain.toggleOrderedList()),
    },
    {
      label: state.link ? 'Edit link' : 'Link',
      startsGroup: true,
      keys: ['Mod', 'K'],
      opensDialog: true,
      onClick: () => setLinkDialogOpen(true),
    },
    {
      label: 'Quote',
      pressed: state.quote,
      keys: ['Mod', 'Shift', 'B'],
      onClick: () => run((chain) => chain.toggleBlockquote()),
    },
    {
      label: 'Content warning',
      startsGroup: true,
      pressed: state.contentWarning,
      onClick: () => run((chain) => chain.toggleContentWarning()),
    },
    { label: 'In my words', pressed: state.inMyWords, onClick: () => run((chain) => chain.toggleInMyWords()) },
    {
      label: 'Table',
      startsGroup: true,
      disabled: state.table,
      onClick: () => run((chain) => chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true })),
    },
    { label: 'Image', opensDialog: true, onClick: () => fileInput?.click() },
    {
      label: 'Undo',
      startsGroup: true,
      keys: ['Mod', 'Z'],
      disabled: !state.canUndo,
      onClick: () => run((chain) => chain.undo()),
    },
    {
      label: 'Redo',
      keys: ['Mod', 'Shift', 'Z'],
      disabled: !state.canRedo,
      onClick: () => run((chain) => chain.redo()),
    },
    { label: 'Keyboard shortcuts', startsGroup: true, opensDialog: true, onClick: () => setShortcutsOpen(true) },
  ];
  const onRow = tools.slice(0, fitted);
  const inMore = tools.slice(fitted);
  const toolFrom = (tool: ToolSpec, where: 'row' | 'more') => (
    <Tool
      key={tool.label}
      {...tool}
      disabled={!editable || tool.disabled === true}
      onClick={() => {
        if (where === 'more') setMoreOpen(false);
        tool.onClick();
      }}
    />
  );

  return (
    <>
      <Toolbar.Root
        ref={toolbarRef}
        className="chorus-toolbar"
        aria-label="Formatting"
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            if (moreOpen) {
              setMoreOpen(false);
              moreRef.current?.focus();
            } else editor.commands.focus();
          }
        }}
      >
        <div className="chorus-toolbar__row">
          {onRow.map((tool, index) => (
            <Fragment key={tool.label}>
              {tool.startsGroup === true && index > 0 && <Toolbar.Separator className="chorus-toolbar__separator" />}
              {toolFrom(tool, 'row')}
            </Fragment>
          ))}
          {inMore.length > 0 && (
            <Toolbar.Button
              ref={moreRef}
              type="button"
              className="chorus-tool chorus-tool--more"
              aria-expanded={moreOpen}
              aria-controls={`${id}-more`}
              onClick={() => setMoreOpen((open) => !open)}
            >
              More
              <span className="chorus-tool__chevron" aria-hidden="true" />
            </Toolbar.Button>
          )}
        </div>
        {inMore.length > 0 && moreOpen && (
          <div id={`${id}-more`} className="chorus-toolbar__more" role="group" aria-label="More formatting">
            {inMore.map((tool) => toolFrom(tool, 'more'))}
          </div>
        )}
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
        <div className="chorus-toolbar__measure" aria-hidden="true" ref={measureRef}>
          {tools.map((tool) => (
            <span
              key={tool.label}
              className={`chorus-tool${tool.className === undefined ? '' : ` ${tool.className}`}`}
              data-starts-group={tool.startsGroup === true ? '' : undefined}
            >
              {tool.children ?? tool.label}
            </span>
          ))}
          <span className="chorus-tool chorus-tool--more">
            More
            <span className="chorus-tool__chevron" />
          </span>
        </div>
      </Toolbar.Root>

      <input
        ref={setFileInput}
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
