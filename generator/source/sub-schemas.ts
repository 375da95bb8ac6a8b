import { isObject, type JsonObject } from './schema-walk.ts';
import { setOwn } from './own-keys.ts';

// Where a JSON Schema (2020-12, with the older keywords OpenAPI 3.0 documents still use) holds
// sub-schemas. One table for every walk that must tell a schema position from data: a property
// named `default`, `example` or `enum` is a schema like any other, and a keyword's value is data
// only when the keyword says so.

/** Keywords whose value is one schema. */
export const ONE_SCHEMA = new Set([
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'if',
  'then',
  'else',
]);
/** Keywords whose value is an array of schemas. */
export const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
/** Keywords whose value is a map of schemas. */
export const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas']);

/** Sub-schemas that shape no value of the schema's own: definitions kept for `$ref`s (`definitions`
 * before 2019-09) and an encoded string's `contentSchema`. Walks that look for every schema Ajv
 * may meet include them; the types emitter and its names do not. */
const DEFINITION_MAPS = new Set(['$defs', 'definitions']);
const ANNOTATION_SCHEMAS = new Set(['contentSchema']);

/** What a keyword of a schema holds: a map of schemas, a list of them, one schema (`items` either
 * way: one schema, or a list in draft 4's tuples), or data (undefined). With `everywhere`,
 * definitions and `contentSchema` count as schemas. */
export function keywordHolds(key: string, { everywhere = false } = {}): 'map' | 'list' | 'one' | undefined {
  if (SCHEMA_MAPS.has(key) || (everywhere && DEFINITION_MAPS.has(key))) return 'map';
  if (SCHEMA_LISTS.has(key) || key === 'prefixItems') return 'list';
  if (key === 'items' || ONE_SCHEMA.has(key) || (everywhere && ANNOTATION_SCHEMAS.has(key))) return 'one';
  return undefined;
}

/** Each sub-schema position directly under `schema`, with its path from `schema`:
 * `['properties', 'category']`, `['oneOf', '0']`. `$ref` siblings included; with `everywhere`,
 * definitions and `contentSchema` too. */
export function schemaChildren(schema: JsonObject, { everywhere = false } = {}): [string[], unknown][] {
  const found: [string[], unknown][] = [];
  for (const [key, value] of Object.entries(schema)) {
    const holds = keywordHolds(key, { everywhere });
    if (holds === 'map' && isObject(value)) found.push(...Object.entries(value).map(([k, v]) => at(v, key, k)));
    else if (holds === 'one' && isObject(value)) found.push(at(value, key));
    else if ((holds === 'list' || key === 'items') && Array.isArray(value))
      found.push(...value.map((v, i) => at(v, key, String(i))));
  }
  return found;
}

const at = (value: unknown, ...path: string[]): [string[], unknown] => [path, value];

/** A copy of `schema` with every sub-schema position rebuilt by `child` (definitions and
 * `contentSchema` included) and every other keyword passed through `keyword`, which may keep it,
 * rename it or drop it (undefined), in place. Data (`enum`, `default`, `examples`…) is never
 * walked into. The one shape of every walk that rewrites schemas: stripping annotations, model
 * calls, cache keys. */
export function rebuildSchema(
  schema: JsonObject,
  child: (sub: unknown) => unknown,
  keyword: (key: string, value: unknown) => [string, unknown] | undefined = (key, value) => [key, value],
): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    const holds = keywordHolds(key, { everywhere: true });
    if (holds === 'map' && isObject(value))
      setOwn<unknown>(out, key, Object.fromEntries(Object.entries(value).map(([k, v]) => [k, child(v)])));
    else if ((holds === 'list' || holds === 'one') && Array.isArray(value)) setOwn<unknown>(out, key, value.map(child));
    else if (holds === 'one') setOwn<unknown>(out, key, child(value));
    else if (holds === undefined) {
      const kept = keyword(key, value);
      if (kept) setOwn<unknown>(out, kept[0], kept[1]);
    } else setOwn<unknown>(out, key, value);
  }
  return out;
}
