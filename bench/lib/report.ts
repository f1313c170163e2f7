// Markdown for the notes under a benchmark in results.md.
import type { ProfileBreakdown } from './profile';

const fixed = (value: number | undefined, digits = 1) => (value === undefined ? '—' : value.toFixed(digits));

/**
 * A table of ms per category, one column per side, rows ordered by the last column, which also
 * gets its share of that column's total (so a profiled breakdown can be read against an
 * unprofiled total).
 */
export function breakdownTable(
  columns: ReadonlyArray<{ label: string; values: Record<string, number> }>,
  options: { unit?: string; share?: boolean } = {},
): string[] {
  const unit = options.unit ?? 'ms';
  const keys = new Set(columns.flatMap((column) => Object.keys(column.values)));
  const last = columns[columns.length - 1];
  const lastTotal = Object.values(last?.values ?? {}).reduce((sum, value) => sum + value, 0);
  const share = options.share === true && lastTotal > 0;
  const order = [...keys].sort((a, b) => (last?.values[b] ?? 0) - (last?.values[a] ?? 0));
  const lines = [
    `| where the time went | ${columns.map((column) => `${column.label} (${unit})`).join(' | ')}${share ? ` | share of ${last?.label ?? ''}` : ''} |`,
    `| --- | ${columns.map(() => '--:').join(' | ')}${share ? ' | --:' : ''} |`,
  ];
  for (const key of order) {
    const cells = columns.map((column) => fixed(column.values[key], 2)).join(' | ');
    const part = share ? ` | ${(((last?.values[key] ?? 0) / lastTotal) * 100).toFixed(0)} %` : '';
    lines.push(`| ${key} | ${cells}${part} |`);
  }
  if (share) {
    const totals = columns
      .map((column) =>
        fixed(
          Object.values(column.values).reduce((sum, value) => sum + value, 0),
          2,
        ),
      )
      .join(' | ');
    lines.push(`| **total** | ${totals} | 100 % |`);
  }
  return lines;
}

/** The top functions of a profile breakdown as a bullet list, each divided by `per`. */
export function topFunctions(title: string, entries: ProfileBreakdown['selfTop'], per = 1, count = 10): string[] {
  return [title, ...entries.slice(0, count).map((entry) => `  - ${(entry.ms / per).toFixed(2)} ms — \`${entry.fn}\``)];
}

export function scaled(values: Record<string, number>, divisor: number): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value / divisor]));
}
