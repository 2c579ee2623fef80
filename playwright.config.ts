import { defineConfig } from '@playwright/test';
import { chromiumWith } from './tests/e2e/browser';

/**
 * Browser tests of the studio through the loopback web host, in Debian's Chromium. Each test
 * starts its own server with a fresh workspace and data folder (tests/e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/globalSetup.ts',
  // Two cores. Locally (a shared, busy machine) one browser at a time keeps the tests steady; on
  // CI's own machine two overlap the time each test spends waiting (server start, page load,
  // ffmpeg), which keeps the whole run under its 30 minutes. No test asserts a timing.
  workers: process.env.CI ? 2 : 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results/e2e',
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: chromiumWith([]),
    trace: 'retain-on-failure',
  },
});
