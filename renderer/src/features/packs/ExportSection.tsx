import { useId, useRef, useState } from 'react';
import type { ExportFormat } from '../../../../electron/shared/contract';
import { getPackView, getSupportContacts, useDb } from '../../db';
import { base64ToBytes } from '@core/base64';
import { PlatformError, usePlatform } from '../../platform';
import { downloadBytes } from '../../ui/download';
import {
  canExport,
  exportBlockedReason,
  exportOutcomeText,
  formatLabels,
  packExportRequest,
  type ExportBlockers,
} from './pack-rules';
import './packs.css';

const formats: readonly ExportFormat[] = ['docx', 'pdf', 'pptx', 'html'];

/**
 * The four export buttons. They are off, with the reason beside them, while the pack is empty or
 * holds a withdrawn resource, and while an export runs (then the status says what is being made).
 * The pack is read again from the database at the moment of export, after everything typed is
 * saved, so the file has exactly what is on screen.
 */
export function ExportSection({
  packId,
  blockers,
  flush,
}: {
  packId: string;
  blockers: ExportBlockers;
  flush: () => Promise<void>;
}) {
  const db = useDb();
  const platform = usePlatform();
  const id = useId();
  // The ref, not the state, decides: two clicks can arrive before React has drawn the first one's result.
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const ready = canExport(blockers);
  const reason = exportBlockedReason(blockers);

  const run = async (format: ExportFormat) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setStatus(`Making the ${formatLabels[format]} file… A long pack can take a minute.`);
    try {
      await flush();
      const [view, support] = await Promise.all([getPackView(db, packId), getSupportContacts(db)]);
      const request = view === null ? null : packExportRequest(format, view, support);
      if (request === null) {
        setStatus('This pack cannot be exported now. Check the warnings above.');
        return;
      }
      const outcome = await platform.invoke('export.create', request);
      if (outcome.outcome === 'download')
        downloadBytes(outcome.fileName, outcome.mimeType, base64ToBytes(outcome.data));
      setStatus(exportOutcomeText(outcome));
    } catch (error) {
      setStatus(
        error instanceof PlatformError && error.code === 'unreachable'
          ? 'Chorus could not reach the export service. Please try again.'
          : 'Something went wrong while exporting. Nothing was saved. Please try again.',
      );
    } finally {
      running.current = false;
      setBusy(false);
    }
  };

  return (
    <section className="card pack-section" aria-labelledby={`${id}-heading`} aria-busy={busy}>
      <h2 id={`${id}-heading`}>Export</h2>
      <p>
        Make one file of the whole pack for your session, with the session plan, your introduction and your notes on
        each resource.
      </p>
      {reason !== '' && (
        <p id={`${id}-reason`} className="export-blocked">
          {reason}
        </p>
      )}
      <div className="actions">
        {formats.map((format) => (
          <button
            key={format}
            type="button"
            className="button button-secondary"
            disabled={!ready}
            // aria-disabled, not disabled, while exporting: the pressed button keeps the focus.
            aria-disabled={busy ? true : undefined}
            aria-describedby={reason === '' ? undefined : `${id}-reason`}
            onClick={() => void run(format)}
          >
            Export as {formatLabels[format]}
          </button>
        ))}
      </div>
      <p role="status" className="status-line export-status">
        {status}
      </p>
    </section>
  );
}
