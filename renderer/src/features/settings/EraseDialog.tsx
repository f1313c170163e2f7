// The erase dialog of YourDataSection, a chunk of its own with Radix: loaded when it is first opened.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useId, useState, type RefObject, type SyntheticEvent } from 'react';
import { useOutbox } from '../../db';
import '../../ui/dialog.css';

const confirmWord = 'ERASE';

export interface EraseDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  input: RefObject<HTMLInputElement | null>;
  /** The button that opens the dialog: focus goes back to it when the dialog closes. */
  opener: RefObject<HTMLButtonElement | null>;
  busy: boolean;
  progress: string;
  failure: string | null;
  onConfirm: () => void;
}

/** Focus starts in the typed confirmation; while erasing, the dialog cannot be closed. */
export function EraseDialog({
  open,
  onOpenChange,
  input,
  opener,
  busy,
  progress,
  failure,
  onConfirm,
}: EraseDialogProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="dialog erase-dialog"
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            input.current?.focus();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            opener.current?.focus();
          }}
          onEscapeKeyDown={(event) => {
            if (busy) event.preventDefault();
          }}
        >
          <AlertDialog.Title className="dialog-title">Erase everything on this device?</AlertDialog.Title>
          <EraseConsequences />
          <EraseForm input={input} busy={busy} progress={progress} failure={failure} onConfirm={onConfirm} />
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

/** What goes and what stays, read out as the dialog's description. */
function EraseConsequences() {
  const outbox = useOutbox();
  const waiting = outbox?.length ?? 0;
  return (
    <AlertDialog.Description asChild>
      <div className="dialog-body">
        <p>This cannot be undone. If you want a copy, export everything of yours first.</p>
        <p className="erase-heading">What will be erased from this device:</p>
        <ul>
          <li>your drafts, their history and the Trash</li>
          <li>comments, review notes and sign-offs</li>
          <li>approved versions and withdrawals not yet shared to the repository</li>
          <li>the copy of the library on this device</li>
          <li>training packs</li>
          <li>settings, support services and profiles</li>
          <li>the repository settings and the token Chorus keeps</li>
        </ul>
        {waiting > 0 && (
          <p className="erase-warning">
            {waiting === 1
              ? '1 approved version or withdrawal has not reached the repository yet and will be lost.'
              : `${waiting} approved versions or withdrawals have not reached the repository yet and will be lost.`}
          </p>
        )}
        <p className="erase-heading">What will stay:</p>
        <ul>
          <li>everything already shared to the repository stays there</li>
          <li>files you exported or saved elsewhere</li>
        </ul>
      </div>
    </AlertDialog.Description>
  );
}

/** The typed confirmation. Its state lives only while the dialog is open, so it starts empty each time. */
function EraseForm({
  input,
  busy,
  progress,
  failure,
  onConfirm,
}: {
  input: RefObject<HTMLInputElement | null>;
  busy: boolean;
  progress: string;
  failure: string | null;
  onConfirm: () => void;
}) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [mistyped, setMistyped] = useState(false);
  const error = mistyped ? `To erase, type ${confirmWord} in the box.` : failure;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy) return;
    const confirmed = typed.trim().toUpperCase() === confirmWord;
    setMistyped(!confirmed);
    if (confirmed) onConfirm();
    else input.current?.focus();
  };

  return (
    <form className="dialog-form" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-confirm`}>Type {confirmWord} to confirm</label>
        <input
          id={`${id}-confirm`}
          ref={input}
          value={typed}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          readOnly={busy}
          onChange={(event) => setTyped(event.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : `${id}-error`}
        />
        {error !== null && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <p role="status" className="status-line">
        {progress}
      </p>
      <div className="dialog-actions">
        <AlertDialog.Cancel className="button button-secondary" disabled={busy}>
          Cancel
        </AlertDialog.Cancel>
        <button type="submit" className="button button-danger" aria-disabled={busy}>
          Erase everything
        </button>
      </div>
    </form>
  );
}
