import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The studio UI build: `vite build --config src/app/vite.config.ts` writes dist/app, which the
// web host serves (and, later, Electron loads). Relative asset URLs work under any origin.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [vue()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/app', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Konva and zod make one large chunk; the app is loaded from disk or loopback, never a network.
    chunkSizeWarningLimit: 2500,
  },
});
