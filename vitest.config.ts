import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/helpers/sequencer.ts';

// End-to-end tests run the generator and tsc; shared CI machines are slow and noisy, so the
// timeout is generous. Timings are never asserted.
// Test files share one module registry per worker (`isolate: false`): the generator's modules,
// Ajv, TypeScript and the compiled spec are loaded once, not once per file — on 2 cores that took
// longer than the tests themselves. Files do not mock modules or leave globals changed.
export default defineConfig({
  test: {
    isolate: false,
    // Two files at a time even on 2 cores (vitest's default there is one): most of a file's time is
    // spent waiting on the processes, servers and browsers it starts.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 120_000,
    hookTimeout: 120_000,
    include: ['test/**/*.test.ts'],
    sequence: { sequencer: LongestFirstSequencer },
  },
});
