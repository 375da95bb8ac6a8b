import pointer from 'json-pointer';
import type { ModelIR } from '../../ir/model.ts';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import type { ModelName } from './naming.ts';
import { refComponent, refPointer } from '../../ir/refs.ts';
import type { DiscriminatorSite } from '../../ir/discriminators.ts';
import type { NestedName } from '../../plan/name-plan.ts';
import { COMPONENT_PREFIX, isNamedKind } from '../../plan/schema-positions.ts';
import { ONE_SCHEMA, SCHEMA_LISTS, SCHEMA_MAPS } from '../../source/sub-schemas.ts';
import { annotations, tagBranches, withoutTitle } from './schema-shape.ts';
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
  /** components.schemas as a document (`SpecIR.schemas`), where the nested types' pointers lead. */
  document: JsonObject;
  names: Map<string, ModelName>;
  /** The NamePlan's nested types, by pointer (`/components/schemas/Account/properties/category`). */
  nested: ReadonlyMap<string, NestedName>;
  /** The IR's discriminated unions, by the pointer of their `oneOf`/`anyOf`. */
  unions: ReadonlyMap<string, DiscriminatorSite>;
}

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

/** The IR's discriminated unions keyed by the pointer of their `oneOf`/`anyOf`
 * (`/components/schemas/Pet/oneOf`); a site's `at` is that path within its component, URI-encoded. */
export function unionsByPointer(sites: readonly DiscriminatorSite[]): Map<string, DiscriminatorSite> {
  return new Map(
    sites.map((site) => [
      `${COMPONENT_PREFIX}${pointer.escape(site.model)}${decodeURIComponent(site.at.slice(1))}`,
      site,
    ]),
  );
}

/**
 * Rewrites one model's schema for json-schema-to-typescript, with every name from the NamePlan:
 * - `$ref` to a component → `tsType: <its type name>` (+ an import); siblings such as description stay;
 * - a `$ref` into a component (`#/components/schemas/Account/properties/category`) → its nested
 *   type, declared in that component's file (`AccountCategory`), imported elsewhere;
 * - an inline schema with a title (an object, enum or composition) → its nested type, declared in
 *   this file; titles of plain scalars are dropped (inlined);
 * - oneOf/anyOf of a discriminated union (the IR's): each component branch gets
 *   `& { <prop>: <its tags> }`;
 * - read types (entity, model) lose writeOnly properties, write types (create, update) readOnly ones.
 */
export function prepareModel(model: ModelIR, ctx: PrepareContext): PreparedModel {
  return new Preparer(model, ctx).run();
}

