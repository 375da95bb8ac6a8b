import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { refComponent } from '../../ir/refs.ts';
import type { DiscriminatorSite } from '../../ir/discriminators.ts';

/** A discriminated union's branches that name a component get `& { <prop>: <their tags> }`: the
 * IR's tags for that component (explicit mapping, else OpenAPI's implicit one, its name). */
export function tagBranches(sources: unknown[], branches: JsonObject[], union: DiscriminatorSite): JsonObject[] {
  const tags = Object.entries(union.mapping);
  return branches.map((branch, i) => {
    const name = refComponent(sources[i]);
    if (name === undefined) return branch;
    const mapped = tags.filter(([, model]) => model === name).map(([tag]) => tag);
    return {
      allOf: [
        branch,
        {
          type: 'object',
          required: [union.property],
          additionalProperties: false,
          properties: { [union.property]: { enum: mapped.length ? mapped : [name] } },
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
