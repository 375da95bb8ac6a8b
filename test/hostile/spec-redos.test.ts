import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.ts';
import { fixtureConfig, removeSpecFixtures, specFixture, WIDGET } from './spec-fixture.ts';

// A catastrophic `pattern` must not let one value stall a validator: the generated validators
// match with RE2's linear-time engine. No timing is asserted: the validator runs in a worker and
// a watchdog fails the test only if it has not answered at all within a bound far above what a
// linear match of 10,000 characters needs (JavaScript's backtracking RegExp needs longer than the
// age of the universe for this value).
const WATCHDOG_MS = 60_000;

// A second pattern in the same schema: each must be compiled on its own (Ajv keys compiled
// patterns by their text).
const CATASTROPHIC = (text: string) =>
  text
    .replace("  name:\n    type: [string, 'null']\n", "  name:\n    type: [string, 'null']\n    pattern: ^(a+)+$\n")
    .replace('    items:\n      type: string\n', '    items:\n      type: string\n      pattern: ^[a-z]+\\u0021?$\n')
    .replace('name: Sprocket', 'name: aaa');

let standalone: string;
beforeAll(async () => {
  const dir = specFixture({ [WIDGET]: CATASTROPHIC });
  await generate(fixtureConfig(dir));
  standalone = pathToFileURL(join(dir, 'out/validators/standalone.js')).href;
}, 120_000);
afterAll(removeSpecFixtures);

/** The validator's answer, or a rejection when the watchdog had to stop it. */
function validateInWorker(model: string, value: unknown): Promise<{ valid: boolean; keywords: string[] }> {
  const worker = new Worker(new URL('./validate-in-worker.mjs', import.meta.url), {
    workerData: { module: standalone, model, value },
    execArgv: ['--import', 'tsx'],
  });
  return new Promise((resolve, reject) => {
    const watchdog = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`the ${model} validator had not answered after ${WATCHDOG_MS} ms: it backtracks`));
    }, WATCHDOG_MS);
    worker.once('message', (answer) => {
      clearTimeout(watchdog);
      void worker.terminate();
      resolve(answer);
    });
    worker.once('error', (error) => {
      clearTimeout(watchdog);
      reject(error);
    });
  });
}

describe('generated validators match `pattern` in linear time', () => {
  const CASES: { name: string; field?: string; value: unknown; valid: boolean; keywords: string[] }[] = [
    {
      name: '10,000 a then a mismatch on ^(a+)+$',
      value: `${'a'.repeat(10_000)}!`,
      valid: false,
      keywords: ['pattern'],
    },
    { name: '10,000 a on ^(a+)+$', value: 'a'.repeat(10_000), valid: true, keywords: [] },
    { name: 'empty string on ^(a+)+$', value: '', valid: false, keywords: ['pattern'] },
    {
      name: 'the second pattern (with a \\u escape) is its own',
      field: 'tags',
      value: ['blue!', 'aaa'],
      valid: true,
      keywords: [],
    },
    {
      name: 'the second pattern refuses what it does not match',
      field: 'tags',
      value: ['Blue'],
      valid: false,
      keywords: ['pattern'],
    },
  ];
  for (const c of CASES) {
    it(
      c.name,
      async () => {
        const answer = await validateInWorker('WidgetCreate', { [c.field ?? 'name']: c.value });
        expect(answer).toEqual({ valid: c.valid, keywords: c.keywords });
      },
      WATCHDOG_MS + 10_000,
    );
  }
});
