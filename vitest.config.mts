import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright specs (tests/e2e, tests/electron) run under Playwright, never here.
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    // Property tests run 10,000 cases; a 2-core CI machine shared with other work is slow.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // better-sqlite3 is a native addon: child processes isolate it better than worker threads.
    pool: 'forks',
  },
});
