import { defineConfig } from 'vitest/config';

// One Vitest run covers every package. `unit` needs nothing outside the process;
// `integration` (*.int.test.ts) talks to real servers and spawns real processes.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            '{backend,widget,demo,bench/fixtures,bench/eval,bench/eval-kb}/**/*.test.{ts,tsx}',
          ],
          exclude: ['**/*.int.test.{ts,tsx}', '**/node_modules/**', '**/dist/**'],
          environment: 'node',
          // PDF worker start-up and LanceDB take seconds on a busy 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{backend,widget,demo}/**/*.int.test.{ts,tsx}'],
          exclude: ['**/node_modules/**', '**/dist/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
