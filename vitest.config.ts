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
    // One file more at a time than there are cores (vitest's default is one fewer): a file often
    // waits, on a timer, a server's answer or a child that has not started working yet, and the
    // extra file fills those gaps. On 2 cores, 3 workers took the suite from 195 to 190 s.
    maxWorkers: availableParallelism() + 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    include: ['test/**/*.test.ts'],
    sequence: { sequencer: LongestFirstSequencer },
  },
});
