import { defineConfig } from 'vitest/config';

// Projects run one group after another (unit, then chain, then e2e): the chain and browser suites each
// start their own node and would fight over the machine's cores if run together.
export default defineConfig({
  test: {
    passWithNoTests: true,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/lib/**/*.test.ts'],
          environment: 'node',
          // The worker's and the pages' sentences come from public/_locales through chrome.i18n.
          setupFiles: ['src/ui/testI18nSetup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'chain',
          include: ['test/chain/**/*.test.ts'],
          // chopsticks logs every block at info level.
          env: { LOG_LEVEL: 'warn' },
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          env: { LOG_LEVEL: 'warn' },
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
