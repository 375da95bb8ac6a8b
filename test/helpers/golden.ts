import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EMITTER_NAMES, type LedgerspecConfig } from '../../generator/config.ts';
import { PROJECT_DIR } from './spec.ts';

// Golden trees: every spec in test/fixtures/third-party/ generated whole (with --no-house-rules)
// into test/golden/<fixture>/, committed. test/golden.test.ts regenerates and diffs them and
// type-checks them all in one tsc program; `npm run golden` (scripts/golden.ts) refreshes them.

export const THIRD_PARTY_DIR = join(PROJECT_DIR, 'test/fixtures/third-party');
export const GOLDEN_DIR = join(PROJECT_DIR, 'test/golden');
export const REFRESH_GOLDEN = 'npm run golden';

/** The root file of each third-party fixture (`openapi-3.0.yaml`), in name order. */
export function goldenFixtures(): string[] {
  return readdirSync(THIRD_PARTY_DIR)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort();
}

/** Where a fixture's tree lives: test/golden/<file name without .yaml>. */
export function goldenDir(fixture: string): string {
  return join(GOLDEN_DIR, fixture.replace(/\.ya?ml$/, ''));
}

/** generate's configuration for one fixture: no house rules, no connectors, no cache. */
export function goldenConfig(fixture: string): LedgerspecConfig {
  return {
    specDir: THIRD_PARTY_DIR,
    rootFile: fixture,
    outDir: goldenDir(fixture),
    // A folder that does not exist: the fixtures have no connectors to merge.
    connectorsDir: join(GOLDEN_DIR, '.no-connectors'),
    houseRules: false,
    emitters: [...EMITTER_NAMES],
  };
}
