import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { LintMemo } from '../../generator/lint/context.ts';
import { META_SCHEMA_2020, metaSchemaValidator } from '../../generator/lint/meta-schema-validator.ts';

/** Memos over one store, as two generate runs over one cache folder; counts what they compute. */
function sharedStore() {
  const kept = new Map<string, string>();
  let computed = 0;
  const memo = (): LintMemo => ({
    sync: (area, parts, compute) => {
      const key = JSON.stringify([area, parts]);
      if (!kept.has(key)) {
        computed++;
        kept.set(key, compute());
      }
      return kept.get(key)!;
    },
  });
  return { memo, computed: () => computed };
}

const BAD = { type: 'object', properties: { n: { type: 'integr', minLength: '5' }, m: { required: true } } };

describe("lint's meta-schema validator", () => {
  it('gives the errors Ajv gives, compiled, from the memo and evaluated from it in a later run', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    const reference = ajv.getSchema(META_SCHEMA_2020)!;
    expect(reference(BAD)).toBe(false);
    const store = sharedStore();
    const first = metaSchemaValidator(store.memo());
    const later = metaSchemaValidator(store.memo());
    expect(store.computed()).toBe(1);
    expect(later).not.toBe(first);
    for (const validate of [metaSchemaValidator(), first, later]) {
      expect(validate(BAD)).toBe(false);
      expect(validate.errors).toEqual(reference.errors);
      expect(validate({ type: 'object', properties: { n: { type: 'integer' } } })).toBe(true);
    }
  });
});
