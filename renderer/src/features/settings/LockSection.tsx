import { useCallback, useEffect, useId, useState } from 'react';
import type { PrivacyStatus } from '../../../../electron/shared/contract';
import { autoLockMinutesPreference, setPreference, UnlockRefused, useDb, usePreference } from '../../db';
import { usePlatform } from '../../platform';
import { FormDialog } from '../../ui/FormDialog';
import { Notice, type NoticeContent } from '../../ui/Notice';
import { useAppLock } from '../lock';
import './settings.css';

/** Long enough to resist guessing; three random words are suggested. */
export const minimumPassphraseLength = 8;

const autoLockChoices = [1, 5, 10, 15, 30, 60] as const;

type Dialog = 'turn-on' | 'change' | 'turn-off' | 'remember' | null;

/**
 * The app lock and the window's privacy: a passphrase that encrypts this device's records, when it
 * locks by itself, remembering the key in the OS keychain, and keeping the window out of screen
 * captures. The person chooses each; nothing here is on unless they turn it on.
 */
export function LockSection() {
  const db = useDb();
  const platform = usePlatform();
  const { lock, view } = useAppLock();
  const autoLockMinutes = usePreference(autoLockMinutesPreference);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [privacy, setPrivacy] = useState<PrivacyStatus | null>(null);
  const id = useId();
  const on = view.kind === 'unlocked';

  const loadPrivacy = useCallback(() => {
    platform.invoke('privacy.status', {}).then(setPrivacy, () => setPrivacy(null));
  }, [platform]);
  useEffect(loadPrivacy, [loadPrivacy]);

  const setRemember = async (remember: boolean) => {
    try {
      const refused = await lock.remember(remember);
      setNotice({
        message:
          refused ??
          (remember ? 'This device will unlock Chorus by itself.' : 'This device no longer remembers the key.'),
      });
    } catch (error) {
      setNotice({ message: `That did not work: ${error instanceof Error ? error.message : String(error)}` });
    }
    loadPrivacy();
  };

  /** Hands a privacy choice to the host and shows what it now says; a failure is said in words. */
  const setHostChoice = async (
    channel: 'privacy.setSpellingDownload' | 'privacy.setContentProtection',
    on: boolean,
  ) => {
    try {
      setPrivacy(await platform.invoke(channel, { on }));
    } catch (error) {
      setNotice({ message: `That did not work: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>App lock and privacy</h2>
      <p>
        {on
          ? 'The lock is on. Your drafts, their history, comments, suggestions, sign-offs and consent, identifying-detail decisions, pictures, profiles, packs, support contacts, sync state and the library copy are encrypted on this device.'
          : 'The lock is off. With it on, Chorus asks for a passphrase when it starts and encrypts everything it keeps about your work on this device.'}
      </p>
      {on ? (
        <>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void lock.lockNow('asked')}>
              Lock now
            </button>
            <button type="button" className="button button-secondary" onClick={() => setDialog('change')}>
              Change passphrase
            </button>
            <button type="button" className="button button-secondary" onClick={() => setDialog('turn-off')}>
              Turn off the lock
            </button>
          </div>
          <div className="field">
            <label htmlFor={`${id}-auto-lock`}>Lock by itself after</label>
            <select
              id={`${id}-auto-lock`}
              value={autoLockMinutes ?? autoLockMinutesPreference.fallback}
              onChange={(event) => void setPreference(db, autoLockMinutesPreference, Number(event.target.value))}
            >
              {autoLockChoices.map((minutes) => (
                <option key={minutes} value={minutes}>
                  {minutes === 1 ? '1 minute' : `${minutes} minutes`} without use
                </option>
              ))}
            </select>
            <p className="field-hint">It also locks when the computer goes to sleep or its screen locks.</p>
          </div>
          <RememberField
            privacy={privacy}
            onChange={(remember) => (remember ? setDialog('remember') : void setRemember(false))}
          />
        </>
      ) : (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setDialog('turn-on')}>
            Turn on the lock
          </button>
        </div>
      )}
      <ContentProtectionField
        privacy={privacy}
        onChange={(protect) => void setHostChoice('privacy.setContentProtection', protect)}
      />
      {privacy?.spelling.downloadNeeded === true && (
        <HostCheckbox
          label="Check spelling (downloads a British English dictionary once)"
          checked={privacy.spelling.downloadAllowed}
          available
          hint={privacy.spelling.reason}
          onChange={(allow) => void setHostChoice('privacy.setSpellingDownload', allow)}
        />
      )}
      <details className="lock-limits">
        <summary>What the lock does not protect against</summary>
        <ul>
          <li>Someone using this device while Chorus is unlocked.</li>
          <li>Programs that record the screen or the keyboard, or someone watching the screen.</li>
          <li>
            Words written before the lock was turned on: the browser storage underneath may keep old copies in free
            space on the disk until they are overwritten.
          </li>
          <li>What was already shared to the repository, or exported to files.</li>
          <li>A lost passphrase: nobody can open what is on this device without it, not even Chorus.</li>
        </ul>
      </details>
      {dialog === 'turn-on' && (
        <PassphraseDialog
          title="Turn on the lock"
          description="Choose a passphrase you will remember: three random words work well. If you lose it, what is on this device cannot be opened."
          submitLabel="Turn on and encrypt"
          fields={['new', 'again']}
          onClose={() => setDialog(null)}
          onSubmit={async ({ next }) => {
            await lock.turnOn(next);
            setNotice({ message: 'The lock is on. Everything on this device is encrypted.' });
          }}
        />
      )}
      {dialog === 'change' && (
        <PassphraseDialog
          title="Change passphrase"
          submitLabel="Change passphrase"
          fields={['current', 'new', 'again']}
          onClose={() => setDialog(null)}
          onSubmit={async ({ current, next }) => {
            await lock.changePassphrase(current, next);
            setNotice({ message: 'Passphrase changed.' });
          }}
        />
      )}
      {dialog === 'turn-off' && (
        <PassphraseDialog
          title="Turn off the lock"
          description="Everything on this device will be decrypted and stored as it was before the lock. Anyone who can open the device’s files could then read it."
          submitLabel="Turn off and decrypt"
          fields={['current']}
          onClose={() => setDialog(null)}
          onSubmit={async ({ current }) => {
            await lock.turnOff(current);
            setNotice({ message: 'The lock is off.' });
          }}
        />
      )}
      {dialog === 'remember' && (
        <PassphraseDialog
          title="Remember on this device"
          description="Type your passphrase once more: this device will then unlock Chorus by itself."
          submitLabel="Remember on this device"
          fields={['current']}
          onClose={() => setDialog(null)}
          onSubmit={async ({ current }) => {
            // A wrong passphrase is said in the dialog; a refusal from the keychain, in the notice.
            const refused = await lock.remember(true, current);
            setNotice({ message: refused ?? 'This device will unlock Chorus by itself.' });
            loadPrivacy();
          }}
        />
      )}
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
    </section>
  );
}

function RememberField({ privacy, onChange }: { privacy: PrivacyStatus | null; onChange: (on: boolean) => void }) {
  const remember = privacy?.rememberKey;
  return (
    <HostCheckbox
      label="Remember on this device"
      checked={remember?.remembered ?? false}
      available={remember?.available}
      hint={
        remember?.available === true
          ? 'Unlocks by itself for you, using your computer’s secure key store. Anyone who can sign in to your account on this computer could then open Chorus.'
          : remember?.reason
      }
      onChange={onChange}
    />
  );
}

function ContentProtectionField({
  privacy,
  onChange,
}: {
  privacy: PrivacyStatus | null;
  onChange: (on: boolean) => void;
}) {
  const protection = privacy?.contentProtection;
  return (
    <HostCheckbox
      label="Keep Chorus out of screen shares and screenshots"
      checked={protection?.on ?? false}
      available={protection?.supported}
      hint={
        protection?.supported === true
          ? 'For sessions over video calls: the window shows as blank to screen sharing and screenshots. A camera pointed at the screen still sees it.'
          : protection?.reason
      }
      onChange={onChange}
    />
  );
}

/**
 * A choice the host carries out. Until the host has said what it can do (`available` undefined),
 * and where it cannot, the box is off and says why.
 */
function HostCheckbox({
  label,
  checked,
  available,
  hint,
  onChange,
}: {
  label: string;
  checked: boolean;
  available: boolean | undefined;
  hint: string | undefined;
  onChange: (on: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={available !== true}
          onChange={(event) => onChange(event.target.checked)}
          aria-describedby={`${id}-hint`}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {available === undefined ? 'Checking what this computer can do…' : hint}
      </p>
    </div>
  );
}

type PassphraseField = 'current' | 'new' | 'again';

const fieldLabels: Record<PassphraseField, string> = {
  current: 'Current passphrase',
  new: 'New passphrase',
  again: 'New passphrase again',
};

function PassphraseDialog({
  title,
  description,
  submitLabel,
  fields,
  onClose,
  onSubmit,
}: {
  title: string;
  description?: string;
  submitLabel: string;
  fields: PassphraseField[];
  onClose: () => void;
  onSubmit: (values: { current: string; next: string }) => Promise<void>;
}) {
  const [values, setValues] = useState<Record<PassphraseField, string>>({ current: '', new: '', again: '' });
  const [errors, setErrors] = useState<Partial<Record<PassphraseField, string>>>({});
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async () => {
    if (busy) return;
    const next: Partial<Record<PassphraseField, string>> = {};
    if (fields.includes('current') && values.current === '') next.current = 'Type your current passphrase.';
    if (fields.includes('new') && values.new.length < minimumPassphraseLength) {
      next.new = `Use at least ${minimumPassphraseLength} characters. Three random words work well.`;
    }
    if (fields.includes('again') && values.again !== values.new)
      next.again = 'The two new passphrases are not the same.';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      await onSubmit({ current: values.current, next: values.new });
      onClose();
    } catch (error) {
      setBusy(false);
      const message = error instanceof UnlockRefused ? error.message : `That did not work: ${String(error)}`;
      setErrors({ [fields[0] ?? 'current']: message });
    }
  };

  return (
    <FormDialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={title}
      {...(description === undefined ? {} : { description })}
      submitLabel={busy ? 'Working…' : submitLabel}
      onSubmit={() => void submit()}
    >
      {fields.map((field) => (
        <div className="field" key={field}>
          <label htmlFor={`${id}-${field}`}>{fieldLabels[field]}</label>
          <input
            id={`${id}-${field}`}
            type="password"
            autoComplete={field === 'current' ? 'current-password' : 'new-password'}
            spellCheck={false}
            value={values[field]}
            onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
            aria-invalid={errors[field] !== undefined}
            aria-describedby={errors[field] === undefined ? undefined : `${id}-${field}-error`}
          />
          {errors[field] !== undefined && (
            <p id={`${id}-${field}-error`} className="field-error" role="alert">
              {errors[field]}
            </p>
          )}
        </div>
      ))}
    </FormDialog>
  );
}
