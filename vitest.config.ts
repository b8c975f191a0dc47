import { defineConfig } from 'vitest/config';

/**
 * The whole test suite. Database tests run twice: once on PGlite and once on PostgreSQL
 * (SAMSPIL_TEST_ENGINE). Browser tests drive Debian's Chromium against a real server.
 * Two cores: at most two test files at once.
 */
const databaseTests = ['test/api/**/*.test.ts', 'test/synth/**/*.test.ts'];

export default defineConfig({
  test: {
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'] } },
      {
        extends: true,
        test: {
          name: 'pglite',
          include: [...databaseTests, 'test/db/**/*.test.ts'],
          env: { SAMSPIL_TEST_ENGINE: 'pglite' },
        },
      },
      {
        extends: true,
        test: { name: 'postgresql', include: databaseTests, env: { SAMSPIL_TEST_ENGINE: 'postgresql' } },
      },
      // Operations: the production build, and faults of a private PostgreSQL the tests start. They
      // load both cores (a compile, a second database server), so they run last, on their own,
      // instead of beside the browser tests' servers.
      {
        extends: true,
        test: {
          name: 'ops',
          include: ['test/ops/**/*.test.ts'],
          testTimeout: 90_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          globalSetup: ['test/e2e/support/demo-template.ts'],
          // A page waits for its data as Playwright's own waits do, not vitest's 1 s: on a loaded
          // CI machine a select's options took longer than a second to arrive.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
