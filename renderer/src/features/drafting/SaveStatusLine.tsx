import type { SaveStatus } from './autosave';
import { combineStatuses, statusText } from './save-status';
import { useStoreValue, type ValueStore } from './value-store';

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
  const status = combineStatuses([useStoreValue(document), useStoreValue(details)]);
  return (
    <div className="save-status" role="status">
      <span>{statusText(status)}</span>
      {status.state === 'failed' && (
        <button type="button" className="link-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
