import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toolsThatFit } from '../../../renderer/src/editor/toolbar-fit';

describe('toolsThatFit', () => {
  it('keeps every tool on the row when they all fit, with no room kept for "More"', () => {
    expect(toolsThatFit([50, 50, 50], 160, 60, 5)).toBe(3);
  });

  it('moves the tools that do not fit into "More", keeping room for its button', () => {
    // 50 + 5 + 50 + 5 + 60 = 170 fits in 180; a third tool would not.
    expect(toolsThatFit([50, 50, 50, 50], 180, 60, 5)).toBe(2);
    expect(toolsThatFit([50, 50, 50, 50], 40, 60, 5)).toBe(0);
  });

  it('keeps every tool on the row when nothing could be measured', () => {
    expect(toolsThatFit([0, 0, 0], 0, 0, 0)).toBe(3);
  });

  it('never puts more on the row than the room it has', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 20 }),
        (widths, available, more, gap) => {
          const fit = toolsThatFit(widths, available, more, gap);
          expect(fit).toBeGreaterThanOrEqual(0);
          expect(fit).toBeLessThanOrEqual(widths.length);
          const row = widths.slice(0, fit).reduce((sum, width) => sum + width + gap, 0);
          const used = fit === widths.length ? row - gap : row + more;
          // The "More" button is shown even when the row has no room for anything else.
          if (fit > 0) expect(used).toBeLessThanOrEqual(available);
        },
      ),
    );
  });
});
