/**
 * How many of the toolbar's tools fit on its one row, in order, when each takes `widths[i]` (its
 * separator included) and tools are `gap` apart. If they do not all fit, the rest go into the
 * "More" menu, whose button (`moreWidth`) must fit on the row too. Widths are CSS pixels; a width
 * that cannot be measured (0, as in a test without layout) fits.
 */
export function toolsThatFit(widths: readonly number[], available: number, moreWidth: number, gap: number): number {
  const total = widths.reduce((sum, width, index) => sum + width + (index === 0 ? 0 : gap), 0);
  if (total <= available) return widths.length;
  let used = moreWidth;
  for (let index = 0; index < widths.length; index += 1) {
    used += (widths[index] ?? 0) + gap;
    if (used > available) return index;
  }
  return widths.length;
}
