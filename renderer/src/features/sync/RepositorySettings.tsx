import { useId, useState, type SyntheticEvent } from 'react';
import type { ConfigureRepository, RepositoryStatus } from '../../../../electron/shared/contract';
import { usePlatform } from '../../platform';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useRepositoryStatus, useSyncEngine } from './SyncProvider';
import { isSetUp } from './status';
import './sync.css';

type RemoteKind = ConfigureRepository['kind'];

const kindLabels: Record<RemoteKind, string> = {
  git: 'Git repository (HTTPS)',
  folder: 'Shared folder',
  none: 'None',
};
const kinds: readonly RemoteKind[] = ['git', 'folder', 'none'];

interface FormValues {
  kind: RemoteKind;
  url: string;
  username: string;
  path: string;
}

function valuesOf(status: RepositoryStatus): FormValues {
  const { remote } = status;
  return {
    kind: remote.kind,
    url: remote.kind === 'git' ? remote.url : '',
    username: remote.kind === 'git' ? remote.username : '',
    path: remote.kind === 'folder' ? remote.path : '',
  };
}

/** Whether the form says something other than the saved settings, so a test must be given them. */
function differs(values: FormValues, token: string, saved: RepositoryStatus): boolean {
  const current = valuesOf(saved);
  if (values.kind !== current.kind) return true;
  if (values.kind === 'git') return values.url !== current.url || values.username !== current.username || token !== '';
  if (values.kind === 'folder') return values.path !== current.path;
  return false;
}

/** The shared repository's settings: where it is, and for git the user name and token. */
export function RepositorySettings() {
  const { repository, repositoryError } = useRepositoryStatus();
  return (
    <section className="card sync-card" aria-labelledby="repository-heading">
      <h2 id="repository-heading">Shared repository</h2>
      <p>
        Only approved versions and withdrawals are sent there. Drafts, comments, notes and profiles never leave this
        device.
      </p>
      {repositoryError !== null && (
        <p role="alert" className="error-message">
          {repositoryError}
        </p>
      )}
      {repository === undefined && repositoryError === null && <p className="loading">Reading the settings…</p>}
      {repository !== undefined && <RepositoryForm saved={repository} />}
    </section>
  );
}

type TestState =
  { state: 'idle' } | { state: 'testing' } | { state: 'done'; tone: 'ok' | 'info' | 'failed'; message: string };

