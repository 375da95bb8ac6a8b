import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { documentAjv, modelValidator } from '../../generator/validation/document-ajv.ts';
import {
  boundedErrors,
  hasCopyingMerge,
  linearErrorMerge,
  MAX_COLLECTED_ERRORS,
  unboundedErrorSites,
} from '../../generator/validation/linear-errors.ts';
import { shortJson, toIssues, type RawError } from '../../templates/validators/issues.ts';
import { PROJECT_DIR, projectIR } from '../helpers/spec.ts';

// What made validation quadratic (issue #18), checked where it lived: Ajv copying every error
// collected so far on each failing `$ref` call, and the issue simplification searching all errors
// for each error. No timing is asserted; sizes and shapes are.

describe('Ajv merges the errors of a $ref call in place', () => {
  it('the rewrite keeps the errors and their order', () => {
    const code =
      'if(!(validate12(data.x))){vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);errors = vErrors.length;}';
    expect(linearErrorMerge(code)).toBe(
      'if(!(validate12(data.x))){if (vErrors === null) {vErrors = validate12.errors;} else {for (const __error of validate12.errors) vErrors.push(__error);}errors = vErrors.length;}',
    );
  });

  it.each(['generated/server/validators.js', 'generated/validators/standalone.js'])(
    '%s has no copying merge and no unbounded collection left',
    (file) => {
      const code = readFileSync(join(PROJECT_DIR, file), 'utf8');
      expect(code).toContain('vErrors.push(__error)');
      expect(hasCopyingMerge(code)).toBe(false);
      expect(unboundedErrorSites(code)).toEqual([]);
    },
  );

  it('validators compiled at run time (validate, conformance) have none either: they keep 1,000 errors and count all', async () => {
    const ir = await projectIR();
    const validate = modelValidator(documentAjv(ir.document), 'InvoiceCreate') as ReturnType<typeof modelValidator> & {
      errorCount?: number;
    };
    expect(validate({ contact_id: 'c', line_items: Array.from({ length: 50_000 }, () => 1) })).toBe(false);
    expect(validate.errors).toHaveLength(MAX_COLLECTED_ERRORS);
    expect(validate.errorCount).toBe(50_000);
    expect(validate.errors?.[999]?.instancePath).toBe('/line_items/999');
    expect(hasCopyingMerge(validate.toString())).toBe(false);
  });
});

// The cap changes what is kept, never the verdict: schemas whose branches throw thousands of errors
// away (anyOf, oneOf, not, if, contains, $ref into a union) are compiled with and without it and
// must agree on validity, on the errors kept (the first 1,000, in order) and on the count.
describe('collecting at most 1,000 errors', () => {
  const many = (n: number, item: unknown) => Array.from({ length: n }, () => item);
  const SCHEMAS: Record<string, object> = {
    anyOf: {
      anyOf: [
        { type: 'array', items: { type: 'string' } },
        { type: 'array', items: { type: 'number' } },
      ],
    },
    oneOf: {
      oneOf: [
        { type: 'array', items: { $ref: '#/$defs/text' } },
        { type: 'array', items: { type: 'number' } },
      ],
      $defs: { text: { type: 'string' } },
    },
    not: { not: { type: 'array', items: { type: 'string' } } },
    ifThen: {
      if: { type: 'array', items: { type: 'string' } },
      then: { maxItems: 1 },
      else: { items: { type: 'number' } },
    },
    contains: { type: 'array', contains: { type: 'string' } },
    refUnion: {
      type: 'object',
      properties: { a: { $ref: '#/$defs/either' }, b: { type: 'array', items: { type: 'string' } } },
      $defs: {
        either: {
          anyOf: [
            { type: 'array', items: { type: 'boolean' } },
            { type: 'array', items: { type: 'number' } },
          ],
        },
      },
    },
  };
  const VALUES: unknown[] = [
    many(5_000, 1),
    many(5_000, 'x'),
    many(5_000, true),
    [...many(2_000, 1), 'x', ...many(2_000, true)],
    many(999, 1),
    many(1_001, null),
    [],
    { a: many(3_000, 1), b: many(3_000, 1) },
    { a: many(3_000, 'x'), b: many(10, 'y') },
    { a: many(1_500, true), b: many(1_500, false) },
  ];
  const compile = (schema: object, capped: boolean) =>
    new Ajv2020({ allErrors: true, strict: false, code: capped ? { process: boundedErrors } : {} }).compile(
      schema,
    ) as ValidateFunction & { errorCount?: number };

  it.each(Object.keys(SCHEMAS))('%s: the same verdict, the same first errors and the same count', (name) => {
    const schema = SCHEMAS[name] as object;
    const [capped, plain] = [compile(schema, true), compile(schema, false)];
    for (const value of VALUES) {
      const verdict = plain(value);
      expect(capped(value)).toBe(verdict);
      const all = plain.errors ?? [];
      expect(capped.errors ?? []).toEqual(all.slice(0, MAX_COLLECTED_ERRORS));
      expect(capped.errorCount).toBe(all.length);
    }
  });
});

describe('issues from many errors', () => {
  const typeError = (i: number): RawError => ({
    instancePath: `/items/${i}`,
    schemaPath: '#/items/type',
    keyword: 'type',
    params: { type: 'object' },
  });

  it('50,000 errors become 50,000 issues, each as before', () => {
    const data = { items: Array.from({ length: 50_000 }, () => 1) };
    const issues = toIssues(
      Array.from({ length: 50_000 }, (_, i) => typeError(i)),
      data,
    );
    expect(issues).toHaveLength(50_000);
    expect(issues[49_999]).toEqual({
      pointer: '/items/49999',
      message: 'wrong type',
      keyword: 'type',
      expected: 'object',
      found: '1',
    });
  });

  it('a union error explained by a branch error below it is still dropped, a type error with a deeper error too', () => {
    const errors: RawError[] = [
      { instancePath: '/a', schemaPath: '#/anyOf/0/type', keyword: 'type', params: { type: 'object' } },
      { instancePath: '/a/b', schemaPath: '#/anyOf/1/properties/b/type', keyword: 'type', params: { type: 'string' } },
      { instancePath: '/a', schemaPath: '#/anyOf', keyword: 'anyOf', params: {} },
      { instancePath: '/c', schemaPath: '#/anyOf', keyword: 'anyOf', params: {} },
    ];
    const issues = toIssues(errors, { a: { b: 1 }, c: 2 });
    expect(issues.map((i) => `${i.pointer} ${i.keyword}`)).toEqual(['/a/b type', '/c anyOf']);
  });

  it('shortJson of a huge or deeply nested value is short, and says Infinity rather than null', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(shortJson(deep)).toBe(`${'['.repeat(59)}…`);
    expect(shortJson(Array.from({ length: 1_000_000 }, () => 1))).toHaveLength(60);
    expect(shortJson({ amount: Infinity })).toBe('{"amount":Infinity}');
    expect(shortJson({ a: 'x', b: undefined, c: [undefined] })).toBe('{"a":"x","c":[null]}');
  });
});
