/** The normalize stage on what real 3.1 specs write although 3.1 has no place for it: 3.0's
 * `nullable` (Codat's specs), and `$ref`s into an operation's inline schema or a component's
 * `definitions` (Codat's too). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../generator/pipeline/normalize.ts';
import { frontStages, specChecks } from '../../generator/pipeline/front.ts';
import { tempDirs } from '../helpers/temp.ts';

const tempDir = tempDirs('ledgerspec-normalize-');

const doc31 = (schemas: Record<string, unknown>, paths: Record<string, unknown> = {}) =>
  normalizeDocument({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths, components: { schemas } }) as any;

describe("3.0's nullable in a 3.1 document", () => {
  it('becomes a type array, an anyOf with null beside a $ref, null among an enum; false is dropped', () => {
    const { components } = doc31({
      Name: { type: 'string', nullable: true },
      Ref: { $ref: '#/components/schemas/Name', nullable: true, description: 'd' },
      Kind: { type: 'string', enum: ['a', 'b'], nullable: true },
      Never: { type: 'integer', nullable: false },
    });
    expect(components.schemas.Name).toEqual({ type: ['string', 'null'] });
    expect(components.schemas.Ref).toEqual({
      anyOf: [{ $ref: '#/components/schemas/Name' }, { type: 'null' }],
      description: 'd',
    });
    expect(components.schemas.Kind).toEqual({ enum: ['a', 'b', null], type: ['string', 'null'] });
    expect(components.schemas.Never).toEqual({ type: 'integer' });
  });

  it('leaves a property named nullable, and examples, as they are', () => {
    const { components } = doc31({
      Flags: { type: 'object', properties: { nullable: { type: 'boolean' } }, example: { nullable: true } },
    });
    expect(components.schemas.Flags.properties).toEqual({ nullable: { type: 'boolean' } });
    expect(components.schemas.Flags.example).toEqual({ nullable: true });
  });

  it('is a warning at its file, line and pointer in a 3.1 document, and nothing in a 3.0 one', () => {
    const write = (version: string) => {
      const dir = tempDir();
      const spec = `openapi: ${version}\ninfo: { title: t, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n    Name:\n      type: string\n      nullable: true\n`;
      writeFileSync(join(dir, 'openapi.yaml'), spec);
      return specChecks(frontStages.load({ specDir: dir, rootFile: 'openapi.yaml' }), false);
    };
    expect(write('3.1.0')).toEqual([
      expect.objectContaining({
        code: 'schema-nullable',
        severity: 'warning',
        pointer: '/components/schemas/Name/nullable',
        line: 8,
        file: expect.stringMatching(/openapi\.yaml$/),
      }),
    ]);
    expect(write('3.0.3')).toEqual([]);
  });
});

describe('$refs to places a type cannot name', () => {
  const body = {
    type: 'object',
    properties: { companyId: { type: 'string', format: 'uuid' } },
  };
  const paths = {
    '/companies/{companyId}': {
      post: { requestBody: { content: { 'application/json': { schema: body } } }, responses: {} },
    },
  };
  const intoPath =
    '#/paths/~1companies~1%7BcompanyId%7D/post/requestBody/content/application~1json/schema/properties/companyId';

  it("are replaced by a copy of their target: an operation's inline schema, a component's definitions", () => {
    const { components } = doc31(
      {
        Company: {
          type: 'object',
          properties: { id: { $ref: intoPath }, list: { $ref: '#/components/schemas/Company/definitions/list' } },
          definitions: { list: { type: 'array', items: { $ref: '#/components/schemas/Company' } } },
        },
      },
      paths,
    );
    expect(components.schemas.Company.properties.id).toEqual({ type: 'string', format: 'uuid' });
    expect(components.schemas.Company.properties.list).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/Company' },
    });
  });

  it('keep their siblings beside the copy, under allOf', () => {
    const { components } = doc31({ Id: { $ref: intoPath, description: 'the id' } }, paths);
    expect(components.schemas.Id).toEqual({ allOf: [{ format: 'uuid', type: 'string' }], description: 'the id' });
  });

  it('are kept when they name a whole component or a property of a component schema, or lead back to themselves', () => {
    const kept = {
      A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B/properties/c' } } },
      B: { type: 'object', properties: { c: { type: 'string' } } },
      Loop: { definitions: { self: { $ref: '#/components/schemas/Loop/definitions/self' } } },
    };
    const { components } = doc31(kept);
    expect(components.schemas.A.properties.b).toEqual({ $ref: '#/components/schemas/B/properties/c' });
    expect(components.schemas.Loop.definitions.self).toEqual({ $ref: '#/components/schemas/Loop/definitions/self' });
  });

  it('copy a bounded amount when they nest (each target holding two refs to the next: 2^40 copies uncapped)', () => {
    const definitions: Record<string, unknown> = { d0: { type: 'string' } };
    const ref = (i: number) => ({ $ref: `#/components/schemas/Holder/definitions/d${i}` });
    for (let i = 1; i <= 40; i++)
      definitions[`d${i}`] = { type: 'object', properties: { a: ref(i - 1), b: ref(i - 1) } };
    const { components } = doc31({ Holder: { type: 'object', definitions, properties: { top: ref(40) } } });
    expect(JSON.stringify(components).length).toBeLessThan(5_000_000);
    expect(JSON.stringify(components.schemas.Holder.properties.top)).toContain('"$ref"'); // left as a ref past the cap
  });
});
