import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useSnapshots, type SnapshotRecord } from '../../db';
import { sideBySideDiff, stepChange, type DiffPart } from '@core/document/text-diff';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormDialog } from '../../ui/FormDialog';
import { Modal } from '../../ui/Modal';
import { formatWhen } from '@core/clock';
import { plural } from '../../ui/format';
import type { ValueStore } from '../../saving/value-store';
import type { SavedText } from './saved-text';
import { useClock } from '../clock';
import './drafting.css';

const kindLabels: Record<SnapshotRecord['kind'], string> = {
  auto: 'Automatic',
  named: 'Saved version',
  'before-restore': 'Before a restore',
};

function snapshotName(snapshot: SnapshotRecord): string {
  return snapshot.label === '' ? kindLabels[snapshot.kind] : snapshot.label;
}

/**
 * Versions of this draft on this device: automatic ones every ten minutes of editing, the ones
 * the user names, and one before every restore. Each can be read, compared and restored.
 */
export const HistoryPanel = memo(function HistoryPanel({
  resourceId,
  saved,
  flush,
  onSaveVersion,
  onRestore,
  renderPreview,
}: {
  resourceId: string;
  /** The last saved text, read only when a comparison is opened. */
  saved: ValueStore<SavedText>;
  /** Saves anything unsaved, so a comparison reads what is on screen. */
  flush: () => Promise<void>;
  /** Saves anything unsaved and then a named version, so it holds what is on screen. */
  onSaveVersion: (label: string) => Promise<void>;
  onRestore: (snapshot: SnapshotRecord) => Promise<void>;
  renderPreview: (snapshot: SnapshotRecord) => React.ReactNode;
}) {
  const clock = useClock();
  const snapshots = useSnapshots(resourceId);
  const [naming, setNaming] = useState(false);
  const [label, setLabel] = useState('');
  const [viewing, setViewing] = useState<{ snapshot: SnapshotRecord; mode: 'preview' | 'compare' } | null>(null);
  const [restoring, setRestoring] = useState<SnapshotRecord | null>(null);
  const id = useId();

  const saveVersion = async () => {
    await onSaveVersion(label);
    setNaming(false);
    setLabel('');
  };

  return (
    <section className="side-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>History</h2>
      <button type="button" className="button button-secondary" onClick={() => setNaming(true)}>
        Save a version
      </button>
      {snapshots?.length === 0 && (
        <p className="field-hint">
          No versions yet. One is kept automatically every ten minutes of writing, and you can save one at any time.
        </p>
      )}
      {snapshots !== undefined && snapshots.length > 0 && (
        <ul className="history-list" aria-label="Versions">
          {snapshots.map((snapshot) => (
            <li key={snapshot.id} className="history-item">
              <p className="history-name">{snapshotName(snapshot)}</p>
              <p className="history-meta">
                {formatWhen(snapshot.createdAt, clock)} · {plural(snapshot.wordCount, 'word')}
              </p>
              <div
                className="row-actions"
                role="group"
                aria-label={`${snapshotName(snapshot)}, ${formatWhen(snapshot.createdAt, clock)}`}
              >
                <button
                  type="button"
                  className="button button-small button-secondary"
                  onClick={() => setViewing({ snapshot, mode: 'preview' })}
                >
                  Read
                </button>
                <button
                  type="button"
                  className="button button-small button-secondary"
                  onClick={() => void flush().then(() => setViewing({ snapshot, mode: 'compare' }))}
                >
                  Compare
                </button>
                <button
                  type="button"
                  className="button button-small button-secondary"
                  onClick={() => setRestoring(snapshot)}
                >
                  Restore
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <FormDialog
        open={naming}
        onOpenChange={setNaming}
        title="Save a version"
        description="A copy of the draft as it is now, kept on this device. You can go back to it at any time."
        submitLabel="Save version"
        onSubmit={() => void saveVersion()}
      >
        <div className="field">
          <label htmlFor={`${id}-label`}>Name (optional)</label>
          <input
            id={`${id}-label`}
            value={label}
            onChange={(event) => setLabel(event.target.value)}
            placeholder="For example: before the session with Sam"
          />
        </div>
      </FormDialog>
      <Modal
        open={viewing !== null}
        onOpenChange={(open) => !open && setViewing(null)}
        wide
        title={
          viewing === null
            ? ''
            : `${viewing.mode === 'preview' ? 'Read' : 'Compare'}: ${snapshotName(viewing.snapshot)}, ${formatWhen(viewing.snapshot.createdAt, clock)}`
        }
      >
        {viewing !== null &&
          (viewing.mode === 'preview' ? (
            <div className="snapshot-preview">{renderPreview(viewing.snapshot)}</div>
          ) : (
            <Comparison older={viewing.snapshot.text} newer={saved.get().text()} />
          ))}
        <div className="dialog-actions">
          <button type="button" className="button button-secondary" onClick={() => setViewing(null)}>
            Close
          </button>
        </div>
      </Modal>
      <ConfirmDialog
        open={restoring !== null}
        onOpenChange={(open) => !open && setRestoring(null)}
        title="Restore this version?"
        confirmLabel="Restore"
        onConfirm={() => {
          if (restoring !== null) void onRestore(restoring);
          setRestoring(null);
        }}
      >
        <p>
          The draft will go back to “{restoring === null ? '' : snapshotName(restoring)}” from{' '}
          {restoring === null ? '' : formatWhen(restoring.createdAt, clock)}. What is there now is kept as a version
          first, so you can change your mind.
        </p>
      </ConfirmDialog>
    </section>
  );
});

function DiffColumn({ title, parts, current }: { title: string; parts: DiffPart[]; current: number }) {
  const textRef = useRef<HTMLDivElement>(null);
  // Each column scrolls on its own: the current change is brought a third of the way down it.
  useEffect(() => {
    const box = textRef.current;
    const change = box?.querySelector<HTMLElement>(`[data-change="${current}"]`);
    if (box === null || change === null || change === undefined) return;
    box.scrollTop = Math.max(0, change.offsetTop - box.clientHeight / 3);
  }, [current]);
  return (
    <section className="diff-column" aria-label={title}>
      <h3>{title}</h3>
      <div className="diff-text" ref={textRef}>
        {parts.map((part, index) => {
          if (part.change === 'same') return <span key={index}>{part.text}</span>;
          const Tag = part.change === 'removed' ? 'del' : 'ins';
          return (
            <Tag
              key={index}
              data-change={part.changeIndex}
              className={part.changeIndex === current ? 'diff-current' : undefined}
            >
              {part.text}
            </Tag>
          );
        })}
      </div>
    </section>
  );
}

/** Side by side, opened at the first change, with Previous and Next (Alt+Up, Alt+Down) between changes. */
function Comparison({ older, newer }: { older: string; newer: string }) {
  const diff = useMemo(() => sideBySideDiff(older, newer), [older, newer]);
  const [current, setCurrent] = useState(() => stepChange(-1, diff.changes, 1));
  const step = useCallback((by: 1 | -1) => setCurrent((at) => stepChange(at, diff.changes, by)), [diff.changes]);
  // Anywhere in the dialog, its Close button included: the comparison is all the dialog holds.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
      event.preventDefault();
      step(event.key === 'ArrowDown' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);
  return (
    <div>
      <p className="field-hint">
        Words only in the saved version are struck through; words only in the current draft are underlined.
      </p>
      <div className="diff-nav">
        <p className="diff-count" role="status">
          {diff.changes === 0
            ? 'No changes: the saved version and the current draft are the same.'
            : `${plural(diff.changes, 'change')}. Showing change ${current + 1} of ${diff.changes}.`}
        </p>
        {diff.changes > 0 && (
          <div className="row-actions" role="group" aria-label="Go between changes">
            <button
              type="button"
              className="button button-small button-secondary"
              aria-keyshortcuts="Alt+ArrowUp"
              title="Previous change (Alt+Up)"
              onClick={() => step(-1)}
            >
              Previous change
            </button>
            <button
              type="button"
              className="button button-small button-secondary"
              aria-keyshortcuts="Alt+ArrowDown"
              title="Next change (Alt+Down)"
              onClick={() => step(1)}
            >
              Next change
            </button>
          </div>
        )}
      </div>
      <div className="diff">
        <DiffColumn title="Saved version" parts={diff.older} current={current} />
        <DiffColumn title="Current draft" parts={diff.newer} current={current} />
      </div>
    </div>
  );
}
