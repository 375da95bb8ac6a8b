import { describe, expect, it } from 'vitest';
import { isObject, nonNullTypes, type JsonObject } from '../../generator/source/schema-walk.ts';
import { topLevelProperties } from '../../generator/source/entities.ts';
import { DOCUMENTED_ACCOUNTING, DOCUMENTED_CORE } from '../helpers/documented-entities.ts';
import { entityValidator, projectSpec } from '../helpers/spec.ts';

const SUB_MODELS = ['CurrencyCode', 'LineItem', 'Address', 'PhoneNumber', 'ExternalLink', 'ContactPerson', 'JournalLine', 'ReportLine', 'TaxComponent', 'ItemDetail', 'AllocationLine', 'Envelope', 'Pagination', 'ErrorResponse', 'WriteJob'];

const { entities, bundled } = projectSpec();
const byName = new Map(entities.map((e) => [e.entity, e]));

function example(entity: string): JsonObject {
  const examples = byName.get(entity)?.doc.examples;
  if (!Array.isArray(examples) || !isObject(examples[0])) throw new Error(`${entity} has no example`);
  return structuredClone(examples[0]);
}

/** A field of the example whose schema is a plain (nullable) string, to corrupt with a number. */
function stringField(entity: string, record: JsonObject): string | undefined {
  const props = topLevelProperties(byName.get(entity)?.doc ?? {});
  return props.find(([name, s]) => name in record && nonNullTypes(s).length === 1 && nonNullTypes(s)[0] === 'string' && !s.enum)?.[0];
}

describe('the spec covers every resource', () => {
  // Scaffolded resources come on top of the documented ones (the README's own example adds one).
  it('has every documented core and accounting entity, and every entity registered as a component', () => {
    expect(entities.filter((e) => e.area === 'core').map((e) => e.entity)).toEqual(expect.arrayContaining(DOCUMENTED_CORE));
    expect(entities.filter((e) => e.area === 'accounting').map((e) => e.entity)).toEqual(expect.arrayContaining(DOCUMENTED_ACCOUNTING));
    const components = (bundled.components as { schemas: Record<string, unknown> }).schemas;
    for (const { title } of entities) expect(components[title], title).toBeDefined();
    for (const name of SUB_MODELS) expect(components[name], name).toBeDefined();
  });

  it('makes the report line recursive', () => {
    const reportLine = (bundled.components as { schemas: Record<string, JsonObject> }).schemas.ReportLine as { properties: { line_items: { items: { $ref: string } } } };
    expect(reportLine.properties.line_items.items.$ref).toBe('#/components/schemas/ReportLine');
  });
});

describe.each(entities.map((e) => [e.entity, e.area] as const))('%s', (entity, area) => {
  const validate = entityValidator(entity);
  const key = area === 'core' ? 'id' : 'platform_id';

  it('accepts its example', () => {
    expect(validate(example(entity)), JSON.stringify(validate.errors)).toBe(true);
  });

  it(`rejects a record without ${key}`, () => {
    const record = example(entity);
    delete record[key];
    expect(validate(record)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath: '', keyword: 'required', params: { missingProperty: key } }));
  });

  it('rejects a number where a string belongs', () => {
    const record = example(entity);
    const field = stringField(entity, record) ?? key;
    record[field] = 12345;
    expect(validate(record)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath: `/${field}`, keyword: 'type' }));
  });

  it('rejects an unknown field and a malformed timestamp', () => {
    const record = { ...example(entity), updated_at: '27/09/2023', surprise: true };
    expect(validate(record)).toBe(false);
    const found = validate.errors?.map((e) => `${e.instancePath} ${e.keyword}`);
    expect(found).toContain('/updated_at format');
    expect(found).toContain(' additionalProperties');
  });
});
