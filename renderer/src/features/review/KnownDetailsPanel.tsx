import { useId, useRef, useState } from 'react';
import { addKnownDetail, KnownDetailRefused, removeKnownDetail, useDb, useKnownDetails } from '../../db';
import { knownDetailKindLabels, knownDetailKinds, type KnownDetailKind } from '@core/findings/known-details';
import { SelectField } from '../../ui/SelectField';

const kindOptions = knownDetailKinds.map((kind) => ({ value: kind, label: knownDetailKindLabels[kind] }));

/**
 * "People and places in my story": the consultee's own list, made with the facilitator at the start
 * of review, which the identifying-details check looks for in every draft on this device. It is kept
 * here only (sealed with the app lock on), never synced and never shared.
 */
export function KnownDetailsPanel() {
  const db = useDb();
  const known = useKnownDetails();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<KnownDetailKind>('person');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();

  const add = async () => {
    setError(null);
    try {
      const words = text.trim();
      await addKnownDetail(db, words, kind);
      setText('');
      setMessage(`Added “${words}”. The check now looks for it.`);
    } catch (caught) {
      setError(caught instanceof KnownDetailRefused ? caught.message : 'That was not added. Please try again.');
    }
    input.current?.focus();
  };

  const remove = async (entryId: string, words: string) => {
    await removeKnownDetail(db, entryId);
    setMessage(`Removed “${words}” from the list.`);
    input.current?.focus();
  };

  return (
    <section className="side-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>People and places in my story</h2>
      <p className="field-hint">
        Together, list anyone and anywhere that could point to you: your own name, family, friends, workers, school and
        streets. The check looks for each one in every draft on this device, in capitals or not and with “’s”. The list
        stays on this device: it is never shared or synced.
      </p>
      <form
        className="known-form"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
        noValidate
      >
        <div className="field">
          <label htmlFor={`${id}-text`}>Name or place</label>
          <input
            id={`${id}-text`}
            ref={input}
            value={text}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={error === null ? undefined : `${id}-error`}
            aria-invalid={error === null ? undefined : true}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <SelectField
          id={`${id}-kind`}
          label="What it is"
          value={kind}
          options={kindOptions}
          onChange={(value) => setKind(value === '' ? 'person' : value)}
        />
        <button type="submit" className="button button-small">
          Add to the list
        </button>
      </form>
      {error !== null && (
        <p id={`${id}-error`} role="alert" className="error-message">
          {error}
        </p>
      )}
      <p role="status" className="visually-hidden">
        {message}
      </p>
      {known?.length === 0 && <p className="field-hint">Nothing on the list yet.</p>}
      {known !== undefined && known.length > 0 && (
        <ul className="known-list" aria-label="People and places in my story">
          {known.map((entry) => (
            <li key={entry.id}>
              <span>
                {entry.text} <span className="known-kind">· {knownDetailKindLabels[entry.kind]}</span>
              </span>
              <button
                type="button"
                className="button button-small button-secondary"
                aria-label={`Remove “${entry.text}”`}
                onClick={() => void remove(entry.id, entry.text)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
