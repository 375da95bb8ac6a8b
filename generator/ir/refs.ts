import pointer from 'json-pointer';
import { isObject, type JsonObject } from '../source/schema-walk.ts';

/** The one `$ref` follower of the IR and of every emitter. Once the spec is bundled every `$ref`
 * is local (`#/…`), so following one is a JSON-pointer lookup in the bundled document; refs
 * that lead nowhere (or outside the document) are undefined, never an exception. */

const COMPONENT_SCHEMAS = '/components/schemas/';
/** Refs are never chained deeper than this in a bundled document; the cap only stops a cycle. */
const MAX_HOPS = 20;

/** `#/a/b~1c` → `/a/b~1c` as a JSON pointer (URI-decoded), or undefined for a non-local ref. */
export function refPointer(ref: string): string | undefined {
  if (!ref.startsWith('#')) return undefined;
  try {
    return decodeURIComponent(ref.slice(1));
  } catch {
    return undefined;
  }
}

/** components.schemas key a pointer names exactly (`/components/schemas/Pet` → `Pet`). */
export function componentOf(at: string): string | undefined {
  if (!at.startsWith(COMPONENT_SCHEMAS)) return undefined;
  const rest = at.slice(COMPONENT_SCHEMAS.length);
  return rest.includes('/') ? undefined : pointer.unescape(rest);
}

/** The component a schema is a `$ref` to (`{ $ref: '#/components/schemas/Invoice' }` → `Invoice`). */
export function refComponent(schema: unknown): string | undefined {
  if (!isObject(schema) || typeof schema.$ref !== 'string') return undefined;
  const at = refPointer(schema.$ref);
  return at === undefined ? undefined : componentOf(at);
}

/** What one local ref leads to in the document, or undefined when it leads nowhere. */
export function refTarget(document: JsonObject, ref: string): unknown {
  const at = refPointer(ref);
  return at !== undefined && pointer.has(document, at) ? pointer.get(document, at) : undefined;
}

/** A value with its refs followed until it is not a ref (the value itself when it is none);
 * undefined when a ref leads nowhere. With `siblings`, a ref's sibling keys (description,
 * readOnly…) are laid over what it leads to, as JSON Schema 2020-12 applies them together. */
export function resolveRef(document: JsonObject, value: unknown, options: { siblings?: boolean } = {}): unknown {
  let current = value;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < MAX_HOPS; hops++) {
    const { $ref, ...siblings } = current;
    const target = refTarget(document, $ref);
    if (target === undefined) return undefined;
    current = options.siblings && isObject(target) ? { ...target, ...siblings } : target;
  }
  return current;
}

/** An object (schema, parameter, response…) with its refs followed; `{}` when a ref leads nowhere
 * or to something that is not an object. */
export function resolveObject(document: JsonObject, value: unknown, options: { siblings?: boolean } = {}): JsonObject {
  const resolved = resolveRef(document, value, options);
  return isObject(resolved) ? resolved : {};
}
