import { resolveObject } from '../../ir/refs.ts';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';

/** Reading the bundled document's schemas for people: refs followed, allOf merged, types as
 * words. Refs are followed by the IR's one resolver, a ref's siblings laid over its target. */

export function resolveRef(document: JsonObject, schema: JsonObject): JsonObject {
  return resolveObject(document, schema, { siblings: true });
}

/** The component name a `$ref` points at (`#/components/schemas/Invoice` → `Invoice`). */
export function refName(schema: JsonObject): string | undefined {
  return typeof schema.$ref === 'string' ? schema.$ref.split('/').pop() : undefined;
}

/** An object schema's properties and required list with its allOf parts merged in. */
export function objectShape(
  document: JsonObject,
  schema: JsonObject,
): { properties: Record<string, JsonObject>; required: string[] } {
  const resolved = resolveRef(document, schema);
  const properties: Record<string, JsonObject> = {};
  const required: string[] = [];
  for (const part of Array.isArray(resolved.allOf) ? (resolved.allOf as JsonObject[]) : []) {
    const shape = objectShape(document, part);
    Object.assign(properties, shape.properties);
    required.push(...shape.required);
  }
  if (isObject(resolved.properties)) Object.assign(properties, resolved.properties);
  if (Array.isArray(resolved.required)) required.push(...(resolved.required as string[]));
  return { properties, required: [...new Set(required)] };
}

/** The branch of an `anyOf`/`oneOf` that is not `null` (nullable written as a union). */
export function nonNullBranch(schema: JsonObject): JsonObject | undefined {
  const branches = (schema.anyOf ?? schema.oneOf) as JsonObject[] | undefined;
  if (!Array.isArray(branches)) return undefined;
  const real = branches.filter((b) => b.type !== 'null');
  return real.length === 1 ? real[0] : undefined;
}

/** `string (date-time)`, `Invoice[]`, `number | null`: the type as a reader wants it. */
export function typeLabel(document: JsonObject, schema: JsonObject): string {
  const name = refName(schema);
  if (name) return name;
  const branch = nonNullBranch(schema);
  if (branch) return `${typeLabel(document, branch)} | null`;
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1)
    return typeLabel(document, schema.allOf[0] as JsonObject);
  const types = (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []) as string[];
  const words = types.map((t) =>
    t === 'array'
      ? `${isObject(schema.items) ? typeLabel(document, schema.items) : 'any'}[]`
      : t === 'object'
        ? envelopeLabel(document, schema)
        : t,
  );
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : '';
  return words.length ? words.join(' | ') + format : 'object';
}

/** The schema a property's values are described by: array items, the non-null branch, refs followed. */
export function innerSchema(document: JsonObject, schema: JsonObject): JsonObject {
  let current = resolveRef(document, nonNullBranch(schema) ?? schema);
  if (isObject(current.items)) current = resolveRef(document, nonNullBranch(current.items) ?? current.items);
  return current;
}

/** An expanded relation reads `{ data: Currency }`; any other object stays `object`. */
function envelopeLabel(document: JsonObject, schema: JsonObject): string {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const keys = Object.keys(properties);
  return keys.length === 1 && keys[0] === 'data' && isObject(properties.data)
    ? `{ data: ${typeLabel(document, properties.data)} }`
    : 'object';
}