function RepositoryForm({ saved }: { saved: RepositoryStatus }) {
  const platform = usePlatform();
  const engine = useSyncEngine();
  const { setRepository } = useRepositoryStatus();
  const [values, setValues] = useState<FormValues>(() => valuesOf(saved));
  const [token, setToken] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [consent, setConsent] = useState<string | null>(null);
  const [test, setTest] = useState<TestState>({ state: 'idle' });
  // Said beside the buttons, not in a corner notice, which would cover the token's hints below.
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const id = useId();

  const change = (next: Partial<FormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setError(null);
    setSavedMessage(null);
  };

  const input = (allowPlainText: boolean): ConfigureRepository => {
    if (values.kind === 'git') {
      return {
        kind: 'git',
        url: values.url,
        username: values.username,
        ...(token.trim() === '' ? {} : { token }),
        ...(allowPlainText ? { allowPlainText } : {}),
      };
    }
    if (values.kind === 'folder') return { kind: 'folder', path: values.path };
    return { kind: 'none' };
  };

  const save = async (allowPlainText: boolean) => {
    setError(null);
    setSavedMessage(null);
    setTest({ state: 'idle' });
    setSaving(true);
    try {
      const result = await platform.invoke('repository.configure', input(allowPlainText));
      if (!result.ok) {
        if (result.problem.kind === 'needs-consent') setConsent(result.problem.message);
        else setError(result.problem.message);
        return;
      }
      setRepository(result.status);
      setValues(valuesOf(result.status));
      setToken('');
      if (isSetUp(result.status)) {
        setSavedMessage('Settings saved. Chorus is syncing now.');
        void engine.request();
      } else if (result.status.remote.kind === 'none') {
        setSavedMessage('Settings saved. Nothing will be shared until a repository is set up.');
      } else {
        setSavedMessage('Settings saved. Add a token to start syncing.');
      }
    } catch {
      setError('Chorus could not save the settings. Check each field, then try again.');
    } finally {
      setSaving(false);
    }
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void save(false);
  };

  const runTest = async () => {
    setTest({ state: 'testing' });
    try {
      // What the form says is tested, saved or not: nothing is stored by a test.
      const result = await platform.invoke(
        'repository.test',
        differs(values, token, saved) ? { settings: input(false) } : {},
      );
      setTest(
        result.ok
          ? { state: 'done', tone: 'ok', message: result.message }
          : { state: 'done', tone: 'failed', message: result.problem.message },
      );
    } catch {
      setTest({ state: 'done', tone: 'failed', message: 'Chorus could not run the test. Please try again.' });
    }
  };

  const storedToken = saved.remote.kind === 'git' && saved.hasToken;
  const errorId = `${id}-error`;

  return (
    <>
      <form
        className="repository-form"
        onSubmit={submit}
        noValidate
        aria-describedby={error === null ? undefined : errorId}
      >
        <fieldset className="field checkbox-group">
          <legend>Where approved versions are shared</legend>
          {kinds.map((kind) => (
            <label key={kind} className="checkbox">
              <input
                type="radio"
                name={`${id}-kind`}
                value={kind}
                checked={values.kind === kind}
                onChange={() => change({ kind })}
              />
              {kindLabels[kind]}
            </label>
          ))}
        </fieldset>

        {values.kind === 'git' && (
          <>
            <div className="field">
              <label htmlFor={`${id}-url`}>Repository address</label>
              <input
                id={`${id}-url`}
                type="url"
                value={values.url}
                onChange={(event) => change({ url: event.target.value })}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={`${id}-url-hint`}
              />
              <p id={`${id}-url-hint`} className="field-hint">
                The HTTPS address you would use to clone it, for example https://git.example.org/team/chorus.git
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-username`}>User name</label>
              <input
                id={`${id}-username`}
                value={values.username}
                onChange={(event) => change({ username: event.target.value })}
                autoComplete="off"
                spellCheck={false}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-token`}>Token</label>
              <input
                id={`${id}-token`}
                type="password"
                value={token}
                onChange={(event) => {
                  setToken(event.target.value);
                  setError(null);
                }}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={`${id}-token-hint ${id}-token-store`}
              />
              <p id={`${id}-token-hint`} className="field-hint">
                {storedToken
                  ? 'A token is stored. Leave this empty to keep it, or enter a new one to replace it.'
                  : 'The access token your git host gave you. Once saved, Chorus never shows it again.'}
              </p>
              <p id={`${id}-token-store`} className="field-hint">
                {saved.secrets.label}
              </p>
            </div>
          </>
        )}

        {values.kind === 'folder' && (
          <div className="field">
            <label htmlFor={`${id}-path`}>Folder path</label>
            <input
              id={`${id}-path`}
              value={values.path}
              onChange={(event) => change({ path: event.target.value })}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={`${id}-path-hint`}
            />
            <p id={`${id}-path-hint`} className="field-hint">
              The full path of a shared network or cloud-synced folder, for example /mnt/shared/chorus or S:\Chorus.
            </p>
          </div>
        )}

        {values.kind === 'none' && (
          <p className="field-hint">
            With no repository, Chorus keeps approved versions on this device and shares them once one is set up.
          </p>
        )}

        {error !== null && (
          <p id={errorId} role="alert" className="error-message">
            {error}
          </p>
        )}

        <div className="actions">
          <button type="submit" className="button" disabled={saving}>
            Save settings
          </button>
          {values.kind !== 'none' && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void runTest()}
              disabled={test.state === 'testing'}
            >
              Test connection
            </button>
          )}
        </div>
        <p role="status" className={savedMessage === null ? 'test-result' : 'test-result notice-inline'}>
          {savedMessage}
        </p>
        <p
          role="status"
          className={test.state === 'done' && test.tone === 'failed' ? 'test-result test-failed' : 'test-result'}
        >
          {test.state === 'testing' && 'Testing the connection…'}
          {test.state === 'done' && test.message}
        </p>
      </form>

      <ConfirmDialog
        open={consent !== null}
        onOpenChange={(open) => {
          if (!open) setConsent(null);
        }}
        title="Store the token without encryption?"
        confirmLabel="Store it anyway"
        onConfirm={() => {
          setConsent(null);
          void save(true);
        }}
      >
        <p>{consent}</p>
        <p>
          Store it this way only if you trust everyone who uses this computer account. You can remove it at any time by
          choosing None and saving.
        </p>
      </ConfirmDialog>
    </>
  );
}
