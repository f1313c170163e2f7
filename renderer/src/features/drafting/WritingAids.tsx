import { memo, useEffect, useState } from 'react';
import { readability, readingTimeMinutes, type Readability } from '../../domain/text-stats';
import { plural } from '../../ui/format';
import { useStoreValue, type ValueStore } from './value-store';

export interface SavedText {
  text: string;
  wordCount: number;
}

/** Readability reads every word; it waits for a pause in writing so it never competes with typing. */
const readabilityPauseMs = 1500;

/** Word count, reading time and a plain-English hint. Advisory only: nothing here blocks anything. */
export const WritingAids = memo(function WritingAids({ saved }: { saved: ValueStore<SavedText> }) {
  const { text, wordCount } = useStoreValue(saved);
  const [rating, setRating] = useState<Readability | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setRating(readability(text)), readabilityPauseMs);
    return () => clearTimeout(timer);
  }, [text]);
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
});
