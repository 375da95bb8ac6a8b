import { defineConfig } from 'vitest/config';

// End-to-end tests run the generator and tsc; shared CI machines are slow and noisy, so the
// timeout is generous. Timings are never asserted.
// Test files share one module registry per worker (`isolate: false`): the generator's modules,
// Ajv, TypeScript and the compiled spec are loaded once, not once per file — on 2 cores that took
// longer than the tests themselves. Files do not mock modules or leave globals changed.
export default defineConfig({
  test: {
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    include: ['test/**/*.test.ts'],
  },
});
