import type { EntityIR, SpecIR } from '../ir/model.ts';
import { isObject } from '../source/schema-walk.ts';

/** One unified field a mapping has a rule for. */
export interface MappedField {
  name: string;
  description: string;
}

/** What a connector maps for one accounting entity: the fields of the unified record it builds
 * from the platform's record, and for writable entities the fields of the Create body it turns
 * into the platform's request. */
export interface EntityMappingFacts {
  entity: string;
  title: string;
  readFields: MappedField[];
  /** Unified fields a mapping never sets: `raw_data` (the runtime attaches the platform record)
   * and the expanded relations (the API embeds them on `expand=`). */
  omittedFields: string[];
  write?: { model: string; fields: MappedField[] };
}

/** `raw_data` is the platform's own record on reads and pass-through fields on writes; the
 * runtime handles it, so no mapping has a rule for it. */
export const PASS_THROUGH_FIELD = 'raw_data';

/** Every accounting entity with the fields its mappings must cover, sorted by x-entity. */
export function mappingFacts(ir: SpecIR): EntityMappingFacts[] {
  const writable = new Set(ir.operations.filter((op) => op.kind === 'create' && op.entity).map((op) => op.entity));
  return ir.entities
    .filter((e) => e.area === 'accounting')
    .map((entity) => factsFor(ir, entity, writable.has(entity.name)));
}

function factsFor(ir: SpecIR, entity: EntityIR, writable: boolean): EntityMappingFacts {
  const omitted = (field: EntityIR['fields'][number]) =>
    field.name === PASS_THROUGH_FIELD || field.expands !== undefined;
  // Write-only fields (a document's upload content) are never in a read record.
  const readable = entity.fields.filter((f) => !f.writeOnly);
  const facts: EntityMappingFacts = {
    entity: entity.name,
    title: entity.title,
    readFields: readable.filter((f) => !omitted(f)).map(({ name, description }) => ({ name, description })),
    omittedFields: readable.filter(omitted).map((f) => f.name),
  };
  const createModel = writable && entity.createModel ? ir.models.find((m) => m.name === entity.createModel) : undefined;
  if (createModel) facts.write = { model: createModel.name, fields: propertiesOf(createModel.schema) };
  return facts;
}

function propertiesOf(schema: Record<string, unknown>): MappedField[] {
  const properties = isObject(schema.properties) ? schema.properties : {};
  return Object.entries(properties)
    .filter(([name]) => name !== PASS_THROUGH_FIELD)
    .map(([name, property]) => ({
      name,
      description: isObject(property) && typeof property.description === 'string' ? property.description : '',
    }));
}
