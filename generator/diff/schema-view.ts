import pointer from 'json-pointer';
import { isObject, type JsonObject } from '../source/schema-walk.ts';

/** A schema at a place in the bundled document. `pointer` is where the object itself lives, so
 * a change found inside it can be reported there. */
export interface SchemaNode {
  schema: JsonObject;
  pointer: string;
}

/** Keywords compared as bounds: a larger upper bound or a smaller lower one admits more values. */
export const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'] as const;
export const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'] as const;
/** Keywords whose mere presence or change restricts values and that cannot be ordered. */
export const OTHER_CONSTRAINTS = ['pattern', 'multipleOf', 'uniqueItems'] as const;

/** One spelling-independent reading of a schema: refs followed, `allOf` merged, and nullability
 * pulled out of wherever it was written (`type: [x, 'null']`, `anyOf: [x, {type: 'null'}]`, a
 * `null` enum value, 3.0's `nullable`), so two spellings of the same schema read the same. */
export interface SchemaView {
  /** Where the schema is used (a property, an items, a body). Nullability belongs here. */
  site: string;
  /** Where its keywords live once refs are followed: types, enums and bounds are reported here. */
  at: string;
  /** Non-null JSON types it admits, sorted; undefined when it does not say (any type). */
  types?: string[];
  nullable: boolean;
  /** Allowed values besides null, when it has an enum or a const. */
  enum?: unknown[];
  format?: string;
  hasDefault: boolean;
  default?: unknown;
  constraints: Record<string, unknown>;
  /** False when `additionalProperties: false`; other values do not restrict an SDK type. */
  additionalProperties: boolean;
  properties: Map<string, SchemaNode>;
  required: Set<string>;
  items?: SchemaNode;
  /** oneOf/anyOf branches other than null. */
  variants?: { keyword: 'oneOf' | 'anyOf'; members: SchemaNode[] };
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  /** Component name when the schema is a `$ref` to `#/components/schemas/<name>`. */
  component?: string;
}

const MAX_REF_HOPS = 32;

/** Follows local `$ref`s (a chain of them, stopping on a loop); sibling keywords of a `$ref`
 * (2020-12 allows them) are laid over the target's. */
export function deref(document: JsonObject, node: SchemaNode): SchemaNode & { component?: string } {
  let current = node;
  let component: string | undefined;
  const seen = new Set<string>();
  let siblings: JsonObject = {};
  for (let hops = 0; hops < MAX_REF_HOPS; hops++) {
    const ref = current.schema.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#') || seen.has(ref)) break;
    seen.add(ref);
    const target = pointerGet(document, ref.slice(1));
    if (!isObject(target)) break;
    const { $ref: _ref, ...rest } = current.schema;
    siblings = { ...rest, ...siblings };
    component = componentName(ref) ?? component;
    current = { schema: target, pointer: ref.slice(1) };
  }
  return { schema: { ...current.schema, ...siblings }, pointer: current.pointer, ...(component ? { component } : {}) };
}

export function componentName(ref: string): string | undefined {
  const prefix = '#/components/schemas/';
  if (!ref.startsWith(prefix)) return undefined;
  const rest = ref.slice(prefix.length);
  return rest.includes('/') ? undefined : pointer.unescape(rest);
}

function pointerGet(document: JsonObject, ptr: string): unknown {
  try {
    return ptr === '' ? document : pointer.get(document, decodeURIComponent(ptr));
  } catch {
    return undefined;
  }
}

/** The canonical view of the schema at `node`. */
export function viewOf(document: JsonObject, node: SchemaNode, depth = 0): SchemaView {
  const site = node.pointer;
  const resolved = deref(document, node);
  const { schema } = resolved;
  const union = unionOf(document, resolved);
  // `anyOf: [X, {type: 'null'}]` is X made nullable: read X (with the wrapper's own keywords).
  if (union && union.members.length === 1 && union.hasNull && depth < MAX_REF_HOPS) {
    const [only] = union.members as [SchemaNode];
    const inner = viewOf(document, only, depth + 1);
    return { ...overlay(inner, schema), site, nullable: true };
  }
  let view = ownView(site, resolved, union);
  if (Array.isArray(schema.allOf) && depth < MAX_REF_HOPS) {
    const parts = schema.allOf.flatMap((s, i) =>
      isObject(s) ? [viewOf(document, { schema: s, pointer: `${resolved.pointer}/allOf/${i}` }, depth + 1)] : [],
    );
    view = parts.reduce(mergeAllOf, view);
  }
  return view;
}

interface Union {
  keyword: 'oneOf' | 'anyOf';
  members: SchemaNode[];
  hasNull: boolean;
}

function unionOf(document: JsonObject, node: SchemaNode): Union | undefined {
  const keyword = Array.isArray(node.schema.oneOf) ? 'oneOf' : Array.isArray(node.schema.anyOf) ? 'anyOf' : undefined;
  if (!keyword) return undefined;
  const all = (node.schema[keyword] as unknown[]).flatMap((s, i) =>
    isObject(s) ? [{ schema: s, pointer: `${node.pointer}/${keyword}/${i}` }] : [],
  );
  const isNull = (m: SchemaNode) => {
    const s = deref(document, m).schema;
    return s.type === 'null' || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null');
  };
  return { keyword, members: all.filter((m) => !isNull(m)), hasNull: all.some(isNull) };
}

