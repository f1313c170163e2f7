import type { Editor } from '@tiptap/core';
import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { Modal } from '../ui/Modal';
import { normaliseLinkInput } from './links';

export const linkNotAllowedMessage =
  'Chorus cannot link to this. Links must go to a web page (starting https:// or http://) or to an email address.';

export interface LinkDialogProps {
  editor: Editor;
  /** Whether the selection is on a link already, which makes this an "Edit link" dialog. */
  onLink: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Adds, changes or removes the link at the selection. Opened from the toolbar or with Ctrl+K. */
export function LinkDialog({ editor, onLink, open, onOpenChange }: LinkDialogProps) {
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={onLink ? 'Edit link' : 'Add a link'}
      onClosed={() => editor.commands.focus()}
    >
      {open && <LinkForm editor={editor} onDone={() => onOpenChange(false)} />}
    </Modal>
  );
}

function LinkForm({ editor, onDone }: { editor: Editor; onDone: () => void }) {
  const id = useId();
  // Read once when the dialog opens: the selection does not change while it is open.
  const [initial] = useState(() => {
    const href: unknown = editor.getAttributes('link').href;
    const onLink = editor.isActive('link');
    return { href: typeof href === 'string' ? href : '', onLink, needsText: !onLink && editor.state.selection.empty };
  });
  const [address, setAddress] = useState(initial.href);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const addressRef = useRef<HTMLInputElement>(null);

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const href = normaliseLinkInput(address);
    if (href === null) {
      setError(address.trim() === '' ? 'Enter a web address or an email address.' : linkNotAllowedMessage);
      addressRef.current?.focus();
      return;
    }
    if (initial.needsText) {
      editor
        .chain()
        .insertContent({
          type: 'text',
          text: text.trim() === '' ? href : text,
          marks: [{ type: 'link', attrs: { href } }],
        })
        // Links carry on as you type after them; this new one should end where it was inserted.
        .unsetMark('link')
        .run();
    } else {
      editor.chain().extendMarkRange('link').setLink({ href }).run();
    }
    onDone();
  };

  const remove = () => {
    editor.chain().extendMarkRange('link').unsetLink().run();
    onDone();
  };

  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <form className="dialog-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-address`}>Web address or email</label>
        <p id={hintId} className="field-hint">
          For example, https://www.example.org or name@example.org
        </p>
        <input
          ref={addressRef}
          id={`${id}-address`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={address}
          aria-invalid={error !== null}
          aria-describedby={error === null ? hintId : `${hintId} ${errorId}`}
          onChange={(event) => {
            setAddress(event.target.value);
            setError(null);
          }}
        />
        {error !== null && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {initial.needsText && (
        <div className="field">
          <label htmlFor={`${id}-text`}>Text to show (optional)</label>
          <input id={`${id}-text`} type="text" value={text} onChange={(event) => setText(event.target.value)} />
        </div>
      )}
      <div className="dialog-actions">
        <button type="submit" className="button">
          {initial.onLink ? 'Save link' : 'Add link'}
        </button>
        {initial.onLink && (
          <button type="button" className="button button-secondary" onClick={remove}>
            Remove link
          </button>
        )}
        <button type="button" className="button button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
