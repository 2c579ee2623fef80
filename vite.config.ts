import { defineConfig } from 'vitest/config';

// Vitest reads its settings from here. The studio UI build (issue 3) adds its Vite config beside it.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
    environment: 'node',
    // Integration tests spawn ffmpeg and encode video: generous limits, never assertions on time.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Two cores, but the slowest files mostly wait on child processes (ffmpeg, the CLI, a killed
    // saver): three at a time keeps both cores busy without starving ffmpeg.
    maxWorkers: 3,
  },
});
