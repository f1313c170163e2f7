import type { ReactNode } from 'react';
import { lazyDialog } from './lazy';

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
 * Escape closes it), titled and described for screen readers. Radix loads when a dialog first opens.
 */
export const Modal = lazyDialog<ModalProps>(() => import('./dialog-frames').then((frames) => frames.ModalFrame));
