// Builds the loopback web host (src/web/main.ts and the host it serves) into dist/web/main.js.
// The UI itself is built by Vite (build:app).
import { bundleForNode } from './bundle-node.mjs';

await bundleForNode({ entry: 'src/web/main.ts', outfile: 'dist/web/main.js' });
