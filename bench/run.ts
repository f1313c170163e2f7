// Runs the benchmarks and reports ours against a baseline measured in the same run:
//   npm run bench                                  (builds first, then runs them all)
//   node --import tsx bench/run.ts [filter ...]    (only benchmarks whose name contains a filter)
// Writes bench/results.json (raw samples, stats, machine) and bench/results.md (the table, also
// printed to stdout). Progress goes to stderr. A missed target is reported, not an error; the
// exit code is 1 only if a benchmark could not run.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromiumPath } from '../tests/helpers/chromium';
import { benchmarks } from './benchmarks';
import type { BenchResult, Comparison, Target } from './harness';

const run = promisify(execFile);
const benchDir = import.meta.dirname;

interface MachineInfo {
  cpus: { count: number; model: string };
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  git: string;
  /** 1, 5 and 15 minute load averages: above the CPU count, something else competed for the CPUs. */
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
}

const loadAverage = () => os.loadavg().map((value) => Math.round(value * 100) / 100);

interface Failed {
  name: string;
  error: string;
}

async function output(file: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(file, args, { timeout: 15_000 });
    return stdout.trim().split('\n')[0] ?? '';
  } catch (error) {
    return `unknown (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
}

async function machineInfo(): Promise<MachineInfo> {
  const cpus = os.cpus();
  const commit = await output('git', ['-C', benchDir, 'rev-parse', '--short', 'HEAD']);
  const dirty = (await output('git', ['-C', benchDir, 'status', '--porcelain'])) !== '';
  return {
    cpus: { count: cpus.length, model: cpus[0]?.model.trim() ?? 'unknown' },
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: await output(chromiumPath, ['--version']),
    git: dirty ? `${commit} (with uncommitted changes)` : commit,
    loadAverageAtStart: loadAverage(),
  };
}

const ms = (value: number) => value.toFixed(1);
const ratio = (value: number) => `${value.toFixed(2)}×`;

function describeTarget(target: Target | null): string {
  if (target === null) return '—';
  const parts: string[] = [];
  if (target.maxMedianRatio !== undefined) parts.push(`median ≤ ${ratio(target.maxMedianRatio)}`);
  if (target.maxP95Ratio !== undefined) parts.push(`p95 ≤ ${ratio(target.maxP95Ratio)}`);
  if (target.maxOursMedianMs !== undefined) parts.push(`ours median ≤ ${target.maxOursMedianMs} ms`);
  if (target.maxOursP95Ms !== undefined) parts.push(`ours p95 ≤ ${target.maxOursP95Ms} ms`);
  if (target.maxMedianRatioWhenWaived !== undefined)
    parts.push(`or, if the baseline misses that, median ≤ ${ratio(target.maxMedianRatioWhenWaived)}`);
  return parts.join(', ');
}

function verdict(row: Comparison): string {
  if (row.pass === null) return 'info';
  if (row.pass && row.absoluteWaived) return 'pass (by ratio: the baseline misses the absolute number)';
  return row.pass ? 'pass' : '**MISS**';
}

function markdown(machine: MachineInfo, date: string, results: BenchResult[], failed: Failed[]): string {
  const lines = [
    `# Benchmark results, ${date}`,
    '',
    `${machine.cpus.count} × ${machine.cpus.model}, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; ${machine.chromium}; commit ${machine.git}; load average ${machine.loadAverageAtStart.join(' ')} at start, ${machine.loadAverageAtEnd?.join(' ') ?? '?'} at end.`,
    '',
    'Times in ms. Median (IQR) and p95 of the measured trials; ratio = ours / baseline, lower is better.',
    '',
    '| benchmark | metric | n | baseline median (IQR) | ours median (IQR) | baseline p95 | ours p95 | median ratio | p95 ratio | target | result |',
    '| --- | --- | --: | --: | --: | --: | --: | --: | --: | --- | --- |',
  ];
  for (const result of results) {
    for (const row of result.rows) {
      const n =
        row.oursStats.n === row.baselineStats.n ? `${row.oursStats.n}` : `${row.baselineStats.n}/${row.oursStats.n}`;
      lines.push(
        `| ${result.name} | ${row.metric} | ${n} | ${ms(row.baselineStats.median)} (${ms(row.baselineStats.iqr)}) | ${ms(row.oursStats.median)} (${ms(row.oursStats.iqr)}) | ${ms(row.baselineStats.p95)} | ${ms(row.oursStats.p95)} | ${ratio(row.medianRatio)} | ${ratio(row.p95Ratio)} | ${describeTarget(row.target)} | ${verdict(row)} |`,
      );
    }
  }
  for (const failure of failed)
    lines.push(
      `| ${failure.name} | could not run: ${failure.error.replaceAll('|', '\\|')} | | | | | | | | | **ERROR** |`,
    );
  for (const result of results) {
    lines.push(
      '',
      `**${result.name}**: ${result.description} Baseline: ${result.baselineLabel}. Ours: ${result.oursLabel}. Interleaved baseline/ours, ${result.warmupRounds} warm-up rounds discarded, ${result.measuredRounds} measured.`,
      '',
    );
    for (const row of result.rows) lines.push(`- *${row.metric}*: ${row.description}`);
    if (result.notes !== undefined && result.notes.length > 0) lines.push('', ...result.notes);
  }
  return `${lines.join('\n')}\n`;
}

const filters = process.argv.slice(2).map((arg) => arg.toLowerCase());
const selected = benchmarks.filter(
  (benchmark) => filters.length === 0 || filters.some((filter) => benchmark.name.toLowerCase().includes(filter)),
);

if (selected.length === 0) {
  console.error(
    `No benchmark matches ${filters.join(', ')}. Known: ${benchmarks.map((benchmark) => benchmark.name).join(', ')}`,
  );
  process.exitCode = 2;
} else {
  const machine = await machineInfo();
  const startedAt = new Date().toISOString();
  const results: BenchResult[] = [];
  const failed: Failed[] = [];
  for (const benchmark of selected) {
    console.error(`Running ${benchmark.name}…`);
    const started = performance.now();
    try {
      results.push(await benchmark.run());
      console.error(`${benchmark.name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      console.error(`${benchmark.name} failed:`, error);
      failed.push({ name: benchmark.name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const finishedAt = new Date().toISOString();
  machine.loadAverageAtEnd = loadAverage();
  const table = markdown(machine, startedAt, results, failed);
  const json = { startedAt, finishedAt, filters, machine, benchmarks: results, failed };
  await writeFile(path.join(benchDir, 'results.json'), `${JSON.stringify(json, null, 2)}\n`);
  await writeFile(path.join(benchDir, 'results.md'), table);
  process.stdout.write(table);
  if (failed.length > 0) process.exitCode = 1;
}
