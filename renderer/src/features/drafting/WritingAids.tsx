import { useMemo } from 'react';
import { readability, readingTimeMinutes } from '../../domain/text-stats';
import { plural } from '../../ui/format';

/** Word count, reading time and a plain-English hint. Advisory only: nothing here blocks anything. */
export function WritingAids({ text, wordCount }: { text: string; wordCount: number }) {
  const rating = useMemo(() => readability(text), [text]);
  const minutes = readingTimeMinutes(wordCount);
  return (
    <section className="side-section" aria-labelledby="writing-aids-heading">
      <h2 id="writing-aids-heading">Writing aids</h2>
      <dl className="details">
        <dt>Words</dt>
        <dd>{wordCount.toLocaleString('en-GB')}</dd>
        <dt>Reading time</dt>
        <dd>{minutes === 0 ? 'None yet' : `About ${plural(minutes, 'minute')}`}</dd>
        <dt>Reading age</dt>
        <dd>{rating === null ? 'Write a little more to see this' : `About ${rating.readingAge}`}</dd>
      </dl>
      {rating !== null && <p className="field-hint">{rating.hint} This is only a guide.</p>}
    </section>
  );
}
