import { isObject, type JsonObject } from '../source/schema-walk.ts';

/** Stage 3: one dialect and one key order. OpenAPI 3.0 schemas are rewritten to their 3.1 /
 * JSON Schema 2020-12 spelling (so every emitter handles one dialect), and every object's keys
 * are sorted: reordering keys in the spec changes nothing downstream. Array order is meaning
 * (enum, required, allOf) and is kept. */
export function normalizeDocument(doc: JsonObject): JsonObject {
  const is30 = typeof doc.openapi === 'string' && doc.openapi.startsWith('3.0');
  const upgraded = is30 ? { ...upgradeSchemas(doc), openapi: '3.1.0' } : doc;
  return sortKeys(upgraded) as JsonObject;
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}

/** Walks the whole document; every object that looks like a schema gets the 3.0 → 3.1 fixes.
 * Applying them to non-schema objects is harmless: the keywords they touch only occur in schemas. */
function upgradeSchemas(value: unknown): JsonObject {
  return upgrade(value) as JsonObject;
}

function upgrade(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(upgrade);
  if (!isObject(value)) return value;
  const walked = Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'example' || k === 'examples' ? v : upgrade(v)]),
  );
  return upgradeExclusiveBounds(upgradeNullable(walked));
}

/** `nullable: true` becomes a type array, or an anyOf with null where there is no plain type
 * (a $ref, an allOf); an enum gets null among its values so the two keywords agree. */
function upgradeNullable(schema: JsonObject): JsonObject {
  if (!('nullable' in schema)) return schema;
  const { nullable, ...rest } = schema;
  if (nullable !== true) return rest;
  const withEnum =
    Array.isArray(rest.enum) && !rest.enum.includes(null) ? { ...rest, enum: [...rest.enum, null] } : rest;
  if (typeof withEnum.type === 'string') return { ...withEnum, type: [withEnum.type, 'null'] };
  if (Array.isArray(withEnum.type))
    return withEnum.type.includes('null') ? withEnum : { ...withEnum, type: [...withEnum.type, 'null'] };
  const { description, title, ...inner } = withEnum;
  return {
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    anyOf: [inner, { type: 'null' }],
  };
}

/** 3.0's boolean exclusiveMinimum/Maximum modify minimum/maximum; 2020-12 takes the bound itself. */
function upgradeExclusiveBounds(schema: JsonObject): JsonObject {
  let next = schema;
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof next[flag] !== 'boolean') continue;
    const { [flag]: on, [bound]: value, ...rest } = next;
    next =
      on === true && typeof value === 'number'
        ? { ...rest, [flag]: value }
        : { ...rest, ...(value === undefined ? {} : { [bound]: value }) };
  }
  return next;
}
