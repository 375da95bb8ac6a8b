import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { objectShape, resolveRef } from './schema-view.ts';

/** Examples assembled from the spec's own: a schema's `examples[0]` (or `example`) wins; an
 * object without one is put together from its properties' examples, an allOf from its parts,
 * a write model (x-write-of) from its entity's example cut to the fields it takes. Values the
 * spec gives no example for are left out rather than invented, unless the field is required. */
export function exampleOf(document: JsonObject, schema: JsonObject | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return undefined;
  const own = ownExample(schema);
  if (own !== undefined) return own;
  const resolved = resolveRef(document, schema);
  const given = ownExample(resolved);
  if (given !== undefined) return given;
  if (typeof resolved['x-write-of'] === 'string') return writeExample(document, resolved, depth);
  const branches = (resolved.anyOf ?? resolved.oneOf) as JsonObject[] | undefined;
  if (Array.isArray(branches))
    return exampleOf(
      document,
      branches.find((b) => b.type !== 'null'),
      depth + 1,
    );
  if (isArrayType(resolved)) {
    const item = exampleOf(document, isObject(resolved.items) ? resolved.items : undefined, depth + 1);
    return item === undefined ? [] : [item];
  }
  if (Array.isArray(resolved.allOf) || isObject(resolved.properties)) return objectExample(document, resolved, depth);
  return scalarFallback(resolved);
}

function ownExample(schema: JsonObject): unknown {
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.const !== undefined) return schema.const;
  return undefined;
}

function objectExample(document: JsonObject, schema: JsonObject, depth: number): JsonObject | undefined {
  const parts = (Array.isArray(schema.allOf) ? (schema.allOf as JsonObject[]) : []).map((part) =>
    exampleOf(document, part, depth + 1),
  );
  let merged: unknown = {};
  for (const part of parts) if (isObject(part)) merged = fill(merged, part);
  const { properties } = objectShape(document, { ...schema, allOf: [] });
  const own: JsonObject = {};
  for (const name of Object.keys(properties).sort()) {
    const value = exampleOf(document, properties[name], depth + 1);
    if (value !== undefined) own[name] = value;
  }
  merged = fill(merged, own);
  return isObject(merged) && Object.keys(merged).length ? merged : undefined;
}

/** `example` with the gaps filled from `addition`: what an example already says wins (a null
 * stays null), objects are merged key by key, each array item is filled from the addition's
 * first item. So an allOf keeps the spec's example of its base and adds what the other parts
 * know (a write job's records get the entity's full record). */
function fill(example: unknown, addition: unknown): unknown {
  if (example === undefined) return addition;
  if (isObject(example) && isObject(addition)) {
    const out: JsonObject = { ...example };
    for (const [key, value] of Object.entries(addition)) out[key] = fill(example[key], value);
    return out;
  }
  if (Array.isArray(example) && Array.isArray(addition) && addition.length)
    return example.map((item) => fill(item, addition[0]));
  return example;
}

/** A Create / Update body: the entity's example, only the fields the write model declares. */
function writeExample(document: JsonObject, schema: JsonObject, depth: number): JsonObject | undefined {
  // x-write-of names the entity's component (InvoicePayment), not its x-entity.
  const entity = (((document.components as JsonObject).schemas ?? {}) as Record<string, JsonObject>)[
    schema['x-write-of'] as string
  ];
  const base = entity ? ownExample(entity) : undefined;
  if (!isObject(base)) return objectExample(document, schema, depth);
  return cutTo(document, schema, base) as JsonObject;
}

/** `value` with only what `schema` declares, all the way down (an entity's line items carry
 * read-only fields their write model does not take). */
function cutTo(document: JsonObject, schema: JsonObject, value: unknown): unknown {
  const resolved = resolveRef(document, schema);
  const branches = (resolved.anyOf ?? resolved.oneOf) as JsonObject[] | undefined;
  const real = Array.isArray(branches) ? branches.find((b) => b.type !== 'null') : undefined;
  if (real) return cutTo(document, real, value);
  if (Array.isArray(value))
    return isObject(resolved.items) ? value.map((item) => cutTo(document, resolved.items as JsonObject, item)) : value;
  if (!isObject(value)) return value;
  const { properties } = objectShape(document, resolved);
  if (!Object.keys(properties).length) return value;
  const kept = Object.keys(properties).filter((name) => name in value && value[name] !== null);
  return Object.fromEntries(kept.map((name) => [name, cutTo(document, properties[name]!, value[name])]));
}

function isArrayType(schema: JsonObject): boolean {
  return schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
}

function scalarFallback(schema: JsonObject): unknown {
  if (Array.isArray(schema.enum)) return schema.enum.find((v) => v !== null);
  if (schema.default !== undefined) return schema.default;
  return undefined;
}
