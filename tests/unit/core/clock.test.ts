import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  fixedClock,
  formatDay,
  formatIsoDate,
  formatMoment,
  formatWhen,
  isoDay,
  systemClock,
  today,
} from '@core/clock';

describe('the clock', () => {
  it('counts days in its own zone, not the computer’s', () => {
    // 23:30 on 31 March in London (BST) is already 1 April in Auckland and still 31 March in Honolulu.
    const moment = Date.UTC(2027, 2, 31, 22, 30);
    expect(isoDay(moment, 'Europe/London')).toBe('2027-03-31');
    expect(isoDay(moment, 'Pacific/Auckland')).toBe('2027-04-01');
    expect(isoDay(moment, 'Pacific/Honolulu')).toBe('2027-03-31');
    expect(today(fixedClock(moment, 'Pacific/Chatham'))).toBe('2027-04-01');
  });

  it('says only the time for a moment today, and the date too for any other day', () => {
    const clock = fixedClock(Date.UTC(2026, 10, 24, 18, 0), 'Europe/London');
    expect(formatWhen(Date.UTC(2026, 10, 24, 14, 2), clock)).toBe('14:02');
    expect(formatWhen(Date.UTC(2026, 10, 24, 0, 0), clock)).toBe('00:00');
    expect(formatWhen(Date.UTC(2026, 10, 23, 23, 59), clock)).toBe('23 Nov 2026, 23:59');
    clock.set(Date.UTC(2027, 10, 24, 14, 2));
    expect(formatWhen(Date.UTC(2026, 10, 24, 14, 2), clock)).toBe('24 Nov 2026, 14:02');
  });

  it('writes days and moments in plain en-GB words in the clock’s zone', () => {
    const moment = Date.UTC(2026, 0, 3, 23, 59);
    expect(formatDay(moment, { timeZone: 'Europe/London' })).toBe('3 January 2026');
    expect(formatDay(moment, { timeZone: 'Pacific/Chatham' })).toBe('4 January 2026');
    expect(formatMoment(moment, { timeZone: 'Europe/London' })).toBe('3 January 2026 at 23:59');
    expect(formatIsoDate('2027-03-31')).toBe('31 March 2027');
    expect(formatIsoDate('not a date')).toBe('not a date');
  });

  it('agrees with the calendar for any moment in any of several zones', () => {
    const zones = ['UTC', 'Europe/London', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...zones),
        (moment, timeZone) => {
          const day = isoDay(moment, timeZone);
          expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          // The zone's offset is within a day of UTC, so its day is the UTC day or one either side.
          const utcDay = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
          expect(Math.abs(utcDay - moment)).toBeLessThan(2 * 24 * 60 * 60 * 1000);
          expect(formatIsoDate(day)).toBe(formatDay(moment, { timeZone }));
        },
      ),
    );
  });

  it('reads the computer’s own time and zone when nothing else is given', () => {
    expect(Math.abs(systemClock.now() - Date.now())).toBeLessThan(1000);
    expect(systemClock.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('reads the computer’s zone again once a second has passed, not on every question', () => {
    const zone = process.env.TZ;
    vi.useFakeTimers({ now: Date.UTC(2027, 2, 31, 12) });
    try {
      process.env.TZ = 'Europe/London';
      vi.advanceTimersByTime(5_000);
      expect(systemClock.timeZone).toBe('Europe/London');
      process.env.TZ = 'Asia/Tokyo';
      vi.advanceTimersByTime(999);
      expect(systemClock.timeZone).toBe('Europe/London');
      vi.advanceTimersByTime(1);
      expect(systemClock.timeZone).toBe('Asia/Tokyo');
    } finally {
      vi.useRealTimers();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
