import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/support/chromium';

export default defineConfig({
  outputDir: 'tests/artifacts/playwright',
  reporter: 'list',
  // 2 cores: one worker per core; each e2e test starts its own server and browser context.
  workers: 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      // launchOptions here, not at the top: a project's use.launchOptions replaces the top one.
      use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions() },
    },
    // Playwright's Electron launcher; the specs skip with a clear line without the binary.
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
