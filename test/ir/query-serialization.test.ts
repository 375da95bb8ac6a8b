import { describe, expect, it } from 'vitest';
import { buildIR } from '../../generator/ir/build-ir.ts';
import type { OperationIR, SpecIR } from '../../generator/ir/model.ts';
import { compileSpec } from '../../generator/pipeline/front.ts';
import { projectIR } from '../helpers/spec.ts';
import { THIRD_PARTY_DIR } from '../helpers/golden.ts';

// Each query parameter's serialization is an IR fact: style and explode with OpenAPI's defaults,
// what its text becomes, array items and deepObject fields, read once from the parameter schema.

function operation(ir: SpecIR, operationId: string): OperationIR {
  const op = ir.operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId}`);
  return op;
}

function serializationOf(ir: SpecIR, operationId: string, name: string) {
  return operation(ir, operationId).parameters.find((p) => p.name === name)?.serialization;
}

/** A one-operation document with these query parameters and component schemas. */
function documentWith(parameters: object[], schemas: object = {}) {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/things': { get: { operationId: 'listThings', parameters, responses: { '200': { description: 'ok' } } } },
    },
    components: { schemas },
  };
}

describe('query serialization in the IR', () => {
  it("reads the project spec's list parameters: scalars, comma lists and a deepObject filter", async () => {
    const ir = await projectIR();
    expect(serializationOf(ir, 'listAccounts', 'limit')).toEqual({ style: 'form', explode: true, type: 'integer' });
    expect(serializationOf(ir, 'listAccounts', 'include_total_count')).toEqual({
      style: 'form',
      explode: true,
      type: 'boolean',
    });
    expect(serializationOf(ir, 'listAccounts', 'sort')).toEqual({
      style: 'form',
      explode: false,
      type: 'array',
      items: 'string',
    });
    const filter = serializationOf(ir, 'listAccounts', 'filter');
    expect(filter).toMatchObject({ style: 'deepObject', explode: true, type: 'object' });
    // Operators through $refs to the shared filter schemas: `in` is a comma list of its items.
    expect(filter?.fields?.current_balance).toEqual({
      eq: 'number',
      gt: 'number',
      gte: 'number',
      in: 'number[]',
      lt: 'number',
      lte: 'number',
      ne: 'number',
    });
    expect(filter?.fields?.status).toEqual({ eq: 'string', in: 'string[]', ne: 'string' });
  });

  it('gives every query parameter of the project spec a serialization, and no other parameter one', async () => {
    const ir = await projectIR();
    const params = ir.operations.flatMap((op) => op.parameters);
    expect(params.filter((p) => p.in === 'query').every((p) => p.serialization !== undefined)).toBe(true);
    expect(params.filter((p) => p.in !== 'query' && p.serialization !== undefined)).toEqual([]);
  });

  it.each([
    ['openapi-3.0.yaml', 'listPets', 'status', { style: 'form', explode: true, type: 'string' }],
    ['openapi-3.0.yaml', 'listPets', 'limit', { style: 'form', explode: true, type: 'integer' }],
    ['xero-assets.yaml', 'getAssets', 'status', { style: 'form', explode: true, type: 'string' }],
    ['xero-assets.yaml', 'getAssets', 'pageSize', { style: 'form', explode: true, type: 'integer' }],
  ])('reads %s %s %s, its schema a $ref or inline', (fixture, operationId, name, expected) => {
    const ir = compileSpec({ specDir: THIRD_PARTY_DIR, rootFile: fixture, houseRules: false });
    expect(serializationOf(ir, operationId, name)).toEqual(expected);
  });

  it("applies OpenAPI's explode defaults: true for form, false for the other styles", () => {
    const ir = buildIR(
      documentWith([
        { name: 'tags', in: 'query', schema: { type: 'array', items: { type: 'string' } } },
        { name: 'ids', in: 'query', style: 'pipeDelimited', schema: { type: 'array', items: { type: 'integer' } } },
        { name: 'words', in: 'query', style: 'spaceDelimited', explode: true, schema: { type: 'array' } },
        { name: 'odd', in: 'query', style: 'matrix', schema: { type: 'string' } },
      ]),
    );
    expect(serializationOf(ir, 'listThings', 'tags')).toEqual({
      style: 'form',
      explode: true,
      type: 'array',
      items: 'string',
    });
    expect(serializationOf(ir, 'listThings', 'ids')).toEqual({
      style: 'pipeDelimited',
      explode: false,
      type: 'array',
      items: 'integer',
    });
    expect(serializationOf(ir, 'listThings', 'words')).toMatchObject({ style: 'spaceDelimited', explode: true });
    // A style query parameters cannot have is read as the default, form.
    expect(serializationOf(ir, 'listThings', 'odd')).toEqual({ style: 'form', explode: true, type: 'string' });
  });

  it('follows refs and nullable unions, and coerces from enum values when there is no type', () => {
    const ir = buildIR(
      documentWith(
        [
          { name: 'codes', in: 'query', schema: { $ref: '#/components/schemas/Codes' } },
          { name: 'level', in: 'query', schema: { enum: [1, 2, null] } },
          { name: 'at', in: 'query', schema: { type: ['string', 'null'] } },
          { name: 'any', in: 'query', schema: { type: ['string', 'number'] } },
        ],
        { Codes: { type: ['array', 'null'], items: { $ref: '#/components/schemas/Code' } }, Code: { type: 'integer' } },
      ),
    );
    expect(serializationOf(ir, 'listThings', 'codes')).toMatchObject({ type: 'array', items: 'integer' });
    expect(serializationOf(ir, 'listThings', 'level')).toMatchObject({ type: 'number' });
    expect(serializationOf(ir, 'listThings', 'at')).toMatchObject({ type: 'string' });
    expect(serializationOf(ir, 'listThings', 'any')).toMatchObject({ type: 'unknown' });
  });

  it('reads a deepObject with no properties as no fields, and skips fields that are not objects', () => {
    const ir = buildIR(
      documentWith([
        { name: 'meta', in: 'query', style: 'deepObject', schema: { type: 'object' } },
        {
          name: 'filter',
          in: 'query',
          style: 'deepObject',
          explode: true,
          schema: {
            type: 'object',
            properties: { flag: { type: 'boolean' }, on: { properties: { before: { type: 'string' } } } },
          },
        },
      ]),
    );
    expect(serializationOf(ir, 'listThings', 'meta')).toEqual({
      style: 'deepObject',
      explode: false,
      type: 'object',
      fields: {},
    });
    expect(serializationOf(ir, 'listThings', 'filter')?.fields).toEqual({ on: { before: 'string' } });
  });
});
