import pointer from 'json-pointer';
import { ownPointerGet } from '../source/own-keys.ts';
import { isObject, type JsonObject } from '../source/schema-walk.ts';

/** Stage 3: one dialect and one key order. OpenAPI 3.0 schemas are rewritten to their 3.1 /
 * JSON Schema 2020-12 spelling (so every emitter handles one dialect), and every object's keys
 * are sorted: reordering keys in the spec changes nothing downstream. Array order is meaning
 * (enum, required, allOf) and is kept. A 3.1 document that still writes 3.0's `nullable` (Codat's
 * do) gets that keyword rewritten the same way: JSON Schema has no `nullable`, and Ajv refuses it
 * without a `type`. The check stage warns about each one (openapi30-keywords.ts). */
export function normalizeDocument(bundled: JsonObject): JsonObject {
  const doc = inlineStraySchemaRefs(bundled);
  const is30 = typeof doc.openapi === 'string' && doc.openapi.startsWith('3.0');
  const upgraded = is30 ? { ...upgradeSchemas(doc), openapi: '3.1.0' } : (rewrite(doc, upgradeNullable) as JsonObject);
  return sortKeys(upgraded) as JsonObject;
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}

/** Walks the whole document; every object that looks like a schema gets the 3.0 → 3.1 fixes.
 * Applying them to non-schema objects is harmless: the keywords they touch only occur in schemas. */
function upgradeSchemas(value: unknown): JsonObject {
  return upgrade(value) as JsonObject;
}

function upgrade(value: unknown): unknown {
  return rewrite(value, (schema) => upgradeExclusiveBounds(upgradeNullable(schema)));
}

/** Applies `fix` to every object, children first; examples are data and are left as they are. */
function rewrite(value: unknown, fix: (object: JsonObject) => JsonObject): unknown {
  if (Array.isArray(value)) return value.map((item) => rewrite(item, fix));
  if (!isObject(value)) return value;
  const walked = Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'example' || k === 'examples' ? v : rewrite(v, fix)]),
  );
  return fix(walked);
}

/** `nullable: true` becomes a type array, or an anyOf with null where there is no plain type
 * (a $ref, an allOf); an enum gets null among its values so the two keywords agree. */
function upgradeNullable(schema: JsonObject): JsonObject {
  // Only the keyword: a property named `nullable` (an object under `properties`) stays.
  if (typeof schema.nullable !== 'boolean') return schema;
  const { nullable, ...rest } = schema;
  if (nullable !== true) return rest;
  const withEnum =
    Array.isArray(rest.enum) && !rest.enum.includes(null) ? { ...rest, enum: [...rest.enum, null] } : rest;
  if (typeof withEnum.type === 'string') return { ...withEnum, type: [withEnum.type, 'null'] };
  if (Array.isArray(withEnum.type))
    return withEnum.type.includes('null') ? withEnum : { ...withEnum, type: [...withEnum.type, 'null'] };
  const { description, title, ...inner } = withEnum;
  return {
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    anyOf: [inner, { type: 'null' }],
  };
}

/** 3.0's boolean exclusiveMinimum/Maximum modify minimum/maximum; 2020-12 takes the bound itself. */
function upgradeExclusiveBounds(schema: JsonObject): JsonObject {
  let next = schema;
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof next[flag] !== 'boolean') continue;
    const { [flag]: on, [bound]: value, ...rest } = next;
    next =
      on === true && typeof value === 'number'
        ? { ...rest, [flag]: value }
        : { ...rest, ...(value === undefined ? {} : { [bound]: value }) };
  }
  return next;
}

/** A local `$ref` to anything but a whole component or a property of a component schema — into
 * an operation's inline schema (`#/paths/~1companies/post/requestBody/content/application~1json/schema/properties/id`)
 * or a component schema's `definitions` (`#/components/schemas/WebhookConsumer/definitions/list`),
 * as Codat's specs write — is replaced by a copy of its target. Then every schema ref lands in
 * components.schemas (the IR's promise, which the validators compile against) at a place a type
 * can name (`components["schemas"]["X"]["y"]`: openapi-typescript drops only `properties` from a
 * ref's path). A target that leads back to itself through such refs keeps its last `$ref`. */
function inlineStraySchemaRefs(doc: JsonObject): JsonObject {
  let copies = 0;
  const inline = (value: unknown, seen: ReadonlySet<string>): unknown => {
    if (Array.isArray(value)) return value.map((item) => inline(item, seen));
    if (!isObject(value)) return value;
    const target = strayTarget(value.$ref);
    if (target !== undefined && !seen.has(target) && copies++ < MAX_INLINED_REFS) {
      const { $ref: _ref, ...siblings } = value;
      const copy = inline(ownPointerGet(doc, target), new Set([...seen, target]));
      if (copy !== undefined) return Object.keys(siblings).length === 0 ? copy : beside(copy, inline(siblings, seen));
    }
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, k === 'example' || k === 'examples' ? v : inline(v, seen)]),
    );
  };
  return inline(doc, new Set()) as JsonObject;
}

/** Copies of stray refs' targets a document may make. Refs that nest (a target holding two refs
 * to another, and so on) would copy exponentially, as YAML aliases do in a billion-laughs file;
 * past this many, refs are left as they are (and Ajv or the types reject them with a diagnostic). */
const MAX_INLINED_REFS = 10_000;

/** A `$ref` with other keywords beside it (3.1 allows them): the target joins them under allOf. */
function beside(target: unknown, siblings: unknown): JsonObject {
  const others = siblings as JsonObject;
  return { ...others, allOf: [target, ...(Array.isArray(others.allOf) ? others.allOf : [])] };
}

/** The pointer a local `$ref` leads to, when it is a stray one (see inlineStraySchemaRefs). */
function strayTarget(ref: unknown): string | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
  let tokens: string[];
  try {
    tokens = pointer.parse(decodeURIComponent(ref.slice(1)));
  } catch {
    return undefined;
  }
  return isNameable(tokens) ? undefined : pointer.compile(tokens);
}

/** `/components/<kind>/<name>`, or `/components/schemas/<name>` followed by `properties/<p>` pairs. */
function isNameable(tokens: readonly string[]): boolean {
  if (tokens[0] !== 'components' || tokens.length < 3) return false;
  if (tokens.length === 3) return true;
  if (tokens[1] !== 'schemas') return false;
  return tokens.slice(3).every((token, i) => i % 2 === 1 || token === 'properties') && tokens.length % 2 === 1;
}
