import pointer from 'json-pointer';
import type { ModelIR } from '../../ir/model.ts';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { claim, safeIdentifier, type ModelName } from './naming.ts';
import { COMPONENT_PREFIX, pathLabel, type RefTarget } from './schema-refs.ts';
import { componentOf, refPointer } from '../../ir/refs.ts';
import { annotations, isNamedKind, tagBranches, withoutTitle } from './schema-shape.ts';
import { setOwn } from '../../source/own-keys.ts';

/** One declaration to compile: a schema with no `$ref`, no nested title and no `$id` left, so
 * json-schema-to-typescript declares exactly one type for it, under exactly `name`. */
export interface Declaration {
  name: string;
  schema: JsonObject;
}

export interface PreparedModel {
  /** The model's own declaration first, then the named sub-schemas it owns, in discovery order. */
  declarations: Declaration[];
  /** File stem → the type names this model imports from it. */
  imports: Map<string, Set<string>>;
}

export interface PrepareContext {
  document: JsonObject;
  names: Map<string, ModelName>;
  targets: Map<string, RefTarget>;
  /** Every declared name so far, across all files: nested names never collide with anything. */
  used: Set<string>;
}

/** Keywords whose value is one schema, an array of schemas, or a map of schemas. */
const ONE = new Set([
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'if',
  'then',
  'else',
]);
const MANY = new Set(['allOf', 'anyOf', 'oneOf']);
const MAP = new Set(['properties', 'patternProperties', 'dependentSchemas']);
/** Bookkeeping json2ts must not see (it would name or add declarations), and data. */
const DROP = new Set([
  '$id',
  '$schema',
  '$defs',
  'definitions',
  '$anchor',
  '$dynamicAnchor',
  '$dynamicRef',
  '$comment',
  'examples',
  'example',
  'tsType',
  'tsEnumNames',
  'discriminator',
  'xml',
  'externalDocs',
]);
/** Keywords that say nothing about the shape: a schema with only these admits any value. */
const NOTES = new Set([
  'title',
  'description',
  'deprecated',
  'default',
  'readOnly',
  'writeOnly',
  'format',
  'contentEncoding',
  'contentMediaType',
]);

/**
 * Rewrites one model's schema for json-schema-to-typescript:
 * - `$ref` to a component → `tsType: <its type name>` (+ an import); siblings such as description stay;
 * - a `$ref` into a component (`#/components/schemas/Account/properties/category`) → a named
 *   type declared in that component's file (`AccountCategory`), imported elsewhere;
 * - an inline schema with a title (an object, enum or composition) → a named declaration in this
 *   file, `<Model><Title>` (or the title if it already starts with the model's name), unique
 *   across every file; titles of plain scalars are dropped (inlined);
 * - oneOf/anyOf with a discriminator: each component branch gets `& { <prop>: <its values> }`;
 * - read types (entity, model) lose writeOnly properties, write types (create, update) readOnly ones.
 */
export function prepareModel(model: ModelIR, ctx: PrepareContext): PreparedModel {
  return new Preparer(model, ctx).run();
}

class Preparer {
  private readonly self: ModelName;
  private readonly drop: 'readOnly' | 'writeOnly';
  private readonly hoisted: Declaration[] = [];
  private readonly byKey = new Map<string, string>();
  private readonly imports = new Map<string, Set<string>>();

  constructor(
    private readonly model: ModelIR,
    private readonly ctx: PrepareContext,
  ) {
    this.self = ctx.names.get(model.name) as ModelName;
    this.drop = model.kind === 'create' || model.kind === 'update' ? 'readOnly' : 'writeOnly';
  }

  run(): PreparedModel {
    const source = this.model.schema;
    const at = `${COMPONENT_PREFIX}${pointer.escape(this.model.name)}`;
    const root = withoutTitle(this.schema(source, [], at, true));
    const description =
      typeof source.description === 'string'
        ? source.description
        : typeof source.title === 'string'
          ? source.title
          : undefined;
    // Targets in parts the walk left out (a stripped property) are still declared: others import them.
    for (const [ptr, target] of this.ctx.targets) if (target.owner === this.model.name) this.target(ptr, target);
    const schema = { ...root, title: this.self.ident, ...(description === undefined ? {} : { description }) };
    return { declarations: [{ name: this.self.ident, schema }, ...this.hoisted], imports: this.imports };
  }

