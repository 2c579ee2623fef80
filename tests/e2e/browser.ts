/**
 * How Playwright starts Chromium for the studio's browser tests (playwright.config.ts). A spec
 * that needs more flags (a WAV file as the microphone, tests/e2e/recording.spec.ts) adds them
 * to these, for its own file only.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launch options with `extra` flags after the usual ones. */
export function chromiumWith(extra: readonly string[]): { executablePath: string; args: string[] } {
  return { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extra] };
}
