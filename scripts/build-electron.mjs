// Bundles the Electron main process, the preload script and the web host with esbuild.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { build, context } from 'esbuild';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { CHORUS_VERSION: JSON.stringify(pkg.version) },
  // The product core, imported as @core/... (tsconfig.base.json paths).
  alias: { '@core': './core' },
};

const targets = [
  // Electron loads CommonJS for main and for a sandboxed preload; 'electron' is provided by the runtime.
  {
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'build/electron/main.cjs',
    format: 'cjs',
    external: ['electron'],
  },
  {
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'build/electron/preload.cjs',
    format: 'cjs',
    external: ['electron'],
  },
  {
    ...common,
    entryPoints: ['electron/web-host/cli.ts'],
    outfile: 'build/web-host/cli.js',
    format: 'esm',
    // Some dependencies (isomorphic-git's) call require() for Node built-ins, which an ES module lacks.
    banner: {
      js: "import { createRequire as chorusCreateRequire } from 'node:module'; const require = chorusCreateRequire(import.meta.url);",
    },
  },
];

// Files the main process reads at run time (the print style sheet) go into build/, which is what is packaged.
await mkdir('build/resources', { recursive: true });
await copyFile('resources/print.css', 'build/resources/print.css');

if (watch) {
  for (const options of targets) await (await context(options)).watch();
} else {
  await Promise.all(targets.map((options) => build(options)));
}
