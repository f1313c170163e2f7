import type { ReactNode, SyntheticEvent } from 'react';
import { Modal } from './Modal';
import './dialog.css';

/** A small dialog around a form: a title, fields, and a submit and a Cancel button. */
export function FormDialog({
  open,
  onOpenChange,
  title,
  description,
  submitLabel,
  onSubmit,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  submitLabel: string;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      {...(description === undefined ? {} : { description })}
    >
      <form onSubmit={submit} className="dialog-form">
        {children}
        <div className="dialog-actions">
          <button type="button" className="button button-secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </button>
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
