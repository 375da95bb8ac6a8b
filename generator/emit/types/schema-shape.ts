import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { componentOf, refPointer } from '../../ir/refs.ts';

/** A discriminated union's branches that name a component get `& { <prop>: <their values> }`:
 * the mapping's keys for that component, else (OpenAPI's implicit mapping) its name. */
export function tagBranches(sources: unknown[], branches: JsonObject[], discriminator: JsonObject): JsonObject[] {
  const prop = discriminator.propertyName;
  if (typeof prop !== 'string') return branches;
  const mapping = isObject(discriminator.mapping) ? Object.entries(discriminator.mapping) : [];
  return branches.map((branch, i) => {
    const ref = (sources[i] as JsonObject | undefined)?.$ref;
    const at = typeof ref === 'string' ? refPointer(ref) : undefined;
    const name = at === undefined ? undefined : componentOf(at);
    if (name === undefined) return branch;
    const mapped = mapping.filter(([, target]) => target === ref || target === name).map(([key]) => key);
    return {
      allOf: [
        branch,
        {
          type: 'object',
          required: [prop],
          additionalProperties: false,
          properties: { [prop]: { enum: mapped.length ? mapped : [name] } },
        },
      ],
    };
  });
}

export function annotations(value: unknown): JsonObject {
  return isObject(value)
    ? Object.fromEntries(Object.entries(value).filter(([k]) => k === 'description' || k === 'deprecated'))
    : {};
}

export function withoutTitle(schema: JsonObject): JsonObject {
  const { title: _title, ...rest } = schema;
  return rest;
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
