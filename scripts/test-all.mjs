// `npm test`: every check the project has, in two lanes so that a 2-core machine is kept busy.
//
// Vitest cannot run the end-to-end files one at a time *beside* the other projects in one process: a project
// without file parallelism is put in a group of its own that starts only when every other file has finished.
// So the end-to-end project runs in a second vitest process, at the same time as the unit and integration
// projects, and the checks before them run two at a time. A step that fails does not stop its own phase (the
// log shows every failure at once), but no later phase starts.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** @typedef {{ name: string, command: string, args: string[] }} Step */

/** @type {Step[][]} Each phase is a list of lanes; a lane's steps run one after another. */
const phases = [
  [
    [
      { name: 'typecheck', command: npm, args: ['run', '--silent', 'typecheck'] },
      { name: 'format', command: npm, args: ['run', '--silent', 'format:check'] },
      { name: 'electronegativity', command: npm, args: ['run', '--silent', 'lint:electron'] },
    ],
    [
      { name: 'build', command: npm, args: ['run', '--silent', 'build'] },
      { name: 'lint', command: npm, args: ['run', '--silent', 'lint'] },
    ],
  ],
  [
    [
      {
        name: 'vitest',
        command: npx,
        args: ['vitest', 'run', '--project', 'unit', '--project', 'unit-sealed', '--project', 'integration'],
      },
      { name: 'elsewhen', command: npm, args: ['run', '--silent', 'test:elsewhen'] },
    ],
    [{ name: 'e2e', command: npx, args: ['vitest', 'run', '--project', 'e2e'] }],
  ],
];

const width = Math.max(...phases.flat(2).map((step) => step.name.length));

/** Runs one step, its output line by line with the step's name in front, and resolves with its exit code. */
function run(step) {
  const started = performance.now();
  const label = `[${step.name.padEnd(width)}]`;
  console.log(`${label} $ ${[step.command, ...step.args].join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) console.log(`${label} ${line}`);
      });
      stream.on('end', () => {
        if (pending !== '') console.log(`${label} ${pending}`);
      });
    }
    child.on('error', (error) => {
      console.log(`${label} could not start: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      const status = code === 0 ? 'passed' : `FAILED (${signal ?? `exit code ${code}`})`;
      console.log(`${label} ${status} in ${seconds} s`);
      resolve(code ?? 1);
    });
  });
}

async function runLane(lane) {
  const failed = [];
  for (const step of lane) {
    if ((await run(step)) !== 0) failed.push(step.name);
  }
  return failed;
}

const started = performance.now();
for (const phase of phases) {
  const failed = (await Promise.all(phase.map(runLane))).flat();
  if (failed.length > 0) {
    console.log(`\nFailed: ${failed.join(', ')}. Later steps were not run.`);
    process.exit(1);
  }
}
console.log(`\nEvery check passed in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
