// Builds the command line (src/cli/main.ts) into dist/cli/kindness.js, the package's `kindness` bin.
import { chmod } from 'node:fs/promises';
import { bundleForNode, root } from './bundle-node.mjs';

const outfile = 'dist/cli/kindness.js';
await bundleForNode({ entry: 'src/cli/main.ts', outfile, banner: '#!/usr/bin/env node' });
await chmod(`${root}${outfile}`, 0o755);
// A chunked export (--jobs) draws each chunk in a worker thread started from this file.
await bundleForNode({
  entry: 'src/export/chunks/renderChunkWorker.ts',
  outfile: 'dist/cli/renderChunkWorker.js',
});
