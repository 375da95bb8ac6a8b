import { isObject, type JsonObject } from '../source/schema-walk.ts';
import { byCodeUnit } from '../source/compare.ts';
import { refPointer } from './refs.ts';
import type { SchemaDocument } from './model.ts';

const COMPONENT_SCHEMAS = '/components/schemas/';
/** Keys whose values are data, never schemas: a `$ref` key inside them is data too. */
const DATA_KEYS = new Set(['examples', 'example', 'enum', 'const', 'default']);

/** The component schemas as a document of their own: the same objects as the bundled document's,
 * and since every schema `$ref` points into components.schemas, every one resolves in it. */
export function schemaDocument(document: JsonObject): SchemaDocument {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? (components.schemas as Record<string, JsonObject>) : {};
  return { components: { schemas } };
}

/** Every pointer into a component schema that a `$ref` anywhere in the document names
 * (`/components/schemas/Account/properties/category`), sorted by code unit. */
export function schemaRefs(document: JsonObject): string[] {
  const refs = new Set<string>();
  collectRefs(document, refs);
  return [...refs].filter((at) => at.startsWith(COMPONENT_SCHEMAS)).sort(byCodeUnit);
}

function collectRefs(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) return value.forEach((v) => collectRefs(v, into));
  if (!isObject(value)) return;
  for (const [key, v] of Object.entries(value)) {
    if (DATA_KEYS.has(key)) continue;
    if (key === '$ref' && typeof v === 'string') {
      const at = refPointer(v);
      if (at !== undefined) into.add(at);
    } else collectRefs(v, into);
  }
}
