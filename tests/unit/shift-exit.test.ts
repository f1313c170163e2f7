import { describe, expect, it } from 'vitest';
import { createShiftExitCounter } from '../../renderer/src/app/shift-exit';

describe('the Shift quick-exit counter', () => {
  it('leaves on the third press of Shift, counting down on the way', () => {
    const counter = createShiftExitCounter();
    expect(counter.press('Shift', false, 0)).toEqual({ kind: 'counting', remaining: 2 });
    expect(counter.press('Shift', false, 300)).toEqual({ kind: 'counting', remaining: 1 });
    expect(counter.press('Shift', false, 600)).toEqual({ kind: 'exit' });
    // And starts again afterwards.
    expect(counter.press('Shift', false, 700)).toEqual({ kind: 'counting', remaining: 2 });
  });

  it('starts again after any other key, and counts a held key once', () => {
    const counter = createShiftExitCounter();
    counter.press('Shift', false, 0);
    counter.press('Shift', false, 100);
    expect(counter.press('A', false, 200)).toEqual({ kind: 'none' });
    expect(counter.press('Shift', false, 300)).toEqual({ kind: 'counting', remaining: 2 });
    expect(counter.press('Shift', true, 350)).toEqual({ kind: 'counting', remaining: 2 });
    expect(counter.press('Shift', true, 400)).toEqual({ kind: 'counting', remaining: 2 });
    expect(counter.press('Shift', false, 500)).toEqual({ kind: 'counting', remaining: 1 });
  });

  it('starts again when the presses take longer than five seconds', () => {
    const counter = createShiftExitCounter();
    counter.press('Shift', false, 0);
    counter.press('Shift', false, 4_000);
    expect(counter.press('Shift', false, 5_001)).toEqual({ kind: 'counting', remaining: 2 });
    expect(counter.press('Shift', false, 5_500)).toEqual({ kind: 'counting', remaining: 1 });
    expect(counter.press('Shift', false, 6_000)).toEqual({ kind: 'exit' });
  });
});
