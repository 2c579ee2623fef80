// Bundles the loopback web host (src/web/main.ts and the host it serves) into dist/web/main.js.
// npm packages stay external, as in build-cli.mjs. The UI itself is built by Vite (build:app).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  entryPoints: [`${root}src/web/main.ts`],
  outfile: `${root}dist/web/main.js`,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
