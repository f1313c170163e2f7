import { useId, useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import {
  ReviewRefused,
  signOff,
  useDb,
  useSignOffs,
  useThreads,
  type ProfileRecord,
  type ResourceRecord,
  type ReviewCounts,
} from '../../db';
import { audienceLabels, audiences, type Audience } from '@core/co-production/audiences';
import {
  attributionKinds,
  consentProblems,
  consentWording,
  purposeLabels,
  purposes,
  type AttributionKind,
  type ConsentChoices,
  type Purpose,
} from '@core/co-production/consent';
import { formatWhen } from '@core/clock';
import { capitalise } from '../../ui/format';
import { checklistComplete, safeguardingChecklist, type ChecklistAnswers } from './checklist';
import { useClock } from '../clock';
import { openCommentsRefusal, openCommentsReminder, signOffOutcome } from './outcome-words';
import { useSharing } from './WorkflowPanel';
import './review.css';

const attributionLabels: Record<AttributionKind, string> = {
  anonymous: 'Anonymous',
  pseudonym: 'A name I choose (not my real name)',
  group: 'A group credit',
  name: 'My name',
};

/**
 * Sign-off for the acting profile: the consultee's consent, in plain words and specific to this
 * version, or the facilitator's safeguarding checklist. Sign-offs already given are shown with
 * whether they still count for the content as it is now.
 */
export function SignOffPanel({
  resource,
  profile,
  counts,
  currentHash,
  pictures,
  choices,
  onChoicesChange,
}: {
  resource: ResourceRecord;
  profile: ProfileRecord;
  counts: ReviewCounts;
  currentHash: string | null;
  /** How many pictures the version has: the consent says they are not shared. */
  pictures: number;
  choices: ConsentChoices;
  /** Takes an update of the current choices, so quick successive changes compose. */
  onChoicesChange: (update: (current: ConsentChoices) => ConsentChoices) => void;
}) {
  const clock = useClock();
  const db = useDb();
  const signOffs = useSignOffs(resource.id);
  const [answers, setAnswers] = useState<ChecklistAnswers>({});
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const sharing = useSharing();
  const openComments = (useThreads(resource.id) ?? []).filter((thread) => thread.resolvedAt === 0).length;
  const [commentsSetAside, setCommentsSetAside] = useState(false);
  const id = useId();
  const wording = consentWording(choices, resource, pictures);
  const problems = consentProblems(choices);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    setError(null);
    setOutcome(null);
    const done = ({ approved }: { approved: boolean }) =>
      setOutcome(
        signOffOutcome({ approved, role: profile.role, title: resource.title, version: resource.version, sharing }),
      );
    const refusal = openCommentsRefusal(openComments, commentsSetAside);
    if (refusal !== null) {
      setError(refusal);
      return;
    }
    try {
      if (profile.role === 'consultee') {
        if (problems.length > 0) {
          setError(problems.join(' '));
          return;
        }
        done(await signOff(db, resource.id, profile, counts, { consent: { choices, wording } }));
      } else {
        if (!checklistComplete(answers)) {
          setError('Every point of the checklist must be confirmed before signing off.');
          return;
        }
        done(await signOff(db, resource.id, profile, counts, { checklist: answers }));
      }
    } catch (caught) {
      setError(caught instanceof ReviewRefused ? caught.message : 'Signing off did not work. Please try again.');
    }
  };

  const toggle = <T extends string>(list: readonly T[], item: T, on: boolean): T[] =>
    on ? [...list, item] : list.filter((each) => each !== item);

  const given = (signOffs ?? []).filter((each) => each.contentHash === currentHash);
  const cancelled = (signOffs ?? []).length - given.length;

  return (
    <section className="side-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Sign-off</h2>
      {given.length > 0 && (
        <ul className="signoff-list">
          {given.map((each) => (
            <li key={each.id}>
              {each.role === 'consultee' ? 'Consultee gave consent' : 'Facilitator signed the checklist'},{' '}
              {formatWhen(each.at, clock)}, for this exact version.
            </li>
          ))}
        </ul>
      )}
      {cancelled > 0 && <p className="field-hint">An earlier sign-off no longer counts because the draft changed.</p>}
      {resource.status === 'in-review' && profile.role === 'consultee' && (
        <form className="details-form" onSubmit={(event) => void submit(event)} noValidate>
          <fieldset className="field checkbox-group">
            <legend>Who may see it?</legend>
            {audiences.map((audience: Audience) => (
              <label key={audience} className="checkbox">
                <input
                  type="checkbox"
                  checked={choices.audiences.includes(audience)}
                  onChange={(event) =>
                    onChoicesChange((current) => ({
                      ...current,
                      audiences: toggle(current.audiences, audience, event.target.checked),
                    }))
                  }
                />
                {audienceLabels[audience]}
              </label>
            ))}
          </fieldset>
          <fieldset className="field checkbox-group">
            <legend>How may it be used?</legend>
            {purposes.map((purpose: Purpose) => (
              <label key={purpose} className="checkbox">
                <input
                  type="checkbox"
                  checked={choices.purposes.includes(purpose)}
                  onChange={(event) =>
                    onChoicesChange((current) => ({
                      ...current,
                      purposes: toggle(current.purposes, purpose, event.target.checked),
                    }))
                  }
                />
                {capitalise(purposeLabels[purpose])}
              </label>
            ))}
          </fieldset>
          <fieldset className="field checkbox-group">
            <legend>How should it be credited?</legend>
            {attributionKinds.map((kind) => (
              <label key={kind} className="checkbox">
                <input
                  type="radio"
                  name={`${id}-attribution`}
                  checked={choices.attribution.kind === kind}
                  onChange={() =>
                    onChoicesChange((current) => ({ ...current, attribution: { ...current.attribution, kind } }))
                  }
                />
                {attributionLabels[kind]}
              </label>
            ))}
          </fieldset>
          {choices.attribution.kind !== 'anonymous' && (
            <div className="field">
              <label htmlFor={`${id}-credit`}>Credit as</label>
              <input
                id={`${id}-credit`}
                value={choices.attribution.value}
                onChange={(event) =>
                  onChoicesChange((current) => ({
                    ...current,
                    attribution: { ...current.attribution, value: event.target.value },
                  }))
                }
              />
            </div>
          )}
          <div className="consent-wording" aria-label="What you are agreeing to" role="region">
            {wording.split('\n\n').map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
          </div>
          <OpenComments
            resourceId={resource.id}
            open={openComments}
            setAside={commentsSetAside}
            onSetAside={setCommentsSetAside}
          />
          <button type="submit" className="button">
            I agree, and sign off this version
          </button>
        </form>
      )}
      {resource.status === 'in-review' && profile.role === 'facilitator' && (
        <form className="details-form" onSubmit={(event) => void submit(event)} noValidate>
          <fieldset className="field checkbox-group">
            <legend>Safeguarding checklist: could someone piece this together?</legend>
            {safeguardingChecklist.map((item) => (
              <label key={item.id} className="checkbox checkbox-long">
                <input
                  type="checkbox"
                  checked={answers[item.id] === true}
                  onChange={(event) => {
                    // A functional update: quick successive ticks must not overwrite each other.
                    const checked = event.target.checked;
                    setAnswers((current) => ({ ...current, [item.id]: checked }));
                  }}
                />
                {item.text}
              </label>
            ))}
          </fieldset>
          <OpenComments
            resourceId={resource.id}
            open={openComments}
            setAside={commentsSetAside}
            onSetAside={setCommentsSetAside}
          />
          <button type="submit" className="button">
            Sign off this version
          </button>
        </form>
      )}
      {resource.status === 'in-review' && profile.role === 'trainer' && (
        <p>Trainers do not sign off. Switch to the consultee’s or facilitator’s profile.</p>
      )}
      {resource.status !== 'in-review' && given.length === 0 && (
        <p className="field-hint">Sign-off happens while a draft is in review.</p>
      )}
      {error !== null && (
        <p role="alert" className="error-message">
          {error}
        </p>
      )}
      <p role="status" className={outcome === null ? 'visually-hidden' : 'notice-inline'}>
        {outcome}
      </p>
    </section>
  );
}

/** The reminder of open comments before signing off, with the way to them and the choice to go on. */
function OpenComments({
  resourceId,
  open,
  setAside,
  onSetAside,
}: {
  resourceId: string;
  open: number;
  setAside: boolean;
  onSetAside: (setAside: boolean) => void;
}) {
  const reminder = openCommentsReminder(open);
  if (reminder === null) return null;
  return (
    <div className="notice-inline open-comments" role="group" aria-label="Open comments">
      <p>
        {reminder} <Link to={`/drafts/${resourceId}`}>See the comments in the draft</Link>
      </p>
      <label className="checkbox">
        <input type="checkbox" checked={setAside} onChange={(event) => onSetAside(event.target.checked)} />
        Sign off with the open comments as they are
      </label>
    </div>
  );
}
