import { useId, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../../electron/shared/contract';
import { collectEverything, useDb } from '../../db';
import { PlatformError, usePlatform } from '../../platform';
import { bytesToBase64 } from '@core/base64';
import { downloadBytes } from '../../ui/download';
import { lazyDialog } from '../../ui/lazy';
import { useClock } from '../clock';
import { archiveFileName, archiveMimeType, buildArchive } from './archive';
import type { EraseDialogProps } from './EraseDialog';
import { EraseIncomplete, eraseEverything } from './erase';
import './settings.css';

/** `data.save` takes at most 400 million base64 characters: about 300 MB of archive. */
const maxSavedBytes = 300_000_000;

/** Progress is announced in steps, so a screen reader is not read every percent. */
const progressStep = 20;

function savedText(outcome: ChannelOutput<'data.save'>): string {
  switch (outcome.outcome) {
    case 'saved':
      return `Saved “${outcome.fileName}”.`;
    case 'download':
      return `Saved “${outcome.fileName}” to your downloads.`;
    case 'cancelled':
      return 'Not saved: the save window was closed.';
    case 'failed':
      return `Not saved: ${outcome.message}`;
  }
}

/**
 * The person's own data: a copy of everything Chorus keeps on this device, and a way to erase it
 * all. Both are here, in Settings, so they are easy to find and never a surprise.
 */
export function YourDataSection() {
  const id = useId();
  return (
    <section className="card your-data" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Your data</h2>
      <ExportEverything />
      <EraseEverything />
    </section>
  );
}

function ExportEverything() {
  const db = useDb();
  const clock = useClock();
  const platform = usePlatform();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const announced = useRef(0);

  const onProgress = (percent: number) => {
    if (percent < announced.current + progressStep) return;
    announced.current = percent - (percent % progressStep);
    setStatus(`Preparing… ${announced.current}%`);
  };

  const save = async (bytes: Uint8Array): Promise<string> => {
    const fileName = archiveFileName(clock);
    if (platform.transport === 'web') {
      downloadBytes(fileName, archiveMimeType, bytes);
      return `Saved “${fileName}” to your browser’s downloads.`;
    }
    if (bytes.length > maxSavedBytes) return 'Not saved: the archive is larger than 300 MB, too large to hand over.';
    const outcome = await platform.invoke('data.save', {
      fileName,
      mimeType: archiveMimeType,
      data: bytesToBase64(bytes),
    });
    if (outcome.outcome === 'download') downloadBytes(outcome.fileName, outcome.mimeType, bytes);
    return savedText(outcome);
  };

  const run = async () => {
    // The button stays enabled so focus stays on it; a second press while preparing does nothing.
    if (busy) return;
    setBusy(true);
    announced.current = 0;
    setStatus('Preparing…');
    try {
      const bytes = await buildArchive(await collectEverything(db, clock), onProgress);
      setStatus(await save(bytes));
    } catch (error) {
      setStatus(
        error instanceof PlatformError && error.code === 'unreachable'
          ? 'Not saved: Chorus could not reach the part of the app that saves files. Please try again.'
          : 'Not saved: something went wrong while preparing the archive. Please try again.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h3>Export everything of mine</h3>
      <p>
        One zip file with everything Chorus keeps on this device: each draft and each saved version as a web page, your
        pictures, and all the data as JSON. It is not encrypted, so keep it somewhere only you can reach.
      </p>
      <button type="button" className="button button-secondary" aria-busy={busy} onClick={() => void run()}>
        Export everything of mine
      </button>
      <p role="status" className="status-line your-data-status">
        {status}
      </p>
    </>
  );
}

/** Radix and the dialog load when it is first opened. */
const EraseDialog = lazyDialog<EraseDialogProps>(() => import('./EraseDialog').then((module) => module.EraseDialog));

/**
 * Erasing cannot be undone, so the person types ERASE first. Focus starts in that field; Enter
 * confirms, Escape or Cancel leave without changing anything and focus goes back to the button.
 * While erasing, the dialog cannot be closed, and when everything is gone the app starts again at
 * its first screen.
 */
function EraseEverything() {
  const db = useDb();
  const platform = usePlatform();
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const busy = progress !== '';

  const erase = async () => {
    setFailure(null);
    setProgress('Erasing…');
    try {
      const address = await eraseEverything(db, platform, () =>
        setProgress('Waiting: another Chorus window or tab has your data open. Close it and erasing will carry on.'),
      );
      setProgress('Everything is erased. Chorus is starting again…');
      window.location.replace(address);
    } catch (error) {
      setProgress('');
      setFailure(
        error instanceof EraseIncomplete
          ? `Not everything could be erased. Still there: ${error.parts.join('; ')}. Please try again. If it fails again, close Chorus, open it and erase again.`
          : 'Something went wrong while erasing. Please try again.',
      );
      input.current?.focus();
    }
  };

  return (
    <>
      <h3>Erase everything on this device</h3>
      <p>
        Removes your drafts, their history and everything else Chorus keeps on this device, including the repository
        settings. What was already shared to the repository stays there.
      </p>
      {/* Where focus returns when the dialog closes. */}
      <button
        ref={opener}
        type="button"
        className="button button-danger"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        Erase everything on this device
      </button>
      <EraseDialog
        open={open}
        onOpenChange={(next) => {
          if (busy) return;
          setFailure(null);
          setOpen(next);
        }}
        input={input}
        opener={opener}
        busy={busy}
        progress={progress}
        failure={failure}
        onConfirm={() => void erase()}
      />
    </>
  );
}
