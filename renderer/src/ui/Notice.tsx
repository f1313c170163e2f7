import { useEffect } from 'react';
import './notice.css';

export interface NoticeContent {
  message: string;
  action?: { label: string; run: () => void };
}

/**
 * A calm message after an action, with an optional Undo. It lives in a polite live region, stays
 * until dismissed or replaced (no timeout races a slow reader), and Escape dismisses it.
 */
export function Notice({ notice, onDismiss }: { notice: NoticeContent | null; onDismiss: () => void }) {
  useEffect(() => {
    if (notice === null) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onDismiss();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [notice, onDismiss]);

  return (
    <div className="notice-region" role="status" aria-live="polite">
      {notice !== null && (
        <div className="notice">
          <p>{notice.message}</p>
          {notice.action !== undefined && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                notice.action?.run();
                onDismiss();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
