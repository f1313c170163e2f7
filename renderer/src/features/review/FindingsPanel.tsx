import { useId, useState } from 'react';
import { decideFinding, replaceEverywhere, useDb, type ProfileRecord } from '../../db';
import { kindLabel } from '@core/findings/explain';
import { placeWords } from '@core/findings/segments';
import { FormDialog } from '../../ui/FormDialog';
import type { FindingGroup } from './group-findings';
import type { useIdentifyingDetails } from './use-identifying-details';

/** "the title, the text and a table": each kind of place once, in the order first met. */
function whereWords(group: FindingGroup): string {
  const words = [...new Set(group.places.map(placeWords))];
  const last = words.pop() ?? '';
  return words.length === 0 ? last : `${words.join(', ')} and ${last}`;
}

/**
 * The identifying-details check. Each finding says what it is, why it was flagged and where it is;
 * "Show" brings it into view in what will be shared. Each must be resolved: replaced (everywhere,
 * with the suggestion or other words), or kept with a reason. Replacements go in the anonymisation
 * log, which never leaves this device.
 */
export function FindingsPanel({
  resourceId,
  check,
  profile,
  editable,
  onShow,
}: {
  resourceId: string;
  check: ReturnType<typeof useIdentifyingDetails>;
  profile: ProfileRecord;
  editable: boolean;
  /** Brings one place of a finding into view and selects it. */
  onShow: (group: FindingGroup, place: number) => void;
}) {
  const db = useDb();
  const { state, groups, open, decisions } = check;
  const [keeping, setKeeping] = useState<FindingGroup | null>(null);
  const [reason, setReason] = useState('');
  const [replacements, setReplacements] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<Record<string, number>>({});
  const id = useId();
  const kept = decisions.filter((decision) => decision.decision === 'kept');

  const status =
    state.status === 'checking'
      ? 'Checking everything that will be shared…'
      : state.status === 'failed'
        ? state.message
        : groups.length === 0 && decisions.length === 0
          ? 'Nothing found.'
          : open.length === 0
            ? 'Every finding is resolved.'
            : `${open.length} ${open.length === 1 ? 'finding needs' : 'findings need'} a decision.`;

  return (
    <section className="side-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Identifying details</h2>
      <p className="field-hint">
        A check of the title, summary, topics, content warnings, text, tables and picture descriptions for names,
        places, schools, workplaces, ages, dates, phone numbers, emails, addresses, postcodes, vehicle registrations and
        social media. It can miss things: read the draft together as well.
      </p>
      <p role="status" className={state.status === 'failed' ? 'error-message' : undefined}>
        {status}
      </p>
      {state.status === 'done' && state.inPage && (
        <p className="field-hint">
          The check ran on this screen instead of in the background, so Chorus may have paused for a moment.
        </p>
      )}
      {open.length > 0 && (
        <ul className="finding-list" aria-label="Findings to resolve">
          {open.map((group) => {
            const replacement = replacements[group.key] ?? group.suggestion;
            const count = group.places.length;
            const next = shown[group.key] ?? 0;
            return (
              <li key={group.key} className="finding">
                <p>
                  <mark>{group.text}</mark> · {kindLabel(group.kind)}
                  {count > 1 && ` · ${count} times`}
                </p>
                <p className="finding-why">{group.explanation}</p>
                <p className="finding-where">In {whereWords(group)}.</p>
                <div className="row-actions">
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    aria-label={count > 1 ? `Show “${group.text}”, ${next + 1} of ${count}` : `Show “${group.text}”`}
                    onClick={() => {
                      onShow(group, next % count);
                      setShown({ ...shown, [group.key]: (next + 1) % count });
                    }}
                  >
                    {count > 1 ? `Show ${next + 1} of ${count}` : 'Show'}
                  </button>
                </div>
                {editable && (
                  <>
                    <div className="field">
                      <label htmlFor={`${id}-${group.key}`}>Replace with</label>
                      <input
                        id={`${id}-${group.key}`}
                        value={replacement}
                        onChange={(event) => setReplacements({ ...replacements, [group.key]: event.target.value })}
                      />
                    </div>
                    <div className="row-actions" role="group" aria-label={`Decide on ${group.text}`}>
                      <button
                        type="button"
                        className="button button-small"
                        disabled={replacement.trim() === ''}
                        onClick={() => void replaceEverywhere(db, resourceId, group, replacement.trim(), profile)}
                      >
                        Replace
                      </button>
                      <button
                        type="button"
                        className="button button-small button-secondary"
                        onClick={() => {
                          setReason('');
                          setKeeping(group);
                        }}
                      >
                        Keep
                      </button>
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {kept.length > 0 && (
        <details className="kept-findings">
          <summary>Kept on purpose ({kept.length})</summary>
          <ul aria-label="Kept on purpose">
            {kept.map((decision) => (
              <li key={decision.findingKey}>
                “{decision.text}”: {decision.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      <FormDialog
        open={keeping !== null}
        onOpenChange={(isOpen) => !isOpen && setKeeping(null)}
        title={`Keep “${keeping?.text ?? ''}”?`}
        description="Say why it is safe to keep. The reason stays on this device."
        submitLabel="Keep it"
        onSubmit={() => {
          if (keeping === null || reason.trim() === '') return;
          void decideFinding(
            db,
            resourceId,
            keeping,
            { decision: 'kept', replacement: '', reason: reason.trim() },
            profile,
          );
          setKeeping(null);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <textarea id={`${id}-reason`} rows={3} value={reason} onChange={(event) => setReason(event.target.value)} />
        </div>
      </FormDialog>
    </section>
  );
}
