import { defineConfig } from 'vitest/config';

/**
 * Unit and data tests read files; site and browser tests read the built dist/ (npm test
 * builds it first). Browser tests drive Chromium (npm test makes sure it is there), one file at a time.
 */
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Type tests (tests/types/*.test-d.ts) compile with tsc: a shape declared twice fails here.
    typecheck: { enabled: true, include: ['tests/types/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    maxWorkers: 2,
  },
});
