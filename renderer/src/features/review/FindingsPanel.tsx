import { useId, useMemo, useState } from 'react';
import { decideFinding, replaceEverywhere, useDb, useFindingDecisions, type ProfileRecord } from '../../db';
import { detectIdentifyingDetails, findingKindLabels, type Finding } from '@core/identifying-details/index';
import { FormDialog } from '../../ui/FormDialog';

interface FindingGroup {
  key: string;
  kind: Finding['kind'];
  text: string;
  suggestion: string;
  count: number;
}

/** Findings with the same kind and words are decided once, wherever they appear. */
function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const key = `${finding.kind}:${finding.text}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { key, kind: finding.kind, text: finding.text, suggestion: finding.suggestion, count: 1 });
    } else group.count += 1;
  }
  return [...groups.values()];
}

export function useFindings(resourceId: string, text: string) {
  const decisions = useFindingDecisions(resourceId);
  const groups = useMemo(() => groupFindings(detectIdentifyingDetails(text)), [text]);
  const decided = new Set((decisions ?? []).map((decision) => decision.findingKey));
  const open = groups.filter((group) => !decided.has(group.key));
  return { groups, open, decisions: decisions ?? [], loading: decisions === undefined };
}

/**
 * The identifying-details check. Each finding must be resolved: replaced (everywhere, with the
 * suggestion or other words), or kept with a reason. Replacements go in the anonymisation log,
 * which never leaves this device.
 */
export function FindingsPanel({
  resourceId,
  text,
  profile,
  editable,
}: {
  resourceId: string;
  text: string;
  profile: ProfileRecord;
  editable: boolean;
}) {
  const db = useDb();
  const { groups, open, decisions } = useFindings(resourceId, text);
  const [keeping, setKeeping] = useState<FindingGroup | null>(null);
  const [reason, setReason] = useState('');
  const [replacements, setReplacements] = useState<Record<string, string>>({});
  const id = useId();
  const kept = decisions.filter((decision) => decision.decision === 'kept');

  return (
    <section className="side-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Identifying details</h2>
      <p className="field-hint">
        A check for names, places, schools, workplaces, ages, dates, phone numbers, emails, addresses, postcodes,
        vehicle registrations and social media. It can miss things: read the draft together as well.
      </p>
      <p role="status">
        {groups.length === 0 && decisions.length === 0
          ? 'Nothing found.'
          : open.length === 0
            ? 'Every finding is resolved.'
            : `${open.length} ${open.length === 1 ? 'finding needs' : 'findings need'} a decision.`}
      </p>
      {open.length > 0 && (
        <ul className="finding-list" aria-label="Findings to resolve">
          {open.map((group) => {
            const replacement = replacements[group.key] ?? group.suggestion;
            return (
              <li key={group.key} className="finding">
                <p>
                  <mark>{group.text}</mark> · {findingKindLabels[group.kind]}
                  {group.count > 1 && ` · ${group.count} times`}
                </p>
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
          <ul>
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
