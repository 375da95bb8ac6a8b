import { isObject, type JsonObject } from '../source/schema-walk.ts';

const COMPONENT = '#/components/schemas/';

/**
 * The write body a unified record stands for: only what the write model (`InvoiceCreate`) has, at
 * every depth. A line's `platform_id` or a journal line's `journal_entry_id` are read-only: the
 * platform sets them, so a Create body never carries them (the write model's `…Write` sub-models
 * leave them out) and a round trip cannot give them back.
 */
export function writeBodyOf(record: unknown, model: string, document: JsonObject): Record<string, unknown> {
  const schemas = (
    isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {}
  ) as Record<string, JsonObject>;
  const kept = keep(record, schemas[model] ?? {}, schemas, 0);
  return isObject(kept) ? (kept as Record<string, unknown>) : {};
}

function keep(value: unknown, schema: JsonObject, schemas: Record<string, JsonObject>, depth: number): unknown {
  const resolved = resolve(schema, schemas, depth);
  if (!resolved || depth > 32) return value;
  if (Array.isArray(value))
    return isObject(resolved.items)
      ? value.map((item) => keep(item, resolved.items as JsonObject, schemas, depth + 1))
      : value;
  if (!isObject(value) || !isObject(resolved.properties)) return value;
  const properties = resolved.properties as Record<string, JsonObject>;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, child]) => key in properties && child !== undefined)
      .map(([key, child]) => [key, keep(child, properties[key] as JsonObject, schemas, depth + 1)]),
  );
}

/** The schema behind refs and nullable wrappers (`anyOf: [{$ref}, {type: 'null'}]`). */
function resolve(schema: JsonObject, schemas: Record<string, JsonObject>, depth: number): JsonObject | undefined {
  if (depth > 32) return undefined;
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith(COMPONENT)) {
    const target = schemas[schema.$ref.slice(COMPONENT.length)];
    return target ? resolve(target, schemas, depth + 1) : undefined;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = Array.isArray(schema[key]) ? (schema[key] as JsonObject[]) : [];
    const structured = branches.find(
      (b) => isObject(b) && (b.$ref !== undefined || b.properties !== undefined || b.items !== undefined),
    );
    if (structured) return resolve(structured, schemas, depth + 1);
  }
  return schema;
}
