import { execFileSync } from 'node:child_process';

/**
 * Builds the UI (Vite) and the web host (esbuild) once before the browser tests, so
 * `npx playwright test` always tests the current sources. KINDNESS_E2E_SKIP_BUILD=1 skips it.
 */
export default function globalSetup(): void {
  if (process.env.KINDNESS_E2E_SKIP_BUILD === '1') return;
  execFileSync('npx', ['vite', 'build', '--config', 'src/app/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  execFileSync('node', ['scripts/build-web.mjs'], { stdio: 'inherit' });
}
