// Bundles one of our Node entry points (the CLI, the web host) into a single ES module, with the
// plain JavaScript packages it uses (zod, konva, yauzl, yazl) inside it. Node resolves and links
// every file of an external ES package one by one at start-up: with zod and konva outside, that
// took 60 ms of every `kindness` command and every export process before any work (0.25 against
// 0.19 s for `kindness --help`). The packages below stay outside: they are installed beside it,
// and ship native binaries (@napi-rs/canvas, @ffmpeg-installer) or load their own files by
// computed paths (fluent-ffmpeg's presets).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { reviewPageDefine } from './review-page.mjs';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** Packages left outside the bundles (see above). */
export const NOT_BUNDLED = ['@napi-rs/canvas', '@ffmpeg-installer/*', 'fluent-ffmpeg', 'electron'];

/** The CommonJS packages inside an ES module bundle call `require` for Node's own modules. */
const REQUIRE_SHIM =
  "import { createRequire as __kindnessCreateRequire } from 'node:module';\n" +
  'const require = __kindnessCreateRequire(import.meta.url);';

/** `entry` and `outfile` are relative to the repository root. */
export async function bundleForNode({ entry, outfile, banner }) {
  await build({
    entryPoints: [`${root}${entry}`],
    outfile: `${root}${outfile}`,
    bundle: true,
    external: NOT_BUNDLED,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    banner: { js: banner ? `${banner}\n${REQUIRE_SHIM}` : REQUIRE_SHIM },
    define: reviewPageDefine(),
    logLevel: 'warning',
  });
}
