import { identifier } from './identifier.ts';
import { isObject, type JsonObject } from '../source/schema-walk.ts';

// Where a schema holds sub-schemas, as the types emitter walks them: the plan names the positions
// (nested type names) and the emitter declares them, so both read the keywords from here.

/** Where every component schema sits; a nested type's pointer starts with it. */
export const COMPONENT_PREFIX = '/components/schemas/';

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

/** Each sub-schema position directly under `schema` (not under a `$ref`, whose target is named
 * where it is), with its path from `schema`: `['properties', 'category']`, `['oneOf', '0']`. */
export function subSchemas(schema: JsonObject): [string[], unknown][] {
  if (typeof schema.$ref === 'string') return [];
  const found: [string[], unknown][] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (SCHEMA_MAPS.has(key) && isObject(value)) found.push(...Object.entries(value).map(([k, v]) => at(v, key, k)));
    else if ((key === 'items' || ONE_SCHEMA.has(key)) && isObject(value)) found.push(at(value, key));
    else if ((SCHEMA_LISTS.has(key) || key === 'prefixItems' || key === 'items') && Array.isArray(value))
      found.push(...value.map((v, i) => at(v, key, String(i))));
  }
  return found;
}

const at = (value: unknown, ...path: string[]): [string[], unknown] => [path, value];

/** Worth a name of its own: objects, enums and compositions; a titled string stays inline. */
export function isNamedKind(schema: JsonObject): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return (
    types.includes('object') ||
    'properties' in schema ||
    'enum' in schema ||
    'allOf' in schema ||
    'anyOf' in schema ||
    'oneOf' in schema
  );
}

/** Schema-position segments → a name part: `properties` is dropped, `items` reads `Item`,
 * `additionalProperties` `Value`, array positions are letters (no name ends in a digit). */
export function pathLabel(segments: string[]): string {
  return segments
    .filter((s) => s !== 'properties' && s !== 'patternProperties')
    .map((s) =>
      s === 'items'
        ? 'Item'
        : s === 'additionalProperties'
          ? 'Value'
          : /^\d+$/.test(s)
            ? letter(Number(s))
            : identifier(s, 'pascal'),
    )
    .join('');
}

/** 0 → A, 25 → Z, 26 → AA. */
function letter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `${letter(Math.floor(i / 26) - 1)}${letter(i % 26)}`;
}
