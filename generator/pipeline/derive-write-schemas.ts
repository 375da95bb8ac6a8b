import { isObject, type JsonObject } from '../source/schema-walk.ts';
import { ownValue, setOwn } from '../source/own-keys.ts';

export type WriteVariant = 'Create' | 'Update';

const COMPONENT = '#/components/schemas/';

/** Stage 2b: for every entity component, `<Title>Create` and `<Title>Update` next to it.
 * Create keeps the writable properties and requires what `x-create-required` (and the schema's
 * own writable `required`) lists; Update keeps them all optional, as PATCH changes only what it
 * sends — except the record's own `platform_id`, which an accounting update names its record by
 * (accounting updates are batches, so the ID is in each record, not the path). Read-only
 * properties are gone from both, at every depth: a sub-model with read-only fields (a line's
 * `platform_id`) gets a `<Title>Write` twin without them, which the write variants refer to. So a
 * body that carries a read-only field is rejected by `additionalProperties: false` instead of
 * being silently ignored. */
export function deriveWriteSchemas(bundled: JsonObject): JsonObject {
  const components = bundled.components as JsonObject;
  const schemas = components.schemas as Record<string, JsonObject>;
  const twins = new WriteTwins(schemas);
  const derived: Record<string, JsonObject> = {};
  for (const [title, schema] of Object.entries(schemas)) {
    setOwn(derived, title, schema);
    if (typeof schema['x-entity'] !== 'string') continue;
    setOwn(derived, `${title}Create`, twins.retarget(writeVariant(title, schema, 'Create')));
    setOwn(derived, `${title}Update`, twins.retarget(writeVariant(title, schema, 'Update')));
  }
  for (const [title, twin] of twins.made()) setOwn(derived, title, twin);
  return {
    ...bundled,
    paths: pointBodiesAtVariants(bundled.paths as JsonObject),
    components: { ...components, schemas: sortedByName(derived, schemas) },
  };
}

export function writeVariant(title: string, schema: JsonObject, variant: WriteVariant): JsonObject {
  const all = (schema.properties ?? {}) as Record<string, JsonObject>;
  const properties = Object.fromEntries(Object.entries(all).filter(([, p]) => p.readOnly !== true));
  const writable = new Set(Object.keys(properties));
  const wanted = [
    ...(Array.isArray(schema.required) ? schema.required : []),
    ...(Array.isArray(schema['x-create-required']) ? schema['x-create-required'] : []),
  ];
  const required =
    variant === 'Create'
      ? [...new Set(wanted.filter((name): name is string => typeof name === 'string' && writable.has(name)))]
      : [];
  const namesItself = variant === 'Update' && isObject(all.platform_id);
  // x-invariants hold of stored records (totals the platform computes), not of write bodies.
  const {
    examples: _examples,
    'x-entity': _entity,
    'x-create-required': _cr,
    'x-invariants': _inv,
    properties: _p,
    required: _r,
    title: _t,
    description: _d,
    ...rest
  } = schema;
  return {
    ...rest,
    title: `${title}${variant}`,
    description:
      variant === 'Create'
        ? `The fields of a new ${title} (read-only fields left out).`
        : `The fields of a ${title} to change; any left out keep their value.`,
    'x-write-of': title,
    ...(namesItself ? { required: ['platform_id'] } : required.length ? { required } : {}),
    properties: namesItself ? { platform_id: recordKey(title), ...properties } : properties,
  };
}

function recordKey(title: string): JsonObject {
  return { type: 'string', minLength: 1, description: `The platform's ID of the ${title} to change.` };
}

/** `<Title>Write` twins of the sub-models that hold read-only fields (at any depth), made on
 * demand as the write variants refer to them. */
class WriteTwins {
  private readonly twins = new Map<string, JsonObject>();
  private readonly needsTwin = new Map<string, boolean>();

  constructor(private readonly schemas: Record<string, JsonObject>) {}

  /** A copy of `schema` whose refs to sub-models with read-only fields name their twins. */
  retarget(schema: JsonObject): JsonObject {
    return this.walk(schema) as JsonObject;
  }

  made(): [string, JsonObject][] {
    return [...this.twins.entries()];
  }

