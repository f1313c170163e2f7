import { memo, useCallback, useEffect, useState } from 'react';
import { readabilityOf, readingTimeMinutes, type Readability } from '@core/document/text-stats';
import { formatNumber, plural } from '../../ui/format';
import { useLiveText, type ValueStore } from '../../saving/value-store';
import type { SavedText } from './saved-text';

/** The reading age waits for a pause in writing, so it never competes with typing. */
const readabilityPauseMs = 1500;

function readingTimeText(wordCount: number): string {
  const minutes = readingTimeMinutes(wordCount);
  return minutes === 0 ? 'None yet' : `About ${plural(minutes, 'minute')}`;
}

function readingAgeText(rating: Readability | null | undefined): string {
  if (rating === undefined) return 'Working it out…';
  return rating === null ? 'Write a little more to see this' : `About ${rating.readingAge}`;
}

/** Word count, reading time and a plain-English hint. Advisory only: nothing here blocks anything. */
export const WritingAids = memo(function WritingAids({ saved }: { saved: ValueStore<SavedText> }) {
  // The count and reading time follow every save straight in the page, without a render.
  const words = useLiveText<HTMLElement>(
    useCallback(() => formatNumber(saved.get().wordCount), [saved]),
    saved,
  );
  const readingTime = useLiveText<HTMLElement>(
    useCallback(() => readingTimeText(saved.get().wordCount), [saved]),
    saved,
  );
  // undefined until the first pause after the draft opens: "too little to rate" would not be true yet.
  const [rating, setRating] = useState<Readability | null | undefined>(undefined);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const next = readabilityOf(saved.get().reading());
        // The same rating keeps its object, so nothing re-renders for it.
        setRating((current) =>
          current != null && next !== null && current.readingAge === next.readingAge && current.hint === next.hint
            ? current
            : next,
        );
      }, readabilityPauseMs);
    };
    schedule();
    const unsubscribe = saved.subscribe(schedule);
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [saved]);
  return (
    <section className="side-section" aria-labelledby="writing-aids-heading">
      <h2 id="writing-aids-heading">Writing aids</h2>
      <dl className="details">
        <dt>Words</dt>
        <dd>
          {/* Changes with every save; one line, on its own (ui/common.css). */}
          <span ref={words} className="live-value" />
        </dd>
        <dt>Reading time</dt>
        <dd ref={readingTime} />
        <dt>Reading age</dt>
        <dd>{readingAgeText(rating)}</dd>
      </dl>
      {rating != null && <p className="field-hint">{rating.hint} This is only a guide.</p>}
    </section>
  );
});
