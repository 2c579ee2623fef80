import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import studioUi from './src/app/vite.config';
import { reviewPageDefine } from './scripts/review-page.mjs';

/**
 * The desktop build: `electron-vite build` writes dist/electron/{main,preload,renderer};
 * package.json's "main" points at dist/electron/main/index.js. `electron-vite dev` serves the
 * renderer with hot reload. The renderer is the same Vue app the web host serves, built with
 * the studio's own Vite settings (src/app/vite.config.ts); only the output folder differs.
 */
const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/** Where the three parts go; `npm run test:security` builds into a temp folder to scan the built app. */
const outRoot = process.env.KINDNESS_ELECTRON_OUT_DIR ?? at('dist/electron');

export default defineConfig({
  main: {
    // "Share for review" inlines the review page's script, bundled here at build time.
    define: reviewPageDefine(),
    build: {
      outDir: `${outRoot}/main`,
      // npm dependencies (zod, yauzl, fluent-ffmpeg, ...) stay in node_modules, inside the asar.
      externalizeDeps: true,
      // exportWorker: the export process (src/host/node/export/exportRunner.ts);
      // voiceWorker: the thread "Time to voice" listens in (src/host/node/voice/voiceRunner.ts).
      rollupOptions: {
        input: {
          index: at('electron/main/index.ts'),
          exportWorker: at('src/host/node/export/exportWorkerMain.ts'),
          voiceWorker: at('src/host/node/voice/voiceWorkerMain.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: `${outRoot}/preload`,
      // A sandboxed preload can only require('electron'): bundle everything else (zod, the contract).
      externalizeDeps: false,
      rollupOptions: {
        input: { index: at('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...studioUi,
    build: {
      ...studioUi.build,
      outDir: `${outRoot}/renderer`,
      rollupOptions: { input: { index: at('src/app/index.html') } },
    },
  },
});
