import pointer from 'json-pointer';
import { DiagnosticError, type Diagnostic } from '../diagnostics.ts';
import { ownPointerGet } from '../source/own-keys.ts';
import { isObject, type JsonObject } from '../source/schema-walk.ts';
import type { SpecSources } from '../source/spec-sources.ts';
import { documentAjv, modelKey } from './document-ajv.ts';

/* Ajv refuses some schemas when it compiles them (strict mode: an unknown keyword, a keyword value
 * of the wrong type, `nullable` without `type`), with a bare message: no file, no pointer. The spec
 * checks catch what they know of before; whatever still reaches Ajv is turned here into
 * diagnostics at the schema that fails, never a stack trace. Run only after a failure, so a spec
 * that compiles pays nothing for it. */

/** The error a stage threw while compiling schemas of `document`, as a DiagnosticError naming each
 * schema Ajv refuses (file, line, pointer, Ajv's message); the error itself when no schema of the
 * document fails to compile on its own (then it was not the input's fault). */
export function asCompileProblems(error: unknown, document: JsonObject, sources: SpecSources): unknown {
  if (error instanceof DiagnosticError) return error;
  let found: CompileProblem[];
  try {
    found = schemaCompileProblems(document);
  } catch {
    return error; // the search failed too: the first failure is the one to report
  }
  const problems = found.map((p) => diagnosticAt(sources, p.pointer, p.message));
  return problems.length > 0 ? new DiagnosticError(problems) : error;
}

export interface CompileProblem {
  /** Pointer into the bundled, normalized document. */
  pointer: string;
  message: string;
}

/** Every schema Ajv refuses, each at the deepest subschema that fails with the same message on
 * its own (refs left out, so a broken target is reported once, at itself); then, when none does,
 * each component schema whose compilation with its refs fails (a ref Ajv cannot resolve). */
export function schemaCompileProblems(document: JsonObject): CompileProblem[] {
  const ajv = documentAjv(document);
  const alone = (schema: unknown) => compileError(() => ajv.compile(withoutRefs(schema) as JsonObject));
  const own = schemaRoots(document).flatMap(({ at, schema }) => deepestFailure(schema, at, alone) ?? []);
  if (own.length > 0) return own;
  const components =
    isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  return Object.keys(components).flatMap((name) => {
    const message = compileError(() => ajv.getSchema(modelKey(name)));
    return message === undefined ? [] : [{ pointer: pointer.compile(['components', 'schemas', name]), message }];
  });
}

function compileError(compile: () => unknown): string | undefined {
  try {
    compile();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Component schemas, and every `schema` of a parameter, header or media type anywhere else. */
function schemaRoots(document: JsonObject): { at: string; schema: unknown }[] {
  const roots: { at: string; schema: unknown }[] = [];
  const components = isObject(document.components) ? document.components : {};
  if (isObject(components.schemas))
    for (const [name, schema] of Object.entries(components.schemas))
      roots.push({ at: pointer.compile(['components', 'schemas', name]), schema });
  const stack: { node: unknown; at: string }[] = [{ node: document, at: '' }];
  while (stack.length > 0) {
    const { node, at } = stack.pop() as { node: unknown; at: string };
    if (!isObject(node) && !Array.isArray(node)) continue;
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${pointer.escape(key)}`;
      if (here === '/components/schemas' || key === 'example' || key === 'examples') continue;
      if (key === 'schema' && isObject(value)) roots.push({ at: here, schema: value });
      else stack.push({ node: value, at: here });
    }
  }
  return roots;
}

/** The subschemas a schema keyword holds, with their pointers relative to the schema. */
function subschemas(schema: JsonObject): { at: string; schema: unknown }[] {
  const out: { at: string; schema: unknown }[] = [];
  for (const [key, value] of Object.entries(schema)) {
    const here = `/${pointer.escape(key)}`;
    if (MAPS.has(key) && isObject(value))
      for (const [name, sub] of Object.entries(value)) out.push({ at: `${here}/${pointer.escape(name)}`, schema: sub });
    else if (LISTS.has(key) && Array.isArray(value))
      value.forEach((sub, i) => out.push({ at: `${here}/${i}`, schema: sub }));
    else if (ONE.has(key)) out.push({ at: here, schema: value });
  }
  return out;
}

const MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const ONE = new Set([
  ...['items', 'additionalProperties', 'unevaluatedProperties', 'unevaluatedItems', 'contains'],
  ...['propertyNames', 'not', 'if', 'then', 'else', 'contentSchema'],
]);

/** The deepest place under `schema` that fails to compile with the message the whole does. */
function deepestFailure(
  schema: unknown,
  at: string,
  alone: (schema: unknown) => string | undefined,
): CompileProblem | undefined {
  const message = alone(schema);
  if (message === undefined) return undefined;
  // The meta-schema names the keyword itself: `schema is invalid: data/properties/a/minimum must be number`.
  // Only the first of Ajv's errors (the meta-schema reports one mistake up to three ways).
  const invalid = /^schema is invalid: data(\/[^ ,]*) (.*?)(?:, data\/.*)?$/.exec(message);
  if (invalid) {
    const [, path = '', rule] = invalid;
    const found = JSON.stringify(ownPointerGet(schema, path)) ?? 'nothing';
    return { pointer: `${at}${path}`, message: `${path.split('/').at(-1)} ${rule}, found ${found.slice(0, 80)}` };
  }
  let found: CompileProblem = { pointer: at, message };
  // Breadth by depth, one path: the first child failing the same way is followed down.
  for (let node = schema; isObject(node);) {
    const next = subschemas(node).find((child) => alone(child.schema) === message);
    if (!next) break;
    found = { pointer: `${found.pointer}${next.at}`, message };
    node = next.schema;
  }
  return found;
}

/** A copy without `$ref`/`$dynamicRef`: each target is checked as a schema of its own. */
function withoutRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRefs);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== '$ref' && key !== '$dynamicRef')
      .map(([key, v]) => [key, DATA.has(key) ? v : withoutRefs(v)]),
  );
}

const DATA = new Set(['examples', 'example', 'enum', 'const', 'default']);

/** A diagnostic at the spec file the pointer is written in, when the root file holds it (a
 * one-file spec; the nearest line written for a place normalize reshaped), else at the root file
 * with the bundled document's pointer. */
function diagnosticAt(sources: SpecSources, at: string, message: string): Diagnostic {
  const tokens = pointer.parse(at);
  let line: number | undefined;
  for (let n = tokens.length; n >= 0 && line === undefined; n--) {
    const prefix = pointer.compile(tokens.slice(0, n));
    if (ownPointerGet(sources.root.data, prefix) !== undefined) line = sources.root.lineOf(prefix);
  }
  return {
    code: 'schema-compile',
    severity: 'error',
    file: sources.root.path,
    pointer: at,
    ...(line ? { line } : {}),
    message: `JSON Schema validators cannot be compiled from this schema: ${message}`,
  };
}
