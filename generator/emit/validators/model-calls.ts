import type { KeywordCxt, KeywordDefinition } from 'ajv/dist/2020.js';
import { _, getProperty, Name, type Code } from 'ajv/dist/compile/codegen/index.js';
import { callRef } from 'ajv/dist/vocabularies/core/ref.js';
import { refComponent, refPointer } from '../../ir/refs.ts';
import pointer from 'json-pointer';
import { ownPointerGet, setOwn } from '../../source/own-keys.ts';
import { byCodeUnit } from '../../source/compare.ts';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { rebuildSchema, schemaChildren } from '../../source/sub-schemas.ts';
import type { ValidatorExports } from '../../validation/schemas-stamp.ts';

/* A `$ref` to a model can be compiled as a call to that model's validator, by its export name in
 * generated/validators/standalone.js, instead of compiling the model again where it is referenced:
 * - the server's validators (server/validators.js) import the model validators. They are compiled
 *   with Ajv's `useDefaults` (a validated query gets `limit=50`) and the model validators without
 *   (`isInvoice(x)` must not change x), so only a model whose schema, and every schema it reaches,
 *   has no `default` validates the same either way; the others are compiled there;
 * - standalone.js compiles each model on its own (model-chunks.ts) and calls its siblings.
 * Such a `$ref` becomes the keyword below, whose code is the call Ajv makes for a `$ref`
 * (`callRef`) to the model's validator. */

/** The keyword a delegated `$ref` becomes: `{ "x-ledgerspec-model": "Invoice" }`. */
export const MODEL_CALL = 'x-ledgerspec-model';
/** The model validators, from generated/server/validators.js. */
const MODELS_MODULE = '../validators/standalone.js';

/** Keywords that make a validator depend on what its callees evaluated, or on dynamic scope:
 * in a document that has any, nothing is delegated (a call could not report what it evaluated). */
export const CONTEXT_KEYWORDS = new Set(['unevaluatedProperties', 'unevaluatedItems', '$dynamicRef', '$recursiveRef']);

/** Whether any schema uses a keyword whose result depends on what a callee evaluated, or on
 * dynamic scope: then no `$ref` may become a call. */
export function usesContextKeywords(schemas: JsonObject): boolean {
  return Object.values(schemas).some((schema) => schemaFacts(schema).contextual);
}

/** Components the server may call instead of compiling: exported model validators whose schema
 * reaches no `default` (and none at all in a document with context-dependent keywords). */
export function delegatedModels(schemas: JsonObject, exports: ValidatorExports): Set<string> {
  const facts = new Map(Object.entries(schemas).map(([name, schema]) => [name, schemaFacts(schema)]));
  if ([...facts.values()].some((f) => f.contextual)) return new Set();
  const reachesDefault = new Map<string, boolean>();
  const visit = (name: string, path: Set<string>): boolean => {
    const known = reachesDefault.get(name);
    if (known !== undefined) return known;
    const own = facts.get(name);
    if (!own) return true; // a ref to no component: keep it compiled here
    if (path.has(name)) return own.hasDefault; // a cycle: its members' own defaults decide
    path.add(name);
    const result = own.hasDefault || [...own.refs].some((ref) => visit(ref, path));
    path.delete(name);
    reachesDefault.set(name, result);
    return result;
  };
  return new Set([...facts.keys()].filter((name) => exports.has(name) && !visit(name, new Set())));
}

interface SchemaFacts {
  hasDefault: boolean;
  contextual: boolean;
  refs: Set<string>;
}

function schemaFacts(schema: unknown): SchemaFacts {
  const facts: SchemaFacts = { hasDefault: false, contextual: false, refs: new Set() };
  const walk = (node: unknown) => {
    if (!isObject(node)) return;
    if ('default' in node) facts.hasDefault = true;
    if (Object.keys(node).some((key) => CONTEXT_KEYWORDS.has(key))) facts.contextual = true;
    const target = refComponent(node);
    if (target !== undefined) facts.refs.add(target);
    // A ref into part of a schema: where it leads is not followed here, so assume a default.
    else if (typeof node.$ref === 'string') facts.hasDefault = true;
    for (const [, child] of schemaChildren(node, { everywhere: true })) walk(child);
  };
  walk(schema);
  return facts;
}

/** `schema` with every `$ref` to a delegated component replaced by the model-call keyword. */
export function withModelCalls(schema: unknown, delegated: ReadonlySet<string>): unknown {
  if (!isObject(schema)) return schema;
  const target = refComponent(schema);
  const call = target !== undefined && delegated.has(target);
  return rebuildSchema(
    schema,
    (sub) => withModelCalls(sub, delegated),
    (key, value) => (key === '$ref' && call ? [MODEL_CALL, target] : [key, value]),
  );
}

