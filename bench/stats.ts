/**
 * Summary statistics for benchmark samples. Percentiles use linear interpolation between the
 * closest ranks (the "R-7" method, numpy's and Excel's default), so with few samples the p95 lies
 * between the two largest values rather than being the maximum.
 */
export interface Stats {
  n: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  p95: number;
  /** First and third quartiles; their difference is the spread we report. */
  q1: number;
  q3: number;
  /** Interquartile range, q3 - q1: the spread of the middle half of the samples. */
  iqr: number;
}

/** The p-th percentile (0 ≤ p ≤ 100) of samples already sorted ascending. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('No samples');
  if (!(p >= 0 && p <= 100)) throw new Error(`Percentile out of range: ${p}`);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (rank - lower);
}

export function percentile(samples: readonly number[], p: number): number {
  return percentileOfSorted(sortedCopy(samples), p);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function mean(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('No samples');
  return samples.reduce((sum, value) => sum + value, 0) / samples.length;
}

function sortedCopy(samples: readonly number[]): number[] {
  for (const value of samples) {
    if (!Number.isFinite(value)) throw new Error(`Sample is not a finite number: ${value}`);
  }
  return [...samples].sort((a, b) => a - b);
}

export function summarise(samples: readonly number[]): Stats {
  const sorted = sortedCopy(samples);
  if (sorted.length === 0) throw new Error('No samples');
  const q1 = percentileOfSorted(sorted, 25);
  const q3 = percentileOfSorted(sorted, 75);
  return {
    n: sorted.length,
    min: sorted[0] as number,
    max: sorted[sorted.length - 1] as number,
    mean: mean(sorted),
    median: percentileOfSorted(sorted, 50),
    p95: percentileOfSorted(sorted, 95),
    q1,
    q3,
    iqr: q3 - q1,
  };
}
