import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../generator/pipeline/front.ts';
import { compileSpecCached } from '../../generator/pipeline/compiled-spec.ts';
import { buildIR } from '../../generator/ir/build-ir.ts';
import {
  compiledValidators,
  generatedValidators,
  modelValidators,
} from '../../generator/validation/model-validators.ts';
import { checkAt } from '../../generator/validation/data-file.ts';
import { PROJECT_DIR, SPEC_DIR } from '../helpers/spec.ts';
import { tempDirs } from '../helpers/temp.ts';

// validate and conformance use generated/validators/standalone.js when its stamp says it was
// compiled from the spec's schemas; these tests check that choice and that both kinds of
// validators report the same issues.

const ir = compileSpec({ specDir: SPEC_DIR, rootFile: 'openapi.yaml' });
const GENERATED = join(PROJECT_DIR, 'generated');
const tempDir = tempDirs('ledgerspec-precompiled-');
const noLines = { lineOf: () => undefined };

describe('the generated validators', () => {
  it('are used when generated/ was made from this spec', async () => {
    const { validators, why } = await modelValidators(ir, GENERATED);
    expect(why).toBeUndefined();
    expect(validators.origin).toBe('generated');
  });

  it('are not used, and the reason is given, when the schemas differ or the file is missing', async () => {
    const edited = structuredClone(ir.document) as {
      components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> };
    };
    edited.components.schemas.Currency!.properties.symbol!.maxLength = 3;
    const { validators, why } = await modelValidators(buildIR(edited), GENERATED);
    expect(validators.origin).toBe('compiled');
    expect(why).toMatch(/generated from other schemas than the spec's$/);
    expect(await generatedValidators(ir, tempDir())).toMatch(/standalone\.js does not exist$/);
  });

  it('report exactly what validators compiled now report, on good and bad records of every entity', async () => {
    const generated = await generatedValidators(ir, GENERATED);
    if (typeof generated === 'string') throw new Error(generated);
    const compiled = await compiledValidators(ir.document);
    const samples = (example: unknown) => [
      example,
      {},
      { platform_id: 5, amount: '19', status: 'NOT_A_STATUS' },
      [],
      null,
    ];
    for (const entity of ir.entities) {
      const model = ir.models.find((m) => m.entity === entity.name && m.kind === 'entity')!;
      const example = (model.schema as { examples?: unknown[] }).examples?.[0];
      for (const value of samples(example)) {
        expect(
          checkAt(generated, model.name, value, noLines),
          `${model.name} ${JSON.stringify(value)?.slice(0, 60)}`,
        ).toEqual(checkAt(compiled, model.name, value, noLines));
      }
    }
  });
});

describe('the cached compiled spec', () => {
  it('gives the IR compileSpec gives, and misses after a spec edit', async () => {
    const specDir = join(tempDir(), 'spec');
    cpSync(SPEC_DIR, specDir, { recursive: true });
    const config = { specDir, rootFile: 'openapi.yaml', cacheDir: tempDir() };
    const cold = await compileSpecCached(config);
    const warm = await compileSpecCached(config);
    expect(warm).toEqual(cold);
    expect(cold).toEqual(compileSpec(config));
    const currency = join(specDir, 'schemas/accounting/currency.yaml');
    writeFileSync(
      currency,
      readFileSync(currency, 'utf8').replace("description: The currency's display name", 'description: Renamed'),
    );
    const edited = await compileSpecCached(config);
    expect(JSON.stringify(edited.document)).toContain('Renamed');
  });
});
