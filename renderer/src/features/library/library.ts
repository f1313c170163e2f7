import { audienceLabels, type Audience } from '../../domain/audiences';

/** Today's date in this computer's time zone, as an ISO date (`2027-03-31`). */
export function localIsoDate(now: number): string {
  const date = new Date(now);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Whether a version's review-by date has passed; a version with no date is never due. */
export function isReviewDue(reviewBy: string, now: number): boolean {
  return reviewBy !== '' && reviewBy < localIsoDate(now);
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "31 March 2027" for an ISO date; the date as it is if it is not one. */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  return dayFormat.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

/** "Police, Social care" in the order the audiences were chosen. */
export function audienceList(audiences: readonly Audience[]): string {
  return audiences.map((audience) => audienceLabels[audience]).join(', ');
}
