// Bundles one of our Node entry points (the CLI, the web host) into a single ES module.
// npm packages stay external: they are installed beside it, and some (@napi-rs/canvas,
// @ffmpeg-installer) ship native binaries that cannot be bundled.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { reviewPageDefine } from './review-page.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** `entry` and `outfile` are relative to the repository root. */
export async function bundleForNode({ entry, outfile, banner }) {
  await build({
    entryPoints: [`${root}${entry}`],
    outfile: `${root}${outfile}`,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    ...(banner ? { banner: { js: banner } } : {}),
    define: reviewPageDefine(),
    logLevel: 'warning',
  });
}
