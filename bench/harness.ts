import { summarise, type Stats } from './stats';

/**
 * What a row is held to. Ratios are ours / baseline, so lower is better and 1 means "as fast as
 * the baseline". Absolute limits (ms) apply to ours alone; every limit given must hold. A row
 * without a target is reported for information only.
 */
export interface Target {
  maxMedianRatio?: number;
  maxP95Ratio?: number;
  maxOursMedianMs?: number;
  maxOursP95Ms?: number;
  /**
   * A ratio that counts only when the absolute limits are set aside because the baseline misses
   * them: for a target the issue gives in milliseconds alone, the same-run ratio then stands in.
   */
  maxMedianRatioWhenWaived?: number;
}

/** One measured quantity, ours against the baseline measured in the same run. */
export interface Comparison {
  metric: string;
  /** What exactly the number is, from where to where. */
  description: string;
  unit: 'ms';
  /** Raw samples, in the order they were taken (warm-ups already left out). */
  ours: number[];
  baseline: number[];
  oursStats: Stats;
  baselineStats: Stats;
  /** ours median / baseline median. */
  medianRatio: number;
  /** ours p95 / baseline p95. */
  p95Ratio: number;
  target: Target | null;
  /** null when the row has no target. A miss is reported, never thrown. */
  pass: boolean | null;
  /**
   * True when the absolute part of the target was set aside because the baseline itself misses it
   * on this machine, so the row is judged by its ratio targets alone.
   */
  absoluteWaived: boolean;
}

export interface BenchResult {
  name: string;
  description: string;
  oursLabel: string;
  baselineLabel: string;
  warmupRounds: number;
  measuredRounds: number;
  rows: Comparison[];
  /** Anything worth knowing that does not fit a row (sizes, versions, per-trial details). */
  details?: Record<string, unknown>;
  /** Markdown lines printed under the benchmark's description in results.md (breakdowns, findings). */
  notes?: string[];
}

export interface Benchmark {
  name: string;
  description: string;
  run(): Promise<BenchResult>;
}

export function compare(
  metric: string,
  description: string,
  samples: { ours: number[]; baseline: number[] },
  target: Target | null,
): Comparison {
  const oursStats = summarise(samples.ours);
  const baselineStats = summarise(samples.baseline);
  const medianRatio = oursStats.median / baselineStats.median;
  const p95Ratio = oursStats.p95 / baselineStats.p95;
  let pass: boolean | null = null;
  let absoluteWaived = false;
  if (target !== null) {
    const ratiosPass =
      (target.maxMedianRatio === undefined || medianRatio <= target.maxMedianRatio) &&
      (target.maxP95Ratio === undefined || p95Ratio <= target.maxP95Ratio);
    const absolutePass =
      (target.maxOursMedianMs === undefined || oursStats.median <= target.maxOursMedianMs) &&
      (target.maxOursP95Ms === undefined || oursStats.p95 <= target.maxOursP95Ms);
    // These machines are slow, headless and software-rendered: where the baseline itself cannot
    // meet an absolute number (bare TipTap's own p95 per keystroke, say), the ratio is the target.
    const hasRatio =
      target.maxMedianRatio !== undefined ||
      target.maxP95Ratio !== undefined ||
      target.maxMedianRatioWhenWaived !== undefined;
    const baselineMisses =
      (target.maxOursMedianMs !== undefined && baselineStats.median > target.maxOursMedianMs) ||
      (target.maxOursP95Ms !== undefined && baselineStats.p95 > target.maxOursP95Ms);
    absoluteWaived = hasRatio && baselineMisses && !absolutePass;
    const waivedRatioPasses =
      target.maxMedianRatioWhenWaived === undefined || medianRatio <= target.maxMedianRatioWhenWaived;
    pass = ratiosPass && (absolutePass || (absoluteWaived && waivedRatioPasses));
  }
  return {
    metric,
    description,
    unit: 'ms',
    ours: samples.ours,
    baseline: samples.baseline,
    oursStats,
    baselineStats,
    medianRatio,
    p95Ratio,
    target,
    pass,
    absoluteWaived,
  };
}

/** One trial measures several named quantities at once, each in milliseconds. */
export type TrialMeasures<K extends string> = Record<K, number>;

/** Which trial this is, for logging and per-trial details. */
export interface TrialInfo {
  /** 0-based over the whole run, warm-ups included. */
  round: number;
  warmup: boolean;
}

export interface InterleavedSamples<K extends string> {
  ours: Record<K, number[]>;
  baseline: Record<K, number[]>;
}

/**
 * Runs `warmupRounds + measuredRounds` rounds of "baseline, then ours", so both sides see the
 * same machine state (thermal, page cache, background load) within a round and any drift over
 * the run hits both equally. Warm-up rounds are run in full and thrown away.
 *
 * Every sample must be a positive finite number: a zero or negative time means the probe is
 * broken, and the run stops rather than report nonsense.
 */
export async function runInterleaved<K extends string>(options: {
  keys: readonly K[];
  warmupRounds: number;
  measuredRounds: number;
  baseline: (trial: TrialInfo) => Promise<TrialMeasures<K>>;
  ours: (trial: TrialInfo) => Promise<TrialMeasures<K>>;
  log?: (line: string) => void;
}): Promise<InterleavedSamples<K>> {
  const empty = (): Record<K, number[]> => {
    const record = {} as Record<K, number[]>;
    for (const key of options.keys) record[key] = [];
    return record;
  };
  const samples: InterleavedSamples<K> = { ours: empty(), baseline: empty() };
  const total = options.warmupRounds + options.measuredRounds;
  for (let round = 0; round < total; round += 1) {
    const warmup = round < options.warmupRounds;
    for (const side of ['baseline', 'ours'] as const) {
      const measures = await options[side]({ round, warmup });
      for (const key of options.keys) {
        const value = measures[key];
        if (!Number.isFinite(value) || value <= 0) {
          throw new Error(`${side} trial gave an impossible ${key}: ${value}`);
        }
        if (!warmup) samples[side][key].push(value);
      }
      const label = warmup
        ? `warm-up ${round + 1}/${options.warmupRounds}`
        : `round ${round - options.warmupRounds + 1}/${options.measuredRounds}`;
      options.log?.(`${label} ${side}: ${options.keys.map((key) => `${key}=${measures[key].toFixed(1)}`).join(' ')}`);
    }
  }
  return samples;
}
