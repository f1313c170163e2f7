/** How long three presses of Shift may take, from the first, as in GOV.UK's "Exit this page". */
export const shiftExitWindowMs = 5_000;

export type ShiftExitStep = { kind: 'none' } | { kind: 'counting'; remaining: number } | { kind: 'exit' };

/**
 * Counts presses of Shift for the quick exit: three in a row within five seconds leave. Any other
 * key, or a pause, starts the count again; a key held down counts once.
 */
export function createShiftExitCounter(windowMs = shiftExitWindowMs) {
  let count = 0;
  let firstAt = 0;
  return {
    press(key: string, repeat: boolean, at: number): ShiftExitStep {
      if (key !== 'Shift') {
        count = 0;
        return { kind: 'none' };
      }
      if (repeat) return count === 0 ? { kind: 'none' } : { kind: 'counting', remaining: 3 - count };
      if (count === 0 || at - firstAt > windowMs) {
        count = 0;
        firstAt = at;
      }
      count += 1;
      if (count >= 3) {
        count = 0;
        return { kind: 'exit' };
      }
      return { kind: 'counting', remaining: 3 - count };
    },
  };
}