/** The keywords of one schema object, before allOf is merged in. */
function ownView(site: string, node: SchemaNode & { component?: string }, union: Union | undefined): SchemaView {
  const { schema } = node;
  const rawTypes =
    typeof schema.type === 'string'
      ? [schema.type]
      : Array.isArray(schema.type)
        ? schema.type.filter((t): t is string => typeof t === 'string')
        : undefined;
  const rawEnum = Array.isArray(schema.enum) ? schema.enum : 'const' in schema ? [schema.const] : undefined;
  const nullable = Boolean(
    rawTypes?.includes('null') || rawEnum?.includes(null) || schema.nullable === true || union?.hasNull,
  );
  const properties = new Map<string, SchemaNode>();
  if (isObject(schema.properties)) {
    for (const [name, s] of Object.entries(schema.properties))
      if (isObject(s))
        properties.set(name, { schema: s, pointer: `${node.pointer}/properties/${pointer.escape(name)}` });
  }
  const constraints: Record<string, unknown> = {};
  for (const key of [...UPPER_BOUNDS, ...LOWER_BOUNDS, ...OTHER_CONSTRAINTS])
    if (schema[key] !== undefined && schema[key] !== false) constraints[key] = schema[key];
  const types = rawTypes ? rawTypes.filter((t) => t !== 'null').sort() : undefined;
  return {
    site,
    at: node.pointer,
    ...(types ? { types } : {}),
    nullable,
    ...(rawEnum ? { enum: rawEnum.filter((v) => v !== null) } : {}),
    ...(typeof schema.format === 'string' ? { format: schema.format } : {}),
    hasDefault: 'default' in schema,
    ...('default' in schema ? { default: schema.default } : {}),
    constraints,
    additionalProperties: schema.additionalProperties !== false,
    properties,
    required: new Set(
      Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [],
    ),
    ...(isObject(schema.items) ? { items: { schema: schema.items, pointer: `${node.pointer}/items` } } : {}),
    ...(union && union.members.length > 0 ? { variants: { keyword: union.keyword, members: union.members } } : {}),
    readOnly: schema.readOnly === true,
    writeOnly: schema.writeOnly === true,
    deprecated: schema.deprecated === true,
    ...(node.component ? { component: node.component } : {}),
  };
}

/** The wrapper of a nullable union may carry keywords of its own (readOnly, default). */
function overlay(inner: SchemaView, wrapper: JsonObject): SchemaView {
  return {
    ...inner,
    readOnly: inner.readOnly || wrapper.readOnly === true,
    writeOnly: inner.writeOnly || wrapper.writeOnly === true,
    deprecated: inner.deprecated || wrapper.deprecated === true,
    ...('default' in wrapper ? { hasDefault: true, default: wrapper.default } : {}),
  };
}

/** allOf means every part holds: types intersect, properties and required lists add up, and a
 * property declared by two parts is both at once (itself an allOf). */
function mergeAllOf(into: SchemaView, part: SchemaView): SchemaView {
  const properties = new Map(into.properties);
  for (const [name, node] of part.properties) {
    const before = properties.get(name);
    properties.set(name, before ? { schema: { allOf: [before.schema, node.schema] }, pointer: node.pointer } : node);
  }
  const items =
    into.items && part.items
      ? { schema: { allOf: [into.items.schema, part.items.schema] }, pointer: part.items.pointer }
      : (into.items ?? part.items);
  const types = into.types && part.types ? intersectTypes(into.types, part.types) : (into.types ?? part.types);
  const says = (v: SchemaView) => v.types !== undefined || v.enum !== undefined || v.variants !== undefined;
  return {
    ...into,
    ...(types ? { types } : {}),
    nullable: says(into) && says(part) ? into.nullable && part.nullable : says(into) ? into.nullable : part.nullable,
    ...((into.enum ?? part.enum) ? { enum: into.enum ?? part.enum } : {}),
    ...((into.format ?? part.format) ? { format: into.format ?? part.format } : {}),
    hasDefault: into.hasDefault || part.hasDefault,
    ...(into.hasDefault ? { default: into.default } : part.hasDefault ? { default: part.default } : {}),
    constraints: { ...part.constraints, ...into.constraints },
    additionalProperties: into.additionalProperties && part.additionalProperties,
    properties,
    required: new Set([...into.required, ...part.required]),
    ...(items ? { items } : {}),
    ...((into.variants ?? part.variants) ? { variants: into.variants ?? part.variants } : {}),
    readOnly: into.readOnly || part.readOnly,
    writeOnly: into.writeOnly || part.writeOnly,
    deprecated: into.deprecated || part.deprecated,
    ...((into.component ?? part.component) ? { component: into.component ?? part.component } : {}),
  } as SchemaView;
}

/** Types both lists admit; integer is a number, so number ∩ integer is integer. */
function intersectTypes(a: string[], b: string[]): string[] {
  const admits = (types: string[], t: string) => types.includes(t) || (t === 'integer' && types.includes('number'));
  return [...new Set([...a.filter((t) => admits(b, t)), ...b.filter((t) => admits(a, t))])].sort();
}
