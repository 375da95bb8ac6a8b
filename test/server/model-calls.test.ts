import { describe, expect, it } from 'vitest';
import type { ErrorObject } from 'ajv';
import * as server from '../../generated/server/validators.js';
import { delegatedModels, reachedComponents, withModelCalls } from '../../generator/emit/validators/model-calls.ts';
import { operationSchemas } from '../../generator/emit/server/request-schemas.ts';
import { planNames } from '../../generator/plan/plan-names.ts';
import { DOCUMENT_ID, documentAjv } from '../../generator/validation/document-ajv.ts';
import { leanComponents, stripAnnotations } from '../../generator/validation/schemas-stamp.ts';
import { projectIR } from '../helpers/spec.ts';

// generated/server/validators.js calls the model validators (validators/standalone.js) for every
// model that reaches no `default`, instead of compiling it again. Checked against Ajv compiling
// the same operation schema whole, at run time, with the server's options.

interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

async function wholeCompiled(operationId: string, part: 'Body' | 'Query') {
  const ir = await projectIR();
  const op = ir.operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId}`);
  const schema = operationSchemas(op, planNames(ir).plan)[part]?.schema;
  const absolute = JSON.parse(
    JSON.stringify(stripAnnotations(schema)).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`),
  );
  return documentAjv(leanComponents(ir.schemas), { useDefaults: true }).compile(absolute);
}

const errorsOf = (validate: Validator, data: unknown) => {
  validate(data);
  return (validate.errors ?? []).map(({ instancePath, keyword, params, schemaPath }) => ({
    instancePath,
    keyword,
    params,
    schemaPath,
  }));
};

describe('server validators calling the model validators', () => {
  it('report the same errors as Ajv compiling the schema whole, inside delegated models', async () => {
    const bad = {
      company_id: 'com_1',
      data: [
        { contact_id: 42, line_items: [{ quantity: 'two', surprise: true }], status: 'NOPE' },
        { line_items: 'none' },
      ],
    };
    const expected = errorsOf(await wholeCompiled('createBill', 'Body'), bad);
    expect(expected.length).toBeGreaterThan(4);
    expect(errorsOf(server.createBillBody as Validator, bad)).toEqual(expected);
  });

  it('still apply defaults of models compiled on the server side', async () => {
    const body = { company_id: 'com_1', data: { data_models: ['invoices'] } };
    const reference = structuredClone(body);
    const validate = server.createSyncBody as Validator;
    expect(validate(body)).toBe((await wholeCompiled('createSync', 'Body'))(reference));
    expect(body).toEqual(reference);
    expect(JSON.stringify(body)).toContain('"full_sync":false');
  });

  it('delegate only models that reach no default, and nothing in a document with unevaluated*', () => {
    const schemas = {
      Leaf: { type: 'string', default: 'x' },
      Middle: { properties: { leaf: { $ref: '#/components/schemas/Leaf' } } },
      Plain: { properties: { n: { type: 'integer' }, self: { $ref: '#/components/schemas/Plain' } } },
      Part: { properties: { p: { $ref: '#/components/schemas/Plain/properties/n' } } },
    };
    const exports = new Map(Object.keys(schemas).map((name) => [name, name]));
    expect([...delegatedModels(schemas, exports)]).toEqual(['Plain']);
    const strict = { ...schemas, Closed: { unevaluatedProperties: false } };
    expect(delegatedModels(strict, new Map(Object.keys(strict).map((n) => [n, n]))).size).toBe(0);
  });

  it('compile only what the calls leave: a part of a called model by pointer, not the model', () => {
    const schemas = {
      Account: { properties: { category: { enum: ['Asset', 'Income'] }, name: { type: 'string', maxLength: 10 } } },
      Sync: {
        properties: { full: { type: 'boolean', default: false }, account: { $ref: '#/components/schemas/Account' } },
      },
    };
    const called = new Set(['Account']);
    const root = withModelCalls(
      {
        properties: {
          data: { $ref: '#/components/schemas/Sync' },
          category: { $ref: '#/components/schemas/Account/properties/category' },
        },
      },
      called,
    );
    expect(reachedComponents([root], schemas, called)).toEqual({
      Account: { properties: { category: { enum: ['Asset', 'Income'] } } },
      Sync: { properties: { full: { type: 'boolean', default: false }, account: { 'x-ledgerspec-model': 'Account' } } },
    });
  });
});