class Preparer {
  private readonly self: ModelName;
  private readonly drop: 'readOnly' | 'writeOnly';
  private readonly hoisted: Declaration[] = [];
  private readonly declared = new Set<string>();
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
    const root = withoutTitle(this.schema(source, `${COMPONENT_PREFIX}${pointer.escape(this.model.name)}`, true));
    const description =
      typeof source.description === 'string'
        ? source.description
        : typeof source.title === 'string'
          ? source.title
          : undefined;
    // Targets in parts the walk left out (a stripped property) are still declared: others import them.
    for (const [at, nested] of this.ctx.nested)
      if (nested.by === 'ref' && nested.owner === this.model.name) this.target(at, nested.type);
    const schema = { ...root, title: this.self.ident, ...(description === undefined ? {} : { description }) };
    return { declarations: [{ name: this.self.ident, schema }, ...this.hoisted], imports: this.imports };
  }

  /** The schema at `at` (a model's or a ref target's root when `root`), prepared. */
  private schema(value: unknown, at: string, root = false): JsonObject {
    const nested = root ? undefined : this.ctx.nested.get(at);
    if (nested?.by === 'ref') return { ...annotations(value), tsType: this.target(at, nested.type) };
    if (value === false) return { tsType: 'never' };
    if (!isObject(value)) return { tsType: 'unknown' };
    if (typeof value.$ref === 'string') return this.ref(value);
    const out = this.keywords(value, at);
    if (Object.keys(out).every((k) => NOTES.has(k))) out.tsType = 'unknown';
    if (root || typeof out.title !== 'string') return out;
    if (!isNamedKind(out)) return withoutTitle(out);
    return { ...annotations(out), tsType: this.hoist(this.titledName(at, nested), () => out) };
  }

  /** Every keyword of an inline schema, its sub-schemas prepared. */
  private keywords(value: JsonObject, at: string): JsonObject {
    const out: JsonObject = {};
    const child = (v: unknown, ...keys: (string | number)[]) =>
      this.schema(v, `${at}/${keys.map((k) => pointer.escape(String(k))).join('/')}`);
    for (const [key, v] of Object.entries(value))
      if (!DROP.has(key) && !key.startsWith('x-')) this.keyword(out, key, v, value, child);
    if (Array.isArray(value.prefixItems) && !('items' in value)) out.additionalItems = { tsType: 'unknown' };
    if (isObject(value.properties) && Array.isArray(value.required))
      out.required = value.required.filter((n) => typeof n !== 'string' || n in (out.properties as JsonObject));
    for (const key of ['oneOf', 'anyOf']) {
      const union = this.ctx.unions.get(`${at}/${key}`);
      if (union && Array.isArray(value[key]))
        out[key] = tagBranches(value[key] as unknown[], out[key] as JsonObject[], union);
    }
    return out;
  }

  private keyword(
    out: JsonObject,
    key: string,
    v: unknown,
    value: JsonObject,
    child: (v: unknown, ...keys: (string | number)[]) => JsonObject,
  ): void {
    const map = (entries: [string, unknown][]) => Object.fromEntries(entries.map(([k, s]) => [k, child(s, key, k)]));
    if (key === 'properties' && isObject(v))
      out.properties = map(Object.entries(v).filter(([, s]) => !(isObject(s) && s[this.drop] === true)));
    else if (SCHEMA_MAPS.has(key) && isObject(v)) out[key] = map(Object.entries(v));
    else if (SCHEMA_LISTS.has(key) && Array.isArray(v)) out[key] = v.map((s, i) => child(s, key, i));
    else if (key === 'prefixItems' && Array.isArray(v)) out.items = v.map((s, i) => child(s, key, i));
    else if (key === 'items' && Array.isArray(value.prefixItems)) out.additionalItems = isObject(v) ? child(v, key) : v;
    else if (key === 'items' && Array.isArray(v)) out.items = v.map((s, i) => child(s, key, i));
    else if ((key === 'items' || ONE_SCHEMA.has(key)) && isObject(v)) out[key] = child(v, key);
    else setOwn(out, key, v);
  }

  /** A `$ref`: to a component, its type; into one, its nested type; anything else (a ref the
   * bundle would not leave in a schema) admits any value. */
  private ref(value: JsonObject): JsonObject {
    const notes = annotations(value);
    const component = refComponent(value);
    const model = component === undefined ? undefined : this.ctx.names.get(component);
    if (component !== undefined && model) return { ...notes, tsType: this.use(component, model.ident) };
    const at = refPointer(value.$ref as string);
    const target = at === undefined ? undefined : this.ctx.nested.get(at);
    if (target?.by === 'ref') return { ...notes, tsType: this.use(target.owner, target.type) };
    return { ...notes, tsType: 'unknown' };
  }

  /** The type name to write for a model's type or ref target, importing it when another file declares it. */
  private use(owner: string, name: string): string {
    if (owner === this.model.name) return name;
    const file = (this.ctx.names.get(owner) as ModelName).file;
    this.imports.set(file, (this.imports.get(file) ?? new Set()).add(name));
    return name;
  }

  private target(at: string, name: string): string {
    return this.hoist(name, () => this.schema(pointer.get(this.ctx.document, at), at, true));
  }

  /** The plan names every titled object, enum or composition; one it lacks is a planner bug. */
  private titledName(at: string, nested: NestedName | undefined): string {
    if (nested?.by !== 'title') throw new Error(`types: the NamePlan has no nested type at ${at}`);
    return nested.type;
  }

  /** A named declaration in this file, made once per name (identical titled sub-schemas share
   * one). The name is taken before the schema is built, so a schema that reaches itself refers
   * to its own name. */
  private hoist(name: string, build: () => JsonObject): string {
    if (this.declared.has(name)) return name;
    this.declared.add(name);
    this.hoisted.push({ name, schema: { ...withoutTitle(build()), title: name } });
    return name;
  }
}
