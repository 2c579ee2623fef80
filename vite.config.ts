import { defineConfig } from 'vitest/config';

// Vitest reads its settings from here. The studio UI build (issue 3) adds its Vite config beside it.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
    environment: 'node',
    // Integration tests spawn ffmpeg and encode video: generous limits, never assertions on time.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Two cores: run test files one or two at a time so ffmpeg and the renderer are not starved
    // (three at a time was no faster, and raced the app tests' cleanup with their backups).
    maxWorkers: 2,
  },
});
