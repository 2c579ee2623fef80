import { defineConfig } from '@playwright/test';

/**
 * The desktop shell's specs (tests/electron): they launch the real Electron app, so they need
 * the Electron binary. Without it every spec is skipped and says why. `npm run test:electron`.
 */
export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/electron/globalSetup.ts',
  workers: 1,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: 'test-results/electron',
  reporter: [['list']],
});
