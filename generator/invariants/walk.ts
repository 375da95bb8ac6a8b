import { escape, isRecord } from './amounts.ts';

/** A property of a record (at any depth) with the schema that declares it. */
export interface PropertyValue {
  name: string;
  pointer: string;
  value: unknown;
  schema: Record<string, unknown>;
}

/**
 * Every property present in `record`, at every depth (lines, allocations, links, report lines),
 * each with its schema from the bundled document. Expanded relations (`x-expands`) hold other
 * entities' records and `raw_data` the platform's, so neither is entered.
 */
export function* propertyValues(
  document: Record<string, unknown>,
  model: string,
  record: unknown,
): Generator<PropertyValue> {
  yield* inObject(document, resolve(document, { $ref: `#/components/schemas/${model}` }), record, '');
}

function* inObject(
  document: Record<string, unknown>,
  schema: Record<string, unknown> | undefined,
  value: unknown,
  at: string,
): Generator<PropertyValue> {
  if (!schema || !isRecord(value) || !isRecord(schema.properties)) return;
  for (const [name, child] of Object.entries(value)) {
    const declared = schema.properties[name];
    if (!isRecord(declared) || declared['x-expands'] !== undefined || name === 'raw_data') continue;
    const pointer = `${at}/${escape(name)}`;
    yield { name, pointer, value: child, schema: declared };
    yield* inValue(document, resolve(document, declared), child, pointer);
  }
}

function* inValue(
  document: Record<string, unknown>,
  schema: Record<string, unknown> | undefined,
  value: unknown,
  at: string,
): Generator<PropertyValue> {
  if (!schema) return;
  if (Array.isArray(value)) {
    const items = resolve(document, schema.items);
    for (const [index, item] of value.entries()) yield* inValue(document, items, item, `${at}/${index}`);
  } else if (isRecord(value)) {
    yield* inObject(document, schema, value, at);
  }
}

/** A schema with `$ref`s followed and a nullable `anyOf`/`oneOf` around one reduced to it. */
function resolve(document: Record<string, unknown>, schema: unknown, depth = 0): Record<string, unknown> | undefined {
  if (!isRecord(schema) || depth > 20) return undefined;
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.startsWith('#/components/schemas/')
      ? decodeURIComponent(schema.$ref.slice('#/components/schemas/'.length))
      : undefined;
    const components =
      isRecord(document.components) && isRecord(document.components.schemas) ? document.components.schemas : {};
    return name === undefined ? undefined : resolve(document, components[name], depth + 1);
  }
  const union = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(union)) {
    const branch = union.find((s) => isRecord(s) && s.type !== 'null');
    if (branch !== undefined) return resolve(document, branch, depth + 1);
  }
  return schema;
}

/** Whether a concrete pointer (`/line_items/2/item_id`) is covered by a pattern (`/line_items/*\/item_id`):
 * the pattern is the pointer or leads to a container of it, `*` matching any one segment. */
export function coveredBy(pointer: string, pattern: string): boolean {
  const at = pointer.split('/');
  const wanted = pattern.split('/');
  return wanted.length <= at.length && wanted.every((segment, index) => segment === '*' || segment === at[index]);
}
