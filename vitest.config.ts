import { defineConfig } from 'vitest/config';

/**
 * Unit and data tests read files; site and browser tests read the built dist/ (npm test
 * builds it first). Browser tests drive Chromium (npm test makes sure it is there), one file at a time.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
