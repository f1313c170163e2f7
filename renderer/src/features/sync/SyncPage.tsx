import { useState } from 'react';
import { useOutbox, useSkippedFiles, useSyncState } from '../../db';
import { formatWhen } from '@core/clock';
import { Page } from '../../ui/Page';
import { RepositorySettings } from './RepositorySettings';
import { useRepositoryStatus, useSyncActivity, useSyncEngine, useSyncStatus } from './SyncProvider';
import { describeOutboxEntry, describeOutboxKind, isSetUp } from './status';
import { useClock, useNow } from '../clock';
import './sync.css';

export function SyncPage() {
  return (
    <Page title="Sync" intro="Approved versions and withdrawals are shared through a repository you choose.">
      <StatusSection />
      <OutboxSection />
      <SkippedFilesSection />
      <RepositorySettings />
    </Page>
  );
}

function StatusSection() {
  const clock = useClock();
  const engine = useSyncEngine();
  const status = useSyncStatus();
  const activity = useSyncActivity();
  const syncState = useSyncState();
  const { repository } = useRepositoryStatus();
  const [requested, setRequested] = useState(false);
  const running = requested || activity.phase !== 'idle';

  const syncNow = () => {
    setRequested(true);
    void engine.request({ everything: true }).finally(() => setRequested(false));
  };

  return (
    <section className="card sync-card sync-status" aria-labelledby="sync-status-heading" data-kind={status.kind}>
      <h2 id="sync-status-heading">
        <span className="visually-hidden">Status: </span>
        <span className="sync-status-dot" aria-hidden="true" />
        {status.label}
      </h2>
      <p>{status.detail}</p>
      {syncState !== undefined && repository !== undefined && isSetUp(repository) && (
        <p className="sync-last">
          {syncState.lastSyncAt === null ? 'Not synced yet' : `Last synced ${formatWhen(syncState.lastSyncAt, clock)}`}
        </p>
      )}
      {repository !== undefined && isSetUp(repository) && (
        <div className="actions">
          <button type="button" className="button" onClick={syncNow} disabled={running}>
            Sync now
          </button>
          {running && <p className="status-line">Syncing…</p>}
        </div>
      )}
    </section>
  );
}

function OutboxSection() {
  const outbox = useOutbox();
  const clock = useClock();
  const now = useNow(15_000);
  return (
    <section className="card sync-card" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">Waiting to be shared</h2>
      {outbox === undefined && <p className="loading">Loading…</p>}
      {outbox?.length === 0 && (
        <p className="sync-empty">
          Nothing waiting. Approved versions are shared as soon as Chorus can reach the repository.
        </p>
      )}
      {outbox !== undefined && outbox.length > 0 && (
        <ul className="sync-list" aria-labelledby="outbox-heading">
          {outbox.map((entry) => {
            const { attention, state, reason } = describeOutboxEntry(entry, now, clock);
            return (
              <li key={entry.seq} className="sync-item" data-attention={attention}>
                <p className="sync-item-title">
                  <strong>{entry.title}</strong> · {describeOutboxKind(entry)}
                </p>
                <p className="sync-item-state">
                  {attention ? <strong>{state}</strong> : state}
                  {reason === '' ? '' : `: ${reason}`}
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function SkippedFilesSection() {
  const skipped = useSkippedFiles();
  if (skipped === undefined || skipped.length === 0) return null;
  return (
    <section className="card sync-card" aria-labelledby="skipped-heading">
      <h2 id="skipped-heading">Files Chorus skipped</h2>
      <p>
        Chorus could not use these files in the repository, so it left them out of the library. Everything else in the
        repository was taken as usual.
      </p>
      <ul className="sync-list" aria-labelledby="skipped-heading">
        {skipped.map((file) => (
          <li key={file.path} className="sync-item">
            <p className="sync-item-title path">{file.path}</p>
            <p className="sync-item-state">{file.reason}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
