import { isObject, type JsonObject } from '../source/schema-walk.ts';
import { setOwn } from '../source/own-keys.ts';
import type { Coercion, DeepObjectFields, ParameterIR, QueryParameterIR, QuerySerializationIR } from './model.ts';
import { resolveObject } from './refs.ts';

/** How a query parameter travels in the query string and what its text values become, read once
 * from its `style`, `explode` and schema, so that a server decoding a query and a client writing
 * one agree without each reading the schema again. */

/** OpenAPI's defaults for a query parameter: style `form`; explode true for `form`, false else. */
export function querySerialization(
  schemas: JsonObject,
  param: { style?: string; explode?: boolean; schema: JsonObject },
): QuerySerializationIR {
  const style = queryStyle(param.style);
  const explode = param.explode ?? style === 'form';
  if (style === 'deepObject')
    return { style, explode, type: 'object', fields: deepObjectFields(schemas, param.schema) };
  const items = arrayItems(schemas, param.schema);
  if (items) return { style, explode, type: 'array', items };
  return { style, explode, type: scalarCoercion(schemas, param.schema) };
}

/** An operation's query parameters, each with its serialization (only they have one). */
export function queryParameters(params: readonly ParameterIR[]): QueryParameterIR[] {
  return params.filter((p): p is QueryParameterIR => p.serialization !== undefined);
}

const QUERY_STYLES = ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'] as const;

function queryStyle(declared: string | undefined): QuerySerializationIR['style'] {
  return QUERY_STYLES.find((style) => style === declared) ?? 'form';
}

/** The one scalar a query value of this schema becomes (from `type`, else from its enum values). */
export function scalarCoercion(schemas: JsonObject, raw: unknown): Coercion {
  const schema = resolveObject(schemas, raw);
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
export function arrayItems(schemas: JsonObject, raw: unknown): Coercion | undefined {
  const schema = resolveObject(schemas, raw);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes('array') ? scalarCoercion(schemas, schema.items) : undefined;
}

/** field → operator → coercion, from a filter-like schema (object of objects of scalars); an
 * operator taking an array is a comma list of its items (`filter[amount][in]=1,2` → `number[]`). */
function deepObjectFields(schemas: JsonObject, raw: JsonObject): DeepObjectFields {
  const properties = resolveObject(schemas, raw).properties;
  if (!isObject(properties)) return {};
  const fields: DeepObjectFields = {};
  for (const name of Object.keys(properties).sort()) {
    const ops = resolveObject(schemas, properties[name]).properties;
    if (!isObject(ops)) continue;
    setOwn(
      fields,
      name,
      Object.fromEntries(
        Object.keys(ops)
          .sort()
          .map((op) => {
            const items = arrayItems(schemas, ops[op]);
            return [op, items ? (`${items}[]` as const) : scalarCoercion(schemas, ops[op])];
          }),
      ),
    );
  }
  return fields;
}
