// Development: builds once, then rebuilds the renderer and the Electron bundles on change while
// Electron runs. Reload the window (View > Reload) to see renderer changes.
import { spawn, spawnSync } from 'node:child_process';

const shell = process.platform === 'win32';
const children = [];

function run(command, args, env = {}) {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell });
  children.push(child);
  return child;
}

function stopAll() {
  for (const child of children) child.kill();
  process.exit(0);
}

const first = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell });
if (first.status !== 0) process.exit(first.status ?? 1);

process.on('SIGINT', stopAll);
process.on('SIGTERM', stopAll);
run('npx', ['vite', 'build', '--watch', '--config', 'renderer/vite.config.ts', '--mode', 'development']);
run('node', ['scripts/build-electron.mjs', '--watch']);
run('npx', ['electron', '.'], { CHORUS_DEV: '1' }).on('exit', stopAll);
