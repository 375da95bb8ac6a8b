import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { innerSchema, objectShape, refName, resolveRef, typeLabel } from './schema-view.ts';

/** One row of a body or response field table: nested fields get a dotted path (`data[].amount`). */
export interface FieldRow {
  path: string;
  depth: number;
  type: string;
  required: boolean;
  description: string;
  values: string[];
  readOnly: boolean;
  /** The data-model page this field's records are described on (an entity schema). */
  model?: string;
}

/** How deep nested objects are unfolded before the table stops (records link to their model page). */
const MAX_DEPTH = 4;

/** The fields of an object schema, nested objects unfolded, entity records linked instead. */
export function fieldRows(document: JsonObject, schema: JsonObject | undefined, depth = 0, prefix = ''): FieldRow[] {
  if (!schema) return [];
  const { properties, required } = objectShape(document, schema);
  return Object.keys(properties)
    .sort()
    .flatMap((name) =>
      rowWithChildren(document, name, properties[name] as JsonObject, required.includes(name), depth, prefix),
    );
}

function rowWithChildren(
  document: JsonObject,
  name: string,
  property: JsonObject,
  required: boolean,
  depth: number,
  prefix: string,
): FieldRow[] {
  const resolved = resolveRef(document, property);
  const inner = innerSchema(document, property);
  const entity = typeof inner['x-entity'] === 'string' ? inner['x-entity'] : undefined;
  const path = `${prefix}${name}${isArray(document, property) ? '[]' : ''}`;
  const row: FieldRow = {
    path,
    depth,
    type: typeLabel(document, property),
    required,
    description: String(resolved.description ?? inner.description ?? ''),
    values: enumValues(inner),
    readOnly: resolved.readOnly === true,
    ...(entity ? { model: entity } : {}),
  };
  const unfold = !entity && depth < MAX_DEPTH && hasProperties(document, inner);
  return unfold ? [row, ...fieldRows(document, inner, depth + 1, `${path}.`)] : [row];
}

function isArray(document: JsonObject, schema: JsonObject): boolean {
  const resolved = resolveRef(document, schema);
  const types = Array.isArray(resolved.type) ? resolved.type : [resolved.type];
  return types.includes('array');
}

function hasProperties(document: JsonObject, schema: JsonObject): boolean {
  return Object.keys(objectShape(document, schema).properties).length > 0;
}

function enumValues(schema: JsonObject): string[] {
  const values = Array.isArray(schema.enum) ? schema.enum : schema.const !== undefined ? [schema.const] : [];
  return values.filter((v) => v !== null).map((v) => String(v));
}

/** The component an entity-typed property names, for a link (`Invoice` → invoices). */
export function modelOf(document: JsonObject, schema: JsonObject): string | undefined {
  const name = refName(schema);
  const target =
    name && isObject(document.components)
      ? ((document.components as JsonObject).schemas as JsonObject)[name]
      : undefined;
  return isObject(target) && typeof target['x-entity'] === 'string' ? target['x-entity'] : undefined;
}
