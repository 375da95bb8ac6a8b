import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, code: { source: true, esm: true, lines: false }, inlineRefs: false });
addFormats.default(ajv);
ajv.addKeyword({ keyword: 'discriminator' }); ajv.addKeyword({ keyword: 'components' });
ajv.addSchema({ $id: 'doc', components: { schemas: {
  C: { type: 'object', properties: { code: { type: 'string', minLength: 3 }, when: { type: 'string', format: 'date-time' }, tags: { type: 'array', uniqueItems: true, items: { type: 'string' } } }, additionalProperties: false, required: ['code'] },
  P: { type: 'object', properties: { c: { anyOf: [{ $ref: '#/components/schemas/C' }, { type: 'null' }] }, s: { enum: ['A', 'B', null] } } },
  Dog: { type: 'object', properties: { kind: { const: 'dog' }, bark: { type: 'boolean' } }, required: ['kind'], additionalProperties: false },
  Cat: { type: 'object', properties: { kind: { const: 'cat' }, meow: { type: 'boolean' } }, required: ['kind'], additionalProperties: false },
  Pet: { oneOf: [{ $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Cat' }], discriminator: { propertyName: 'kind', mapping: { dog: '#/components/schemas/Dog' } } },
} } } as any);
const v = ajv.getSchema('doc#/components/schemas/P')!;
v({ c: { code: 5, x: 1 }, s: 'Q' }); console.log(JSON.stringify(v.errors, null, 0).replaceAll('},{', '},\n{'));
const p = ajv.getSchema('doc#/components/schemas/Pet')!;
p({ kind: 'dog', bark: 'loud' }); console.log(JSON.stringify(p.errors, null, 0).replaceAll('},{', '},\n{'));
const code = standaloneCode.default(ajv, { P: 'doc#/components/schemas/P', Pet: 'doc#/components/schemas/Pet' });
console.log(code.length); console.log(code.slice(0, 3000)); console.log([...code.matchAll(/require\([^)]*\)[.\w\["\-\]]*/g)].map(m => m[0]));