/** The components.schemas that `roots` still reach through `$ref`s once refs to `called` models
 * are calls: a component whole for a ref to it, only the part a pointer names for a ref into one
 * (`#/components/schemas/Account/properties/category`), each with its own refs made calls too. What
 * a compile over `roots` reads, and so what its cache key must hold. */
export function reachedComponents(roots: unknown[], schemas: JsonObject, called: ReadonlySet<string>): JsonObject {
  const whole = new Map<string, unknown>();
  const parts = new Map<string, { name: string; path: string[]; schema: unknown }>();
  const visit = (node: unknown): void => {
    for (const ref of refsIn(node)) {
      const at = refPointer(ref);
      const match = at === undefined ? undefined : /^\/components\/schemas\/([^/]+)(\/.*)?$/.exec(at);
      if (!match) continue;
      const name = pointer.unescape(match[1] as string);
      if (!Object.hasOwn(schemas, name)) continue;
      const rest = match[2];
      if (rest === undefined && !whole.has(name)) {
        whole.set(name, withModelCalls(schemas[name], called));
        visit(whole.get(name));
      } else if (rest !== undefined && !parts.has(at as string)) {
        const target = ownPointerGet(schemas[name], rest);
        if (target === undefined) continue;
        parts.set(at as string, { name, path: pointer.parse(rest), schema: withModelCalls(target, called) });
        visit(parts.get(at as string)?.schema);
      }
    }
  };
  roots.forEach(visit);
  const reached: JsonObject = {};
  for (const name of [...whole.keys()].sort()) setOwn(reached, name, whole.get(name));
  for (const [at, { name, path, schema }] of [...parts].sort(([a], [b]) => byCodeUnit(a, b)))
    if (!whole.has(name)) setAlong(reached, [name, ...path], schema, at);
  return reached;
}

/** Every `$ref` at a schema position under `node`. */
function refsIn(node: unknown): string[] {
  if (!isObject(node)) return [];
  const own = typeof node.$ref === 'string' ? [node.$ref] : [];
  return [...own, ...schemaChildren(node, { everywhere: true }).flatMap(([, child]) => refsIn(child))];
}

/** Sets `value` at `path`, making plain objects on the way (pointer lookups read arrays and
 * objects alike); a part inside a part already there is left to it. */
function setAlong(target: JsonObject, path: string[], value: unknown, at: string): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!Object.hasOwn(node, key)) setOwn<unknown>(node, key, {});
    const next = node[key];
    if (!isObject(next)) throw new Error(`validators: ${at} passes through a value that is not an object`);
    node = next;
  }
  const last = path[path.length - 1] as string;
  if (!Object.hasOwn(node, last)) setOwn<unknown>(node, last, value);
}

/** What a model validator is said to have evaluated: everything (what Ajv reads only for
 * unevaluated* keywords, which a document with model calls does not have). */
const EVALUATED_ALL = {
  validate: { evaluated: { props: true, items: true, dynamicProps: false, dynamicItems: false } },
};

/** The code naming the validator of a model, by its export name. */
export type CalleeCode = (cxt: KeywordCxt, exported: string) => Code;

/** server/validators.js: imported from standalone.js (a top-level const of the module). */
export const importedModel: CalleeCode = (cxt, exported) =>
  cxt.gen.scopeValue('func', {
    key: exported,
    ref: acceptAll,
    code: _`require(${MODELS_MODULE})${getProperty(exported)}`,
  });

/** The module-level name standalone.js gives a model's validator before exporting it under the
 * model's own name (model-chunks.ts): Ajv names nothing with this prefix, so a chunk's own names
 * never hide a sibling. */
export function siblingName(exported: string): string {
  return `__model_${exported}`;
}

/** standalone.js: a sibling's validator, read when the call is made (every chunk is defined by then,
 * in whatever order the module defines them). */
export const siblingModel: CalleeCode = (_cxt, exported) => _`${new Name(siblingName(exported))}`;

/** The keyword's definition: the code of Ajv's own `$ref` call, to the model's validator. */
export function modelCallKeyword(exports: ValidatorExports, callee: CalleeCode): KeywordDefinition {
  return {
    keyword: MODEL_CALL,
    schemaType: 'string',
    code(cxt: KeywordCxt) {
      const model = cxt.schema as string;
      const exported = exports.get(model);
      if (exported === undefined) throw new Error(`validators: no model validator for ${model}`);
      callRef(cxt, callee(cxt, exported), EVALUATED_ALL as never, false);
    },
  };
}

/** Stands in for a model validator while Ajv compiles (only the code above reaches the output). */
function acceptAll(): boolean {
  return true;
}
