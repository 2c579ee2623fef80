// Bundles the command line (src/cli/main.ts and the TypeScript it uses) into one ES module,
// dist/cli/kindness.js. npm packages stay external: they are installed beside it, and some
// (@napi-rs/canvas, @ffmpeg-installer) ship native binaries that cannot be bundled.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}dist/cli/kindness.js`;

await build({
  entryPoints: [`${root}src/cli/main.ts`],
  outfile,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
await chmod(outfile, 0o755);
