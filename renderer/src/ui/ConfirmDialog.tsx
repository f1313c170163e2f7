import type { ReactNode } from 'react';
import { lazyDialog } from './lazy';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  destructive?: boolean;
}

/**
 * Asks before anything is destroyed or replaced. Focus starts on Cancel, so Enter never destroys
 * by accident; Escape cancels. Radix loads when a confirmation is first asked for.
 */
export const ConfirmDialog = lazyDialog<ConfirmDialogProps>(() =>
  import('./dialog-frames').then((frames) => frames.ConfirmFrame),
);
