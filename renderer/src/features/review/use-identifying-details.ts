import { useEffect, useMemo, useState } from 'react';
import { useFindingDecisions, useKnownDetails, type ResourceRecord } from '../../db';
import { groupFindings } from './group-findings';
import type { DocumentNode } from '@core/document/text';
import { sharedIdentifyingCheck, type CheckInput, type CheckOutcome } from './identifying-check';

export type CheckState = { status: 'checking' } | Exclude<CheckOutcome, { status: 'cancelled' }>;

/** How long the check waits for things to settle (a list entry added, a replacement saved) before it starts. */
const settleMs = 150;

/**
 * The identifying-details check of what a resource would share (`doc`: the document with review marks
 * stripped), run in a worker whenever the resource, the document, the consultee's list or the chosen
 * replacements change, with the decisions already made. A finding is open until it is kept with a
 * reason; a replaced one is gone from the text, and if some of it is left, it is open again.
 */
export function useIdentifyingDetails(resource: ResourceRecord | null | undefined, doc: DocumentNode | null) {
  const decisions = useFindingDecisions(resource?.id ?? '');
  const known = useKnownDetails();
  // The outcome is kept with the input it is for, so a changed input reads as "checking" at once.
  const [result, setResult] = useState<{ input: CheckInput; outcome: CheckState } | null>(null);

  const replacements = useMemo(
    () => (decisions ?? []).filter((each) => each.decision === 'replaced').map((each) => each.replacement),
    [decisions],
  );
  const input = useMemo((): CheckInput | null => {
    if (resource === undefined || resource === null || doc === null || known === undefined || decisions === undefined) {
      return null;
    }
    return {
      details: {
        title: resource.title,
        summary: resource.summary,
        topics: resource.topics,
        contentWarnings: resource.contentWarnings,
      },
      docJson: JSON.stringify(doc),
      known: known.map(({ text, kind }) => ({ text, kind })),
      replacements,
    };
  }, [resource, doc, known, decisions, replacements]);

  useEffect(() => {
    if (input === null) return;
    let live = true;
    const check = sharedIdentifyingCheck();
    const timer = setTimeout(() => {
      void check.run(input).then((outcome) => {
        if (live && outcome.status !== 'cancelled') setResult({ input, outcome });
      });
    }, settleMs);
    return () => {
      live = false;
      clearTimeout(timer);
      check.cancel();
    };
  }, [input]);

  const state = useMemo(
    (): CheckState => (result !== null && result.input === input ? result.outcome : { status: 'checking' }),
    [result, input],
  );
  const groups = useMemo(() => (state.status === 'done' ? groupFindings(state.findings) : []), [state]);
  const keptKeys = new Set((decisions ?? []).filter((each) => each.decision === 'kept').map((each) => each.findingKey));
  const open = groups.filter((group) => !keptKeys.has(group.key));
  return { state, groups, open, decisions: decisions ?? [], known: known ?? [] };
}
