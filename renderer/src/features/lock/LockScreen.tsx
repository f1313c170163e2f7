import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { UnlockRefused } from '../../db';
import type { AppLock, LockReason } from './app-lock';
import { useClock } from '../clock';
import './lock.css';

const reasonText: Record<LockReason, string> = {
  asked: 'Chorus is locked.',
  idle: 'Chorus locked itself because it was not used for a while.',
  suspend: 'Chorus locked itself when the computer went to sleep.',
  'lock-screen': 'Chorus locked itself when the screen was locked.',
  'quick-exit': 'Chorus locked itself after the quick exit.',
};

/**
 * The only screen while locked: a passphrase and Unlock, and the quick exit. It names nothing
 * anyone wrote, and the window title stays "Chorus".
 */
export function LockScreen({
  lock,
  reason,
  onQuickExit,
  quickExitHint,
}: {
  lock: AppLock;
  reason: LockReason | null;
  onQuickExit: () => void;
  quickExitHint: { description: string; progress: string };
}) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState(0);
  const clock = useClock();
  const [now, setNow] = useState(() => clock.now());
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    document.title = 'Chorus';
    input.current?.focus();
  }, []);

  // Counts down a wait after wrong tries, so the button says when it will work again.
  useEffect(() => {
    if (waitUntil <= now) return;
    const timer = setTimeout(() => setNow(clock.now()), 250);
    return () => clearTimeout(timer);
  }, [clock, waitUntil, now]);
  const waitSeconds = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (busy || waitSeconds > 0) return;
    if (passphrase === '') {
      setError('Type your passphrase.');
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      await lock.unlock(passphrase);
    } catch (caught) {
      setBusy(false);
      setPassphrase('');
      if (caught instanceof UnlockRefused) {
        setError(caught.message);
        setWaitUntil(clock.now() + caught.waitMs);
        setNow(clock.now());
      } else {
        setError(`Chorus could not unlock: ${caught instanceof Error ? caught.message : String(caught)}`);
      }
      input.current?.focus();
    }
  };

  return (
    <div className="lock-screen-frame">
      <header className="topbar">
        <p className="brand">Chorus</p>
        <button type="button" className="quick-exit" onClick={onQuickExit} aria-describedby={`${id}-exit-hint`}>
          Quick exit
        </button>
        <p id={`${id}-exit-hint`} className="visually-hidden">
          {quickExitHint.description}
        </p>
        <p role="status" className="visually-hidden">
          {quickExitHint.progress}
        </p>
      </header>
      <main className="lock-screen">
        <h1>Unlock Chorus</h1>
        <p>{reason === null ? 'Your work on this device is locked.' : reasonText[reason]}</p>
        <form onSubmit={(event) => void submit(event)} className="lock-form" noValidate>
          <div className="field">
            <label htmlFor={`${id}-passphrase`}>Passphrase</label>
            <input
              ref={input}
              id={`${id}-passphrase`}
              type="password"
              autoComplete="current-password"
              spellCheck={false}
              value={passphrase}
              onChange={(event) => setPassphrase(event.target.value)}
              aria-invalid={error !== ''}
              aria-describedby={error === '' ? undefined : `${id}-error`}
            />
            {error !== '' && (
              <p id={`${id}-error`} className="field-error" role="alert">
                {error}
              </p>
            )}
          </div>
          <button type="submit" className="button" disabled={busy} aria-disabled={waitSeconds > 0}>
            {busy ? 'Unlocking…' : waitSeconds > 0 ? `Unlock (wait ${waitSeconds} s)` : 'Unlock'}
          </button>
        </form>
        <p className="lock-hint">
          If the passphrase is lost, what is on this device cannot be opened: there is no way round the lock. What was
          already shared to the repository is not affected.
        </p>
      </main>
    </div>
  );
}
