// Builds the command line into dist/cli: kindness.js, the package's `kindness` bin (src/cli/bin.ts),
// which sets the renderer's allocator up and then loads kindness-main.js (src/cli/main.ts).
import { chmod } from 'node:fs/promises';
import { bundleForNode, root } from './bundle-node.mjs';

const outfile = 'dist/cli/kindness.js';
await bundleForNode({ entry: 'src/cli/main.ts', outfile: 'dist/cli/kindness-main.js' });
// The bin line gives Node the export process's flags (src/export/pipeline/exportProcessFlags.ts):
// V8 sizes its old generation too small for an export otherwise. `env -S` splits the line on
// Linux and macOS, and npm's Windows shims read it too.
await bundleForNode({
  entry: 'src/cli/bin.ts',
  outfile,
  banner: '#!/usr/bin/env -S node --initial-old-space-size=64 --single-threaded-gc',
});
await chmod(`${root}${outfile}`, 0o755);
// A chunked export (--jobs) draws each chunk in a worker thread started from this file.
await bundleForNode({
  entry: 'src/export/chunks/renderChunkWorker.ts',
  outfile: 'dist/cli/renderChunkWorker.js',
});
