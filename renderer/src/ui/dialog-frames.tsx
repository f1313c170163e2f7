// The Radix dialogs behind Modal and ConfirmDialog: a chunk of their own, loaded when a dialog first
// opens (each of those modules says how), so the first page does not carry them.
import * as AlertDialog from '@radix-ui/react-alert-dialog';
import * as Dialog from '@radix-ui/react-dialog';
import type { ConfirmDialogProps } from './ConfirmDialog';
import type { ModalProps } from './Modal';
import './dialog.css';

/**
 * The frame of every dialog that is not a confirmation: a modal Radix dialog (focus kept inside,
 * Escape closes it), titled and described for screen readers.
 */
export function ModalFrame({ open, onOpenChange, title, description, onClosed, wide = false, children }: ModalProps) {
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

/**
 * Asks before anything is destroyed or replaced. Focus starts on Cancel, so Enter never destroys
 * by accident; Escape cancels.
 */
export function ConfirmFrame({
  open,
  onOpenChange,
  title,
  children,
  confirmLabel,
  onConfirm,
  destructive = false,
}: ConfirmDialogProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog">
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description asChild>
            <div className="dialog-body">{children}</div>
          </AlertDialog.Description>
          <div className="dialog-actions">
            <AlertDialog.Cancel className="button button-secondary">Cancel</AlertDialog.Cancel>
            <AlertDialog.Action className={destructive ? 'button button-danger' : 'button'} onClick={onConfirm}>
              {confirmLabel}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
