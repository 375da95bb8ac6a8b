import { identifier } from './identifier.ts';
import type { JsonObject } from '../source/schema-walk.ts';
import { schemaChildren } from '../source/sub-schemas.ts';

// The positions the types emitter declares types for (source/sub-schemas.ts has the keyword table):
// the plan names them (nested type names) and the emitter looks the names up.

/** Where every component schema sits; a nested type's pointer starts with it. */
export const COMPONENT_PREFIX = '/components/schemas/';

/** Each sub-schema position directly under `schema` (not under a `$ref`, whose target is named
 * where it is), with its path from `schema`: `['properties', 'category']`, `['oneOf', '0']`. */
export function subSchemas(schema: JsonObject): [string[], unknown][] {
  return typeof schema.$ref === 'string' ? [] : schemaChildren(schema);
}

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
