import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import {
  defaultQuickExitShortcut,
  quickExitShortcutPreference,
  resetPreference,
  setPreference,
  useDb,
  usePreference,
  type KeyboardShortcut,
} from '../../db';
import { describeShortcut, recordShortcut } from './quick-exit-shortcut';
import './settings.css';

function sameShortcut(a: KeyboardShortcut, b: KeyboardShortcut): boolean {
  return (
    a.code === b.code &&
    a.key === b.key &&
    a.ctrl === b.ctrl &&
    a.alt === b.alt &&
    a.shift === b.shift &&
    a.meta === b.meta
  );
}

/**
 * The quick exit's keys (Shift three times, always; and a shortcut the person can change or turn
 * off) and a plain account of what the quick exit does and does not protect against.
 */
export function QuickExitSection() {
  const db = useDb();
  const setting = usePreference(quickExitShortcutPreference);
  const [recording, setRecording] = useState(false);
  const [message, setMessage] = useState('');
  // The box shows the new state while it is stored, rather than springing back until the store answers.
  const [turning, setTurning] = useState<boolean | null>(null);
  const recorderRef = useRef<HTMLInputElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const wasRecording = useRef(false);
  const id = useId();

  // Focus follows the recorder: into it when it opens, back to the button that opened it after.
  useEffect(() => {
    if (recording) recorderRef.current?.focus();
    else if (wasRecording.current) chooseRef.current?.focus();
    wasRecording.current = recording;
  }, [recording]);

  if (setting === undefined) {
    return (
      <section className="card" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>Quick exit</h2>
        <p className="loading">Loading…</p>
      </section>
    );
  }

  const current = describeShortcut(setting.shortcut);
  const isDefault = setting.on && sameShortcut(setting.shortcut, defaultQuickExitShortcut);

  const turn = async (on: boolean) => {
    setTurning(on);
    try {
      await setPreference(db, quickExitShortcutPreference, { ...setting, on });
    } finally {
      setTurning(null);
    }
    setMessage(
      on ? `${current} leaves Chorus again.` : `${current} no longer leaves Chorus. Shift three times still does.`,
    );
  };

  const reset = async () => {
    await resetPreference(db, quickExitShortcutPreference);
    setRecording(false);
    setMessage(`Back to ${describeShortcut(defaultQuickExitShortcut)}.`);
  };

  const onRecorderKey = (event: KeyboardEvent<HTMLInputElement>) => {
    // Tab is left alone, so the recorder never traps the keyboard; leaving it stops recording.
    if (event.key === 'Tab') return;
    event.preventDefault();
    if (event.key === 'Escape' && !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey) {
      setRecording(false);
      setMessage('No change.');
      return;
    }
    const result = recordShortcut(event.nativeEvent);
    if (result.kind === 'waiting') return;
    if (result.kind === 'refused') {
      setMessage(`${result.reason} Try other keys, or press Escape to keep ${current}.`);
      return;
    }
    void setPreference(db, quickExitShortcutPreference, { on: true, shortcut: result.shortcut }).then(() => {
      setRecording(false);
      setMessage(`Saved. ${describeShortcut(result.shortcut)} now leaves Chorus.`);
    });
  };

  return (
    <section className="card quick-exit-settings" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Quick exit</h2>
      <p>
        The Quick exit button is at the top of every screen. You can also leave by pressing Shift three times, or with a
        shortcut of your own.
      </p>
      <dl className="details">
        <dt>Shift</dt>
        <dd>Pressed three times within five seconds. Always on.</dd>
        <dt>Shortcut</dt>
        <dd>{setting.on ? current : 'Off'}</dd>
      </dl>

      <div className="field">
        <label className="checkbox">
          <input
            type="checkbox"
            checked={turning ?? setting.on}
            onChange={(event) => void turn(event.target.checked)}
          />
          Also leave with a keyboard shortcut
        </label>
      </div>

      {recording ? (
        <div className="field quick-exit-recorder">
          <label htmlFor={`${id}-recorder`}>New shortcut</label>
          <p id={`${id}-recorder-hint`} className="field-hint">
            Press the keys together now: hold down Ctrl or Alt (Shift too, if you like) and press one more key. Escape
            keeps the shortcut you have. Pressing {current} here leaves Chorus, as it does everywhere.
          </p>
          <input
            id={`${id}-recorder`}
            ref={recorderRef}
            readOnly
            value=""
            placeholder="Waiting for keys…"
            aria-describedby={`${id}-recorder-hint ${id}-status`}
            onKeyDown={onRecorderKey}
            onBlur={() => setRecording(false)}
          />
        </div>
      ) : (
        <div className="actions">
          <button
            ref={chooseRef}
            type="button"
            className="button button-secondary"
            onClick={() => {
              setMessage('');
              setRecording(true);
            }}
          >
            Choose a different shortcut
          </button>
          <button type="button" className="button button-secondary" onClick={() => void reset()} disabled={isDefault}>
            Go back to {describeShortcut(defaultQuickExitShortcut)}
          </button>
        </div>
      )}
      <p id={`${id}-status`} role="status" className="status-line">
        {message}
      </p>

      <h3>What the quick exit does</h3>
      <ul>
        <li>Clears the screen at once, so nothing you wrote stays in view.</li>
        <li>Locks Chorus, if the app lock is on, so it asks for your passphrase before it shows anything again.</li>
        <li>In the desktop app, hides the Chorus window as well.</li>
        <li>In browser mode, leaves a blank page and takes the screen you were on out of the address bar.</li>
        <li>Keeps everything you wrote: nothing is closed without saving and nothing is deleted.</li>
      </ul>
      <h3>What it cannot do</h3>
      <ul>
        <li>
          It does not clear the browser’s history in browser mode: the history list and the Back button can still show
          that Chorus was open.
        </li>
        <li>
          It does not hide that Chorus is installed or running. It may still show in the taskbar or dock, in the list of
          running programs, or as a browser tab.
        </li>
        <li>It cannot help if someone takes the device while Chorus is open, before you press it.</li>
        <li>
          It cannot stop screen-recording or remote-control software that is already running, and it cannot undo
          screenshots or photos already taken.
        </li>
        <li>Without the app lock, anyone who opens Chorus again on this device can read what is in it.</li>
      </ul>
    </section>
  );
}
