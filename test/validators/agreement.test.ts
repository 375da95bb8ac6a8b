import { generateSync, type JsonSchema } from 'json-schema-faker';
import { describe, expect, it } from 'vitest';
import type { ModelIR, SpecIR } from '../../generator/ir/model.ts';
import { isObject, nonNullTypes, type JsonObject } from '../../generator/source/schema-walk.ts';
import { documentAjv, modelValidator } from '../../generator/validation/document-ajv.ts';
import { ajvIssues } from '../../generator/validation/errors.ts';
import { projectIR } from '../helpers/spec.ts';
import { thirdPartyIR, useGeneratedValidators } from './generated.ts';

const SEEDS = [1, 2, 3];

/** Records json-schema-faker makes for a model (seeded, so every run sees the same ones); refs
 * resolve against the document's components. The faker gives up on a few schemas (minProperties
 * beside a closed object); those seeds are skipped. */
function fakeRecords(ir: SpecIR, model: ModelIR): unknown[] {
  const root = { ...model.schema, components: ir.document.components } as JsonSchema;
  return SEEDS.flatMap((seed) => {
    try {
      return [
        generateSync(root, {
          seed,
          alwaysFakeOptionals: seed === 1,
          useDefaultValue: true,
          useExamplesValue: false,
          maxDepth: 4,
          refDepthMax: 2,
          maxItems: 2,
        }),
      ];
    } catch {
      return [];
    }
  });
}

/** Each kind of mistake, applied to the first property it fits. */
function mutations(model: ModelIR, record: unknown): { name: string; value: unknown }[] {
  if (!isObject(record)) return [{ name: 'not an object', value: 42 }];
  const properties = (isObject(model.schema.properties) ? model.schema.properties : {}) as Record<string, JsonObject>;
  const required = Array.isArray(model.schema.required) ? (model.schema.required as string[]) : [];
  const out: { name: string; value: unknown }[] = [
    { name: 'unknown key', value: { ...record, zz_unknown_key: 1 } },
    { name: 'array instead', value: [record] },
  ];
  const first = (test: (s: JsonObject) => boolean) => Object.entries(properties).find(([, s]) => test(s))?.[0];
  const drop = required.find((k) => k in record);
  if (drop) {
    const { [drop]: _dropped, ...rest } = record;
    out.push({ name: `without required ${drop}`, value: rest });
  }
  const typed = first((s) => nonNullTypes(s).length > 0);
  if (typed)
    out.push({
      name: `wrong type for ${typed}`,
      value: { ...record, [typed]: nonNullTypes(properties[typed] ?? {}).includes('string') ? 12345 : 'a string' },
    });
  const enumField = first((s) => Array.isArray(s.enum));
  if (enumField) out.push({ name: `bad enum ${enumField}`, value: { ...record, [enumField]: 'NotAnAllowedValue' } });
  const dateField = first((s) => s.format === 'date-time');
  if (dateField) out.push({ name: `bad date-time ${dateField}`, value: { ...record, [dateField]: '2023-13-45 nope' } });
  return out;
}

function agreementSuite(label: string, load: () => SpecIR) {
  describe(`generated and runtime validators agree: ${label}`, () => {
    const ir = load();
    const ajv = documentAjv(ir.document);
    const validators = useGeneratedValidators(ir);

    it('on faked records and their mutations, for every model', () => {
      let valid = 0;
      let invalid = 0;
      for (const model of ir.models) {
        const runtime = modelValidator(ajv, model.name);
        const corpus = fakeRecords(ir, model).flatMap((record) => [
          { name: 'faked', value: record },
          ...mutations(model, record),
        ]);
        for (const { name, value } of corpus) {
          const ok = runtime(value);
          const expected = ok
            ? { ok: true, value }
            : { ok: false, issues: ajvIssues(ajv, ir.document, runtime.errors, value) };
          expect(validators()[`validate${model.name}`]?.(value), `${model.name}: ${name}`).toEqual(expected);
          expect(validators()[`is${model.name}`]?.(value), `${model.name}: ${name}`).toBe(ok);
          if (ok) valid++;
          else invalid++;
        }
      }
      // The corpus must exercise both answers, and most faked records are valid.
      expect(valid).toBeGreaterThan(ir.models.length);
      expect(invalid).toBeGreaterThan(ir.models.length);
    });
  });
}

const projectIr = await projectIR();
agreementSuite('the project spec', () => projectIr);
agreementSuite('the third-party 3.1 spec', thirdPartyIR);
