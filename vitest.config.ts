import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests run against dist/, which `npm test` builds first.
    testTimeout: 30_000,
    hookTimeout: 600_000,
  },
});
