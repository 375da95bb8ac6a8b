import type { JsonObject } from '../../source/schema-walk.ts';
import { resolveObject } from '../../ir/refs.ts';

/** How the server decodes one query string value before validation: the type it should become. */
export type Coercion = 'string' | 'number' | 'integer' | 'boolean' | 'unknown';

/** The one scalar a query value of this schema becomes (from `type`, else from its enum values). */
export function scalarCoercion(document: JsonObject, raw: unknown): Coercion {
  const schema = resolveObject(document, raw);
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(
    (t) => typeof t === 'string' && t !== 'null',
  );
  const fromEnum = Array.isArray(schema.enum)
    ? [...new Set(schema.enum.filter((v) => v !== null).map((v) => typeof v))]
    : [];
  const type = types.length === 1 ? types[0] : fromEnum.length === 1 ? fromEnum[0] : undefined;
  if (type === 'integer' || type === 'number' || type === 'boolean' || type === 'string') return type;
  return 'unknown';
}

/** Whether the schema is an array, and if so what its items become. */
export function arrayItems(document: JsonObject, raw: unknown): Coercion | undefined {
  const schema = resolveObject(document, raw);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes('array') ? scalarCoercion(document, schema.items) : undefined;
}
