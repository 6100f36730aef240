import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests build and serve the site once; they share one global setup.
    testTimeout: 30_000,
    hookTimeout: 600_000,
  },
});
