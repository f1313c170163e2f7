import { useId, useState } from 'react';
import { Link } from 'react-router';
import {
  documentFromText,
  isDocument,
  restoreSnapshot,
  saveDocument,
  useDb,
  useSnapshots,
  type ResourceRecord,
} from '../../db';
import { formatWhen, type Clock } from '@core/clock';
import { Page } from '../../ui/Page';
import { useClock } from '../clock';

/**
 * Shown instead of the editor when a draft's saved document cannot be read. It says what happened,
 * shows the words Chorus kept beside the document (its plain text, written with every save), and
 * offers the two ways back: the newest version in the draft's history, or a new document made of
 * those words. Nothing changes until the person chooses one.
 */
export function DamagedDraft({
  resource,
  text,
  onRecovered,
}: {
  resource: ResourceRecord;
  /** The plain text stored with the damaged document. */
  text: string;
  /** Called once the draft has a readable document again, to open it. */
  onRecovered: () => void;
}) {
  const db = useDb();
  const clock = useClock();
  const snapshots = useSnapshots(resource.id);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  // The newest version that can itself be read (history can be damaged in storage like anything else).
  const lastSaved = snapshots?.find((snapshot) => snapshot.id !== undefined && isDocument(snapshot.doc));
  const savedWhen = lastSaved === undefined ? '' : whenSaved(lastSaved.createdAt, clock);
  const hasWords = text.trim() !== '';

  const run = async (action: () => Promise<unknown>, failure: string) => {
    setWorking(true);
    setError(null);
    try {
      await action();
      onRecovered();
    } catch {
      setError(failure);
    } finally {
      setWorking(false);
    }
  };

  const restore = () => {
    const snapshotId = lastSaved?.id;
    if (snapshotId === undefined) return;
    void run(
      () => restoreSnapshot(db, snapshotId, clock.now()),
      'The saved version could not be restored. Nothing has changed. Please try again.',
    );
  };
  const startAgain = () =>
    void run(
      () => saveDocument(db, resource.id, documentFromText(text), clock.now()),
      'The draft could not be saved. Nothing has changed. Please try again.',
    );

  return (
    <Page
      title="This draft could not be opened"
      intro={`The saved text of “${resource.title}” is damaged, so the editor cannot open it. Nothing has been deleted.`}
    >
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/drafts">Drafts</Link>
      </nav>
      <section aria-labelledby={`${id}-words`}>
        <h2 id={`${id}-words`}>The words Chorus could recover</h2>
        {hasWords ? (
          <div className="field">
            <label htmlFor={`${id}-text`}>The last saved words</label>
            <p className="field-hint" id={`${id}-hint`}>
              Chorus keeps a plain copy of the words with every save. This is the last one, without formatting or
              pictures. You can select and copy it.
            </p>
            <textarea
              id={`${id}-text`}
              aria-describedby={`${id}-hint`}
              readOnly
              value={text}
              rows={Math.min(20, Math.max(4, text.split('\n').length + 1))}
            />
          </div>
        ) : (
          <p>No words could be recovered from the damaged text.</p>
        )}
      </section>
      <section aria-labelledby={`${id}-choices`}>
        <h2 id={`${id}-choices`}>What you can do</h2>
        {error !== null && (
          <p role="alert" className="error-message">
            {error}
          </p>
        )}
        {lastSaved !== undefined && (
          <>
            <p>
              This draft’s history has a version from {savedWhen}. Restoring it keeps the words above in the history
              too.
            </p>
            <div className="page-actions">
              <button type="button" className="button" disabled={working} onClick={restore}>
                Restore the last saved version
              </button>
            </div>
          </>
        )}
        <p>
          {lastSaved !== undefined ? 'Or start' : 'Start'}{' '}
          {hasWords
            ? 'again from the words above: they become the draft’s text, as plain paragraphs.'
            : 'again with an empty page.'}{' '}
          To keep a copy of the damaged text as it is first, use “Export everything of mine” in{' '}
          <Link to="/settings">Settings</Link>.
        </p>
        <div className="page-actions">
          <button
            type="button"
            className={lastSaved === undefined ? 'button' : 'button button-secondary'}
            disabled={working}
            onClick={startAgain}
          >
            {hasWords ? 'Start again from this text' : 'Start again with an empty page'}
          </button>
          <Link to="/drafts" className="button button-quiet">
            Back to drafts
          </Link>
        </div>
      </section>
    </Page>
  );
}

/** When a version was kept, in words; "earlier" when the time kept with it is itself damaged. */
function whenSaved(time: unknown, clock: Clock): string {
  try {
    return typeof time === 'number' ? formatWhen(time, clock) : 'earlier';
  } catch {
    return 'earlier';
  }
}
