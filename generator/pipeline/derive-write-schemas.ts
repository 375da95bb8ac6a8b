import { isObject, type JsonObject } from '../source/schema-walk.ts';

export type WriteVariant = 'Create' | 'Update';

/** Stage 2b: for every entity component, `<Title>Create` and `<Title>Update` next to it.
 * Create keeps the writable properties and requires what `x-create-required` (and the schema's
 * own writable `required`) lists; Update keeps them all optional, as PATCH changes only what it
 * sends. Read-only properties are gone from both, so a body that carries one is rejected by
 * `additionalProperties: false` instead of being silently ignored. */
export function deriveWriteSchemas(bundled: JsonObject): JsonObject {
  const components = bundled.components as JsonObject;
  const schemas = components.schemas as Record<string, JsonObject>;
  const derived: Record<string, JsonObject> = {};
  for (const [title, schema] of Object.entries(schemas)) {
    derived[title] = schema;
    if (typeof schema['x-entity'] !== 'string') continue;
    derived[`${title}Create`] = writeVariant(title, schema, 'Create');
    derived[`${title}Update`] = writeVariant(title, schema, 'Update');
  }
  return { ...bundled, paths: pointBodiesAtVariants(bundled.paths as JsonObject), components: { ...components, schemas: derived } };
}

export function writeVariant(title: string, schema: JsonObject, variant: WriteVariant): JsonObject {
  const properties = Object.fromEntries(Object.entries((schema.properties ?? {}) as Record<string, JsonObject>).filter(([, p]) => p.readOnly !== true));
  const writable = new Set(Object.keys(properties));
  const wanted = [...(Array.isArray(schema.required) ? schema.required : []), ...(Array.isArray(schema['x-create-required']) ? schema['x-create-required'] : [])];
  const required = variant === 'Create' ? [...new Set(wanted.filter((name): name is string => typeof name === 'string' && writable.has(name)))] : [];
  // x-invariants hold of stored records (totals the platform computes), not of write bodies.
  const { examples: _examples, 'x-entity': _entity, 'x-create-required': _cr, 'x-invariants': _inv, properties: _p, required: _r, title: _t, description: _d, ...rest } = schema;
  return {
    ...rest,
    title: `${title}${variant}`,
    description: variant === 'Create' ? `The fields of a new ${title} (read-only fields left out).` : `The fields of a ${title} to change; any left out keep their value.`,
    'x-write-of': title,
    ...(required.length ? { required } : {}),
    properties,
  };
}

/** Request bodies name the read schema in the spec (OpenAPI's readOnly semantics); in the
 * bundle they name the write variant, which plain JSON Schema validators understand. */
function pointBodiesAtVariants(paths: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(paths).map(([url, item]) => {
      if (!isObject(item)) return [url, item];
      const next: JsonObject = { ...item };
      for (const [method, variant] of [['post', 'Create'], ['patch', 'Update'], ['put', 'Update']] as const) {
        if (isObject(item[method])) next[method] = retargetBody(item[method] as JsonObject, variant);
      }
      return [url, next];
    }),
  );
}

function retargetBody(operation: JsonObject, variant: WriteVariant): JsonObject {
  const copy = structuredClone(operation) as { requestBody?: { content?: Record<string, { schema?: { properties?: { data?: JsonObject } } }> } };
  const data = copy.requestBody?.content?.['application/json']?.schema?.properties?.data;
  if (!data || typeof data.$ref !== 'string' || !data.$ref.startsWith('#/components/schemas/')) return operation;
  data.$ref = `${data.$ref}${variant}`;
  return copy as JsonObject;
}
