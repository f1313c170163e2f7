import { describe, expect, it } from 'vitest';
import { audienceList, formatIsoDate, isReviewDue, localIsoDate } from '../../../renderer/src/features/library/library';

describe('library helpers', () => {
  it('is due for review only once the review-by day has passed, in local time', () => {
    const lateOnThirtyFirst = new Date(2027, 2, 31, 23, 30).getTime();
    expect(localIsoDate(lateOnThirtyFirst)).toBe('2027-03-31');
    expect(isReviewDue('2027-03-31', lateOnThirtyFirst)).toBe(false);
    expect(isReviewDue('2027-03-30', lateOnThirtyFirst)).toBe(true);
    expect(isReviewDue('', lateOnThirtyFirst)).toBe(false);
  });

  it('writes dates and audiences in plain en-GB words', () => {
    expect(formatIsoDate('2027-03-31')).toBe('31 March 2027');
    expect(formatIsoDate('not a date')).toBe('not a date');
    expect(audienceList(['police', 'licensing-night-time-economy'])).toBe('Police, Licensing and night-time economy');
  });
});