  private walk(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.walk(item));
    if (!isObject(value)) return value;
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(value))
      setOwn(out, key, key === '$ref' && typeof child === 'string' ? this.refFor(child) : this.walk(child));
    return out;
  }

  private refFor(ref: string): string {
    const name = ref.startsWith(COMPONENT) ? ref.slice(COMPONENT.length) : undefined;
    if (!name || !this.hasReadOnly(name, new Set())) return ref;
    const twin = `${name}Write`;
    if (!this.twins.has(twin)) {
      this.twins.set(twin, {}); // placeholder first: a sub-model may refer to itself
      this.twins.set(twin, this.twinOf(name));
    }
    return `${COMPONENT}${twin}`;
  }

  private twinOf(name: string): JsonObject {
    const schema = this.schemas[name] as JsonObject;
    const properties = Object.fromEntries(
      Object.entries((schema.properties ?? {}) as Record<string, JsonObject>).filter(([, p]) => p.readOnly !== true),
    );
    const required = Array.isArray(schema.required)
      ? schema.required.filter((field) => typeof field === 'string' && field in properties)
      : [];
    const { examples: _examples, properties: _p, required: _r, title: _t, description, ...rest } = schema;
    return this.retarget({
      ...rest,
      title: `${name}Write`,
      description: `${typeof description === 'string' ? description : name} (as written: read-only fields left out).`,
      'x-write-of': name,
      ...(required.length ? { required } : {}),
      properties,
    });
  }

  /** Whether a non-entity component has a read-only property, directly or in a sub-model. */
  private hasReadOnly(name: string, seen: Set<string>): boolean {
    const cached = this.needsTwin.get(name);
    if (cached !== undefined) return cached;
    const schema = this.schemas[name];
    if (!schema || typeof schema['x-entity'] === 'string' || seen.has(name)) return false;
    seen.add(name);
    const properties = Object.values((schema.properties ?? {}) as Record<string, JsonObject>);
    const result =
      properties.some((p) => p.readOnly === true) || refsIn(schema).some((ref) => this.hasReadOnly(ref, seen));
    this.needsTwin.set(name, result);
    return result;
  }
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' && child.startsWith(COMPONENT)
      ? [child.slice(COMPONENT.length)]
      : refsIn(child),
  );
}

/** The derived components in a stable order: each original, its variants, then the twins, each
 * twin right after its sub-model. */
function sortedByName(
  derived: Record<string, JsonObject>,
  originals: Record<string, JsonObject>,
): Record<string, JsonObject> {
  const out: Record<string, JsonObject> = {};
  for (const title of Object.keys(originals)) {
    for (const name of [title, `${title}Create`, `${title}Update`, `${title}Write`])
      if (ownValue(derived, name)) setOwn(out, name, ownValue(derived, name) as JsonObject);
  }
  return out;
}

/** Request bodies name the read schema in the spec (OpenAPI's readOnly semantics); in the
 * bundle they name the write variant, which plain JSON Schema validators understand. */
function pointBodiesAtVariants(paths: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(paths).map(([url, item]) => {
      if (!isObject(item)) return [url, item];
      const next: JsonObject = { ...item };
      for (const [method, variant] of [
        ['post', 'Create'],
        ['patch', 'Update'],
        ['put', 'Update'],
      ] as const) {
        if (isObject(item[method])) next[method] = retargetBody(item[method] as JsonObject, variant);
      }
      return [url, next];
    }),
  );
}

/** `data` is one record (`$ref`) or a batch of them (`items.$ref`). */
function retargetBody(operation: JsonObject, variant: WriteVariant): JsonObject {
  const copy = structuredClone(operation) as {
    requestBody?: { content?: Record<string, { schema?: { properties?: { data?: JsonObject } } }> };
  };
  const data = copy.requestBody?.content?.['application/json']?.schema?.properties?.data;
  const target = data && isObject(data.items) ? data.items : data;
  if (!target || typeof target.$ref !== 'string' || !target.$ref.startsWith(COMPONENT)) return operation;
  target.$ref = `${target.$ref}${variant}`;
  return copy as JsonObject;
}
