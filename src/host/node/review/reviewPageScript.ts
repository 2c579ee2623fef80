import { fileURLToPath } from 'node:url';
import type * as Esbuild from 'esbuild';

/**
 * The review page's script, bundled into one inline script. Builds of the web host, the CLI and
 * Electron bundle it at build time and define it as a constant (scripts/review-page.mjs); from
 * sources (tests, dev) it is bundled on first use with esbuild.
 */
declare const __KINDNESS_REVIEW_PAGE_SCRIPT__: string | undefined;

let cached: Promise<string> | null = null;

export function reviewPageScript(): Promise<string> {
  if (typeof __KINDNESS_REVIEW_PAGE_SCRIPT__ === 'string')
    return Promise.resolve(__KINDNESS_REVIEW_PAGE_SCRIPT__);
  cached ??= bundleFromSources();
  return cached;
}

async function bundleFromSources(): Promise<string> {
  // A variable module name: bundlers must not pull esbuild (a build tool) into the app.
  const name = 'esbuild';
  const esbuild = (await import(/* @vite-ignore */ name)) as typeof Esbuild;
  const entry = fileURLToPath(new URL('../../../review/page/main.ts', import.meta.url));
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}
