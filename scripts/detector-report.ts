import { evaluate, loadCorpus, scoreTable, type Split } from '../tests/unit/core/identifying-details/corpus';

/**
 * Prints the identifying-details detector's precision and recall on the labelled corpus, by kind, for the
 * development narratives (which the rules were tuned on), the held-out ones (written after), and both.
 * `--misses` also lists every missed span and false alarm.
 */
const corpus = loadCorpus();
const showMisses = process.argv.includes('--misses');
const sets: [string, Split | undefined][] = [
  ['Development set', 'development'],
  ['Held-out set', 'held-out'],
  ['Whole corpus', undefined],
];

for (const [title, split] of sets) {
  const narratives = corpus.filter((narrative) => split === undefined || narrative.split === split);
  const evaluation = evaluate(narratives);
  console.log(`## ${title} (${narratives.length} narratives)\n`);
  console.log(scoreTable(evaluation));
  console.log('');
  if (showMisses && split !== undefined) {
    for (const { id, span } of evaluation.misses)
      console.log(`- missed ${span.kind} in ${id}: ${JSON.stringify(span.text)}`);
    for (const { id, finding } of evaluation.falseAlarms) {
      console.log(
        `- false alarm ${finding.kind} in ${id}: ${JSON.stringify(finding.text)} → ${JSON.stringify(finding.suggestion)}`,
      );
    }
    console.log('');
  }
}

/**
 * With `--timing`: the time to check a 30,000-word text made of the corpus narratives repeated, which is
 * denser in details than most writing. The first run on the text is reported apart from the rest.
 */
if (process.argv.includes('--timing')) {
  const { detectIdentifyingDetails } = await import('@core/identifying-details/index');
  let text = '';
  for (let i = 0; text.split(/\s+/).length < 30_000; i++) text += `${corpus[i % corpus.length]?.text ?? ''}\n\n`;
  const words = text.split(/\s+/).filter(Boolean).length;
  const run = (): { wall: number; cpu: number; findings: number } => {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const findings = detectIdentifyingDetails(text).length;
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    return { wall, cpu: (cpu.user + cpu.system) / 1000, findings };
  };
  const first = run();
  const runs = Array.from({ length: 7 }, run).sort((a, b) => a.wall - b.wall);
  const median = runs[Math.floor(runs.length / 2)] ?? first;
  console.log(`## Timing (${words} words, ${text.length} characters, ${median.findings} findings)\n`);
  console.log('| run | wall time (ms) | CPU time (ms) |');
  console.log('| --- | ---: | ---: |');
  console.log(`| first run on this text | ${first.wall.toFixed(0)} | ${first.cpu.toFixed(0)} |`);
  console.log(`| median of the next ${runs.length} | ${median.wall.toFixed(0)} | ${median.cpu.toFixed(0)} |`);
  console.log(`| fastest | ${(runs[0]?.wall ?? 0).toFixed(0)} | ${(runs[0]?.cpu ?? 0).toFixed(0)} |`);
}
