import { describe, expect, it } from 'vitest';
import { compare } from '../../bench/harness';
import { busyTime, cpuTime } from '../../bench/lib/profile';
import type { MainThread } from '../../bench/lib/trace';

const many = (value: number) => Array.from({ length: 20 }, () => value);

describe('benchmark verdicts', () => {
  it('passes a row that meets both its ratio and its absolute number', () => {
    const row = compare('typing', '', { ours: many(10), baseline: many(10) }, { maxP95Ratio: 1.2, maxOursP95Ms: 16 });
    expect(row).toMatchObject({ pass: true, absoluteWaived: false });
  });

  it('judges by the ratio alone when the baseline itself misses the absolute number', () => {
    const within = compare(
      'typing',
      '',
      { ours: many(19), baseline: many(20) },
      { maxP95Ratio: 1.2, maxOursP95Ms: 16 },
    );
    expect(within).toMatchObject({ pass: true, absoluteWaived: true });
    const beyond = compare(
      'typing',
      '',
      { ours: many(30), baseline: many(20) },
      { maxP95Ratio: 1.2, maxOursP95Ms: 16 },
    );
    expect(beyond.pass).toBe(false);
  });

  it('keeps an absolute number that has no ratio beside it, and one the baseline meets', () => {
    const alone = compare('autosave', '', { ours: many(14), baseline: many(5) }, { maxOursMedianMs: 4 });
    expect(alone).toMatchObject({ pass: false, absoluteWaived: false });
    const met = compare('typing', '', { ours: many(17), baseline: many(15) }, { maxP95Ratio: 1.2, maxOursP95Ms: 16 });
    expect(met).toMatchObject({ pass: false, absoluteWaived: false });
  });

  it('holds a millisecond target to itself, and to its stand-in ratio only when the baseline misses it', () => {
    const target = { maxOursMedianMs: 4, maxMedianRatioWhenWaived: 1.2 };
    const verdict = (ours: number, baseline: number) => {
      const row = compare('autosave', '', { ours: many(ours), baseline: many(baseline) }, target);
      return { pass: row.pass, absoluteWaived: row.absoluteWaived };
    };
    // Under 4 ms passes, however the baseline does.
    expect(verdict(3.5, 2)).toEqual({ pass: true, absoluteWaived: false });
    // Over 4 ms while the baseline meets 4 ms fails: the ratio does not stand in.
    expect(verdict(4.2, 3.9)).toEqual({ pass: false, absoluteWaived: false });
    // Over 4 ms while the baseline is over 4 ms too: judged by the ratio.
    expect(verdict(4.4, 4.5)).toEqual({ pass: true, absoluteWaived: true });
    expect(verdict(6, 4.5)).toEqual({ pass: false, absoluteWaived: true });
  });
});

describe('main-thread time in a trace window', () => {
  const thread = (tasks: Array<{ ts: number; dur: number; cpu: number }>): MainThread => ({
    pid: 1,
    tid: 1,
    events: [],
    tasks: tasks.map((task) => ({ ...task, end: task.ts + task.dur, events: [] })),
  });

  it('counts CPU time, not the wall time a task spent waiting for a CPU, and a straddling task in proportion', () => {
    // Two tasks of 10 ms on the wall clock: one ran throughout, one waited 8 ms for a CPU.
    const main = thread([
      { ts: 0, dur: 10_000, cpu: 10_000 },
      { ts: 20_000, dur: 10_000, cpu: 2_000 },
    ]);
    expect(busyTime(main, 0, 30_000)).toBe(20);
    expect(cpuTime(main, 0, 30_000)).toBe(12);
    // Half of the second task lies in the window: half of its CPU time counts.
    expect(cpuTime(main, 25_000, 40_000)).toBe(1);
    expect(cpuTime(main, 10_000, 20_000)).toBe(0);
  });
});
