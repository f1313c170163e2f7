import { useCallback } from 'react';
import { useClock } from '../clock';
import type { SaveStatus } from '../../saving/autosave';
import { combineStatuses, statusText } from '../../saving/save-status';
import { useDerivedValue, useLiveText, type ValueStore } from '../../saving/value-store';

/** "Saving…", "Saved 14:02" or "Not saved — why", with a retry; never claims more than is true. */
export function SaveStatusLine({
  document,
  details,
  onRetry,
}: {
  document: ValueStore<SaveStatus>;
  details: ValueStore<SaveStatus>;
  onRetry: () => void;
}) {
  const clock = useClock();
  const current = useCallback(() => combineStatuses([document.get(), details.get()]), [document, details]);
  // The words change twice a save, straight in the page; only a failure (and its retry) renders.
  const text = useLiveText<HTMLSpanElement>(
    useCallback(() => statusText(current(), clock), [current, clock]),
    document,
    details,
  );
  const failed = useDerivedValue(document, details, () => current().state === 'failed');
  return (
    // Until a save fails, the line is one fixed-size box of its own (ui/common.css, `.live-value`).
    <div className={failed ? 'save-status' : 'save-status live-value'} role="status">
      <span ref={text} />
      {failed && (
        <button type="button" className="link-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
