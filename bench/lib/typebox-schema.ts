/** A component schema of the spec written as a TypeBox (v1, the `typebox` package) schema: the
 * same properties, types, enums, formats and required lists, built with TypeBox's own builders
 * (Type.Object, Type.Union, …) so TypeBox's compiler sees the types it is made for. Refs between
 * components become one Type.Cyclic (Invoice → SalesOrder → Invoice is a cycle). Covers the
 * keywords the accounting models use; anything else is an error, so the peer never silently
 * checks less than ledgerspec does. */
import { Type, type TSchema } from 'typebox';

type Json = Record<string, unknown>;

/** Keywords that do not change validity (annotations, and the spec's x- extensions). */
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'readOnly', 'writeOnly', 'deprecated', 'default']);

/** `name` and every component it reaches, as one cyclic TypeBox schema rooted at `name`. */
export function typeboxModel(schemas: Record<string, Json>, name: string): TSchema {
  const defs: Record<string, TSchema> = {};
  const pending = [name];
  while (pending.length) {
    const next = pending.pop() as string;
    if (defs[next]) continue;
    defs[next] = convert(schemas[next] as Json, (ref) => {
      if (!defs[ref]) pending.push(ref);
    });
  }
  return Type.Cyclic(defs, name);
}

function convert(schema: Json, onRef: (name: string) => void): TSchema {
  for (const key of Object.keys(schema)) {
    if (!ANNOTATIONS.has(key) && !key.startsWith('x-') && !HANDLED.has(key))
      throw new Error(`typebox-schema: keyword ${key} not covered`);
  }
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref.split('/').pop() as string;
    onRef(target);
    return Type.Ref(target);
  }
  if (Array.isArray(schema.enum)) return enumOf(schema.enum as unknown[]);
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  const variants = types.map((type) => ofType(type, schema, onRef));
  return variants.length === 1 ? (variants[0] as TSchema) : Type.Union(variants);
}

const HANDLED = new Set([
  '$ref',
  'enum',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'format',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'minItems',
  'maxItems',
]);

function enumOf(values: unknown[]): TSchema {
  const literals = values.map((value) =>
    value === null ? Type.Null() : Type.Literal(value as string | number | boolean),
  );
  return literals.length === 1 ? (literals[0] as TSchema) : Type.Union(literals);
}

function ofType(type: string, schema: Json, onRef: (name: string) => void): TSchema {
  const options = pick(
    schema,
    type === 'string' ? ['format', 'minLength', 'maxLength', 'pattern'] : ['minimum', 'maximum', 'exclusiveMinimum'],
  );
  switch (type) {
    case 'null':
      return Type.Null();
    case 'boolean':
      return Type.Boolean();
    case 'string':
      return Type.String(options);
    case 'number':
      return Type.Number(options);
    case 'integer':
      return Type.Integer(options);
    case 'array':
      return Type.Array(convert(schema.items as Json, onRef), pick(schema, ['minItems', 'maxItems']));
    case 'object':
      return objectOf(schema, onRef);
    default:
      throw new Error(`typebox-schema: type ${type} not covered`);
  }
}

function objectOf(schema: Json, onRef: (name: string) => void): TSchema {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const properties: Record<string, TSchema> = {};
  for (const [key, property] of Object.entries((schema.properties as Record<string, Json> | undefined) ?? {})) {
    const converted = convert(property, onRef);
    properties[key] = required.has(key) ? converted : Type.Optional(converted);
  }
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false)
    throw new Error('typebox-schema: additionalProperties other than false not covered');
  return Type.Object(properties, schema.additionalProperties === false ? { additionalProperties: false } : {});
}

function pick(schema: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter((key) => schema[key] !== undefined).map((key) => [key, schema[key]]));
}
