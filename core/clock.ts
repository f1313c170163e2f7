/**
 * The app's one source of the current moment and of the time zone its days are counted in.
 * Every screen that shows or compares a time asks a clock, never `Date` itself, so tests fix
 * the moment and the zone and read the same words on any day, anywhere.
 */
export interface Clock {
  readonly now: () => number;
  /** An IANA zone name (`Europe/London`) that days and times are shown in. */
  readonly timeZone: string;
}

/** How long the computer's zone, once read, is taken as still right. */
const zoneReadEveryMs = 1_000;
let zoneRead = { name: '', at: Number.NEGATIVE_INFINITY };

/**
 * The computer's own time and zone. The zone is read again when a second has passed since it was
 * last read (a laptop moves between zones): reading it makes a DateTimeFormat, which cost a list
 * of 2,000 drafts tens of milliseconds when every row asked.
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  get timeZone() {
    const now = Date.now();
    if (now - zoneRead.at >= zoneReadEveryMs || now < zoneRead.at)
      zoneRead = { name: Intl.DateTimeFormat().resolvedOptions().timeZone, at: now };
    return zoneRead.name;
  },
};

/** A clock standing still at `at` in `timeZone`, or moved on by hand with `set`. */
export function fixedClock(at: number, timeZone = 'Europe/London'): Clock & { set: (time: number) => void } {
  let current = at;
  return {
    now: () => current,
    timeZone,
    set: (time) => {
      current = time;
    },
  };
}

/** Formatters are costly to make, so each is made once per zone and kind. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'time' | 'short' | 'long' | 'iso', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let made = formatters.get(key);
  if (made === undefined) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : kind === 'short'
          ? { day: 'numeric', month: 'short', year: 'numeric' }
          : kind === 'long'
            ? { day: 'numeric', month: 'long', year: 'numeric' }
            : { day: '2-digit', month: '2-digit', year: 'numeric' };
    made = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    formatters.set(key, made);
  }
  return made;
}

/** The day a moment falls on in `timeZone`, as an ISO date (`2027-03-31`). */
export function isoDay(time: number, timeZone: string): string {
  const parts = formatter('iso', timeZone).formatToParts(time);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today, in the clock's zone, as an ISO date. */
export function today(clock: Clock): string {
  return isoDay(clock.now(), clock.timeZone);
}

/** "14:02" on the clock's today, "3 Nov 2026, 14:02" on another day. */
export function formatWhen(time: number, clock: Clock): string {
  const { timeZone } = clock;
  const clockTime = formatter('time', timeZone).format(time);
  if (isoDay(time, timeZone) === today(clock)) return clockTime;
  return `${formatter('short', timeZone).format(time)}, ${clockTime}`;
}

/** "3 January 2026": the day a moment falls on in the clock's zone. */
export function formatDay(time: number, clock: Pick<Clock, 'timeZone'>): string {
  return formatter('long', clock.timeZone).format(time);
}

/** "3 January 2026 at 14:02": a moment written out in full, in the clock's zone. */
export function formatMoment(time: number, clock: Pick<Clock, 'timeZone'>): string {
  return `${formatDay(time, clock)} at ${formatter('time', clock.timeZone).format(time)}`;
}

/** "31 March 2027" for an ISO date, whatever the zone; the text as it is if it is not one. */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return iso;
  return formatDay(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])), { timeZone: 'UTC' });
}
