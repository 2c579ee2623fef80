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
  // ffmpeg, a recording's count-in). No test asserts a timing.
  workers: process.env.CI ? 2 : 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results/e2e',
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: chromiumWith([]),
    // A failed test keeps its trace of actions, console and network, and a screenshot. No
    // screencast or DOM snapshots: recording those for every test cost about a third of the
    // suite's CPU (storyboard.spec.ts: 52 CPU-s with them, 33 without).
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false, sources: false },
    screenshot: 'only-on-failure',
  },
});
