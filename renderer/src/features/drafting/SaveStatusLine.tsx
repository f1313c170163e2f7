import type { SaveStatus } from './autosave';
import { combineStatuses, statusText } from './save-status';
import { useDerivedValue, type ValueStore } from './value-store';

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
  // Only the words are watched: "Saving…" while waiting and "Saving…" while writing are the same
  // to a reader, so the line does not re-render (each React commit while the editor has focus
  // costs a walk of the editor's text to the caret).
  const text = useDerivedValue(document, details, () => statusText(combineStatuses([document.get(), details.get()])));
  const failed = combineStatuses([document.get(), details.get()]).state === 'failed';
  return (
    <div className="save-status" role="status">
      <span>{text}</span>
      {failed && (
        <button type="button" className="link-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
