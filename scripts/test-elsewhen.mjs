// The unit tests again in another time zone and more than a year ahead, so none can depend on the
// real date or zone. libfaketime (Debian's `faketime`) moves the clock of the whole process tree.
import { spawnSync } from 'node:child_process';

const ahead = '+400d';
const env = { ...process.env, TZ: 'Pacific/Chatham', FAKETIME_DONT_FAKE_MONOTONIC: '1' };

// Check the clock really moved: a run that silently kept the real date would prove nothing.
const probe = spawnSync('faketime', ['-f', ahead, process.execPath, '-p', 'Date.now()'], { env, encoding: 'utf8' });
if (probe.error !== undefined || probe.status !== 0) {
  console.error('faketime is needed for this run (Debian: apt-get install faketime).', probe.error ?? probe.stderr);
  process.exit(1);
}
const movedDays = (Number(probe.stdout.trim()) - Date.now()) / 86_400_000;
if (!(movedDays > 365)) {
  console.error(`faketime moved the clock by ${movedDays.toFixed(1)} days, not more than a year.`);
  process.exit(1);
}
console.log(`Unit tests in Pacific/Chatham, ${Math.round(movedDays)} days ahead of today.`);

const run = spawnSync('faketime', ['-f', ahead, 'npx', 'vitest', 'run', '--project', 'unit'], {
  env,
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