  private schema(value: unknown, path: string[], at: string, root = false): JsonObject {
    const target = root ? undefined : this.ctx.targets.get(at);
    if (target?.owner === this.model.name) return { ...annotations(value), tsType: this.target(at, target) };
    if (value === true || value === undefined) return { tsType: 'unknown' };
    if (value === false) return { tsType: 'never' };
    if (!isObject(value)) return { tsType: 'unknown' };
    if (typeof value.$ref === 'string') return this.ref(value, path);
    const out: JsonObject = {};
    const child = (v: unknown, ...keys: (string | number)[]) =>
      this.schema(v, [...path, ...keys.map(String)], `${at}/${keys.map((k) => pointer.escape(String(k))).join('/')}`);
    for (const [key, v] of Object.entries(value)) {
      if (DROP.has(key) || key.startsWith('x-')) continue;
      if (key === 'properties' && isObject(v))
        out.properties = Object.fromEntries(
          Object.entries(v)
            .filter(([, s]) => !(isObject(s) && s[this.drop] === true))
            .map(([k, s]) => [k, child(s, key, k)]),
        );
      else if (MAP.has(key) && isObject(v))
        out[key] = Object.fromEntries(Object.entries(v).map(([k, s]) => [k, child(s, key, k)]));
      else if (MANY.has(key) && Array.isArray(v)) out[key] = v.map((s, i) => child(s, key, i));
      else if (key === 'prefixItems' && Array.isArray(v)) out.items = v.map((s, i) => child(s, key, i));
      else if (key === 'items' && Array.isArray(value.prefixItems))
        out.additionalItems = isObject(v) ? child(v, key) : v;
      else if (key === 'items' && Array.isArray(v)) out.items = v.map((s, i) => child(s, key, i));
      else if ((key === 'items' || ONE.has(key)) && isObject(v)) out[key] = child(v, key);
      else setOwn(out, key, v);
    }
    if (Array.isArray(value.prefixItems) && !('items' in value)) out.additionalItems = { tsType: 'unknown' };
    if (isObject(value.properties) && Array.isArray(value.required))
      out.required = value.required.filter((n) => typeof n !== 'string' || n in (out.properties as JsonObject));
    if (isObject(value.discriminator))
      for (const key of ['oneOf', 'anyOf'])
        if (Array.isArray(value[key]))
          out[key] = tagBranches(value[key] as unknown[], out[key] as JsonObject[], value.discriminator);
    if (Object.keys(out).every((k) => NOTES.has(k))) out.tsType = 'unknown';
    if (root || typeof out.title !== 'string') return out;
    if (!isNamedKind(out)) return withoutTitle(out);
    const title = out.title;
    const name = this.hoist(
      `title:${title}:${JSON.stringify(out)}`,
      () => claim(nameCandidates(this.self.ident, safeIdentifier(title), path), this.ctx.used),
      () => out,
    );
    return { ...annotations(out), tsType: name };
  }

  private ref(value: JsonObject, path: string[]): JsonObject {
    const notes = annotations(value);
    const at = refPointer(value.$ref as string);
    if (at === undefined) return { ...notes, tsType: 'unknown' };
    const component = componentOf(at);
    const model = component === undefined ? undefined : this.ctx.names.get(component);
    if (component !== undefined && model) return { ...notes, tsType: this.use(component, model.ident) };
    const target = this.ctx.targets.get(at);
    if (target) return { ...notes, tsType: this.use(target.owner, target.name) };
    if (!pointer.has(this.ctx.document, at)) return { ...notes, tsType: 'unknown' };
    // Any other local ref (into paths, parameters, …): a declaration of this file.
    const label = pathLabel(
      at
        .split('/')
        .slice(1)
        .map((s) => pointer.unescape(s)),
    );
    const name = this.hoist(
      `ref:${at}`,
      () => claim(nameCandidates(this.self.ident, label, path), this.ctx.used),
      () => this.schema(pointer.get(this.ctx.document, at), path, at, true),
    );
    return { ...notes, tsType: name };
  }

  /** The type name to write for a model's type or ref target, importing it when another file declares it. */
  private use(owner: string, name: string): string {
    if (owner === this.model.name) return name;
    const file = (this.ctx.names.get(owner) as ModelName).file;
    this.imports.set(file, (this.imports.get(file) ?? new Set()).add(name));
    return name;
  }

  private target(at: string, target: RefTarget): string {
    return this.hoist(
      `ref:${at}`,
      () => target.name,
      () => this.schema(pointer.get(this.ctx.document, at), [], at, true),
    );
  }

  /** A named declaration in this file, shared by every occurrence with the same key. The name is
   * taken before the schema is built, so a schema that reaches itself refers to its own name. */
  private hoist(key: string, name: () => string, build: () => JsonObject): string {
    const known = this.byKey.get(key);
    if (known) return known;
    const chosen = name();
    this.byKey.set(key, chosen);
    this.hoisted.push({ name: chosen, schema: { ...withoutTitle(build()), title: chosen } });
    return chosen;
  }
}

function nameCandidates(ident: string, label: string, path: string[]): string[] {
  return [label.startsWith(ident) ? label : `${ident}${label}`, `${ident}${pathLabel(path)}`];
}
