import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Time-outs here only catch a test that hangs; none measures speed (benchmarks do, in bench/).
 * They are generous so a loaded 2-core machine never fails a test for being slow.
 */
const unitTimeout = { testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  // The product core is imported as @core/... everywhere (tsconfig.base.json paths; each project extends this).
  resolve: { alias: { '@core': fileURLToPath(new URL('./core', import.meta.url)) } },
  test: {
    // Vitest's default is one worker fewer than the cores, so a 2-core CI machine would run one file at a
    // time. Two workers keep both cores busy; the end-to-end project still runs its files one at a time.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        // Dexie finds IndexedDB when it loads, so fake-indexeddb must be installed before any test imports it.
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          ...unitTimeout,
          setupFiles: ['fake-indexeddb/auto'],
        },
      },
      {
        extends: true,
        // The data layer's tests again with every sealed table encrypted, as with the app lock on.
        test: {
          name: 'unit-sealed',
          include: ['tests/unit/db/**/*.test.ts'],
          environment: 'node',
          ...unitTimeout,
          setupFiles: ['fake-indexeddb/auto'],
          env: { CHORUS_TEST_SEALED: '1' },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          expect: { poll: { timeout: 30_000 } },
        },
      },
      {
        extends: true,
        // Each end-to-end file starts its own Chromium; one at a time keeps a 2-core machine steady.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // expect.poll waits on a condition in the page; a second (its default) is short on a loaded machine.
          expect: { poll: { timeout: 30_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
