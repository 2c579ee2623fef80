// Builds the loopback web host (src/web/main.ts and the host it serves) into dist/web/main.js.
// The UI itself is built by Vite (build:app).
import { bundleForNode } from './bundle-node.mjs';

await bundleForNode({ entry: 'src/web/main.ts', outfile: 'dist/web/main.js' });
// Exports run in their own process (src/host/node/export/exportRunner.ts), started from this file.
await bundleForNode({
  entry: 'src/host/node/export/exportWorkerMain.ts',
  outfile: 'dist/web/exportWorker.js',
});
// "Time to voice" listens in a worker thread (src/host/node/voice/voiceRunner.ts), started from this file.
await bundleForNode({
  entry: 'src/host/node/voice/voiceWorkerMain.ts',
  outfile: 'dist/web/voiceWorker.js',
});
// A chunked export draws each chunk in a child process started from exportWorker.js.
await bundleForNode({
  entry: 'src/export/chunks/renderChunkWorker.ts',
  outfile: 'dist/web/renderChunkWorker.js',
});
