import { memo, useId, useRef, useState } from 'react';
import { audienceLabels, audiences, type Audience, type ResourceDetails, type ResourceRecord } from '../../db';

/** "a, b ,, c" → ["a", "b", "c"], without duplicates. */
export function parseList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The resource's details. Every field keeps its own state, so it answers at once and saves arriving
 * from the database never move the cursor; every change is passed up to be saved.
 */
export const DetailsForm = memo(function DetailsForm({
  resource,
  onChange,
  disabled = false,
}: {
  resource: ResourceRecord;
  onChange: (patch: Partial<ResourceDetails>) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const [summary, setSummary] = useState(resource.summary);
  const [topics, setTopics] = useState(resource.topics.join(', '));
  const [warnings, setWarnings] = useState(resource.contentWarnings.join(', '));
  const [chosenAudiences, setChosenAudiences] = useState(resource.audiences);
  const [reviewBy, setReviewBy] = useState(resource.reviewBy);

  // The latest choice, read by quick successive clicks before React has re-rendered.
  const latestAudiences = useRef(resource.audiences);
  const toggleAudience = (audience: Audience, checked: boolean) => {
    const current = latestAudiences.current;
    const next = checked
      ? audiences.filter((each) => each === audience || current.includes(each))
      : current.filter((each) => each !== audience);
    latestAudiences.current = next;
    setChosenAudiences(next);
    onChange({ audiences: next });
  };

  return (
    <section className="side-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Details</h2>
      <fieldset className="details-form plain-fieldset" disabled={disabled}>
        <legend className="visually-hidden">Details of this draft</legend>
        <div className="field">
          <label htmlFor={`${id}-summary`}>Summary</label>
          <textarea
            id={`${id}-summary`}
            rows={3}
            value={summary}
            onChange={(event) => {
              setSummary(event.target.value);
              onChange({ summary: event.target.value });
            }}
          />
        </div>
        <fieldset className="field checkbox-group">
          <legend>Who is it for?</legend>
          {audiences.map((audience) => (
            <label key={audience} className="checkbox">
              <input
                type="checkbox"
                checked={chosenAudiences.includes(audience)}
                onChange={(event) => toggleAudience(audience, event.target.checked)}
              />
              {audienceLabels[audience]}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-topics`}>Topics</label>
          <p className="field-hint" id={`${id}-topics-hint`}>
            Separate topics with commas.
          </p>
          <input
            id={`${id}-topics`}
            aria-describedby={`${id}-topics-hint`}
            value={topics}
            onChange={(event) => {
              setTopics(event.target.value);
              onChange({ topics: parseList(event.target.value) });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-warnings`}>Content warnings</label>
          <p className="field-hint" id={`${id}-warnings-hint`}>
            What readers should know before they start, for example “sexual abuse, self-harm”. Separate with commas.
          </p>
          <input
            id={`${id}-warnings`}
            aria-describedby={`${id}-warnings-hint`}
            value={warnings}
            onChange={(event) => {
              setWarnings(event.target.value);
              onChange({ contentWarnings: parseList(event.target.value) });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-review`}>Review by</label>
          <p className="field-hint" id={`${id}-review-hint`}>
            When this should be checked again to make sure it is still right.
          </p>
          <input
            id={`${id}-review`}
            type="date"
            aria-describedby={`${id}-review-hint`}
            value={reviewBy}
            onChange={(event) => {
              setReviewBy(event.target.value);
              onChange({ reviewBy: event.target.value });
            }}
          />
        </div>
      </fieldset>
    </section>
  );
});
