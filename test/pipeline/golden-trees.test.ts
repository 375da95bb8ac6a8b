import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../generator/generate.ts';
import { typeCheckProject } from '../helpers/compile.ts';
import { GOLDEN_DIR, goldenConfig, goldenDir, goldenFixtures, REFRESH_GOLDEN } from '../helpers/golden.ts';

// Every third-party fixture generates a whole tree (--no-house-rules), committed under
// test/golden/<fixture>/: regenerating must give exactly it, and all of them type-check under
// --strict in one tsc program. After an intended change of output: `npm run golden`, review, commit.

const fixtures = goldenFixtures();

describe('golden trees of the third-party fixtures', () => {
  it('has one tree per fixture and no other', () => {
    const trees = readdirSync(GOLDEN_DIR, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(trees.map((e) => join(GOLDEN_DIR, e.name)).sort()).toEqual(fixtures.map(goldenDir).sort());
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it.each(fixtures)('%s regenerates byte for byte', async (fixture) => {
    const result = await generate(goldenConfig(fixture), { check: true });
    const stale = result.changes.map((c) => `${c.change} ${c.path}`);
    expect(stale, `test/golden/ is stale for ${fixture}: run \`${REFRESH_GOLDEN}\` and review the diff`).toEqual([]);
    expect(result.files.length).toBeGreaterThan(0);
  });

  it('hostile-names: every key and operationId got a safe name, and the validators run under it', async () => {
    const v = (await import(join(GOLDEN_DIR, 'hostile-names/validators/index.ts'))) as Record<
      string,
      (value: unknown) => boolean
    >;
    expect(v.isPet?.({ name: 'Rex' })).toBe(true);
    expect(v.isPet2?.({ kind: 'dog', owner: { given: 'Ann' } })).toBe(true);
    expect(v.isPet2?.({ kind: 'cow' })).toBe(false);
    expect(v.isU540DU524D?.({ given: 3 })).toBe(false);
    expect(v.is_200?.({ ok: true })).toBe(true);
    expect(v.is_Proto__?.({ polluted: 'yes' })).toBe(false);
    expect(v.isAnyError?.({ kind: 'numbered', code: 1 })).toBe(true);
    expect(v.isAnyError?.({ kind: 'described' })).toBe(false);
  });

  it('type-checks under --strict, all trees in one program', () => {
    // `tsc -p test/golden --strict`, in-process (test/helpers/compile.ts): tsc's diagnostics, none.
    expect(typeCheckProject(GOLDEN_DIR, { strict: true })).toBe('');
  });
});
