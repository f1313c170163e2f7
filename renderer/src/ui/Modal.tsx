import * as Dialog from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import './dialog.css';

export interface ModalProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** A sentence under the title that says what the dialog is for; read out when it opens. */
  description?: string;
  /** Where focus goes when the dialog closes, if not back to the control that opened it. */
  onClosed?: () => void;
  /** A wider dialog, for reading or comparing documents. */
  wide?: boolean;
  children: ReactNode;
}

/**
 * The frame of every dialog that is not a confirmation: a modal Radix dialog (focus kept inside,
 * Escape closes it), titled and described for screen readers.
 */
export function Modal({ open, onOpenChange, title, description, onClosed, wide = false, children }: ModalProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className={wide ? 'dialog dialog-large' : 'dialog'}
          {...(description === undefined ? { 'aria-describedby': undefined } : {})}
          onCloseAutoFocus={(event) => {
            if (onClosed === undefined) return;
            event.preventDefault();
            onClosed();
          }}
        >
          <Dialog.Title className="dialog-title">{title}</Dialog.Title>
          {description !== undefined && (
            <Dialog.Description className="dialog-description">{description}</Dialog.Description>
          )}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
