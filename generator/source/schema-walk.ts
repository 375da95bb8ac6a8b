import pointer from 'json-pointer';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A property declared under some `properties` map, with the pointer of its schema. */
export interface PropertySite {
  name: string;
  schema: JsonObject;
  /** Pointer of the property's schema, e.g. `/properties/invoice`. */
  pointer: string;
  /** The schema whose `properties` map declares it. */
  owner: JsonObject;
  ownerPointer: string;
}

/** Keys whose values are data, not schemas: never descend into them looking for properties. */
const DATA_KEYS = new Set(['examples', 'example', 'enum', 'const', 'default', 'x-platform-required', 'x-invariants']);

/** Every property declared anywhere in a document, depth first, in document order. */
export function* propertySites(node: unknown, at = ''): Generator<PropertySite> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* propertySites(item, `${at}/${i}`);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (DATA_KEYS.has(key)) continue;
    const here = `${at}/${pointer.escape(key)}`;
    if (key === 'properties' && isObject(value)) {
      for (const [name, schema] of Object.entries(value)) {
        if (isObject(schema))
          yield { name, schema, pointer: `${here}/${pointer.escape(name)}`, owner: node, ownerPointer: at };
      }
    }
    yield* propertySites(value, here);
  }
}

/** The JSON types a schema admits, read from `type` (string or array), or from an
 * `anyOf`/`oneOf` of a `$ref` and `null` (the spec's way to make a shared schema nullable). */
export function declaredTypes(schema: JsonObject): string[] {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === 'string');
  const union = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(union)) return union.flatMap((s) => (isObject(s) ? (s.$ref ? ['$ref'] : declaredTypes(s)) : []));
  return schema.$ref ? ['$ref'] : [];
}

export function nonNullTypes(schema: JsonObject): string[] {
  return declaredTypes(schema).filter((t) => t !== 'null');
}
