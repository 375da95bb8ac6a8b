import { defineConfig } from 'vitest/config';

// End-to-end tests run the generator and tsc; shared CI machines are slow and noisy, so the
// timeout is generous. Timings are never asserted.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    include: ['test/**/*.test.ts'],
  },
});
