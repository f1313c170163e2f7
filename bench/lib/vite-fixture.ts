// Builds a baseline page under bench/fixtures/ with Vite's JS API, as the app is built.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export const fixturesDir = path.resolve(import.meta.dirname, '../fixtures');

/** Production build of `bench/fixtures/<name>` into `outDir`, with the app's `chrome130` target. */
export async function buildFixture(name: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: path.join(fixturesDir, name),
    base: '/',
    logLevel: 'warn',
    mode: 'production',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, target: 'chrome130', sourcemap: true, chunkSizeWarningLimit: 10_000 },
  });
}
