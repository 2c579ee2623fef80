// Bundles the review page's script (src/review/page/main.ts) into one minified string, which
// the Node builds define as __KINDNESS_REVIEW_PAGE_SCRIPT__: "Share for review" inlines it.
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

export function reviewPageScript() {
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL('../src/review/page/main.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** The `define` entry for esbuild and Vite. */
export function reviewPageDefine() {
  return { __KINDNESS_REVIEW_PAGE_SCRIPT__: JSON.stringify(reviewPageScript()) };
}
