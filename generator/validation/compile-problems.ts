import pointer from 'json-pointer';
import { DiagnosticError, type Diagnostic } from '../diagnostics.ts';
import { ownPointerGet } from '../source/own-keys.ts';
import { isObject, type JsonObject } from '../source/schema-walk.ts';
import type { SpecSources } from '../source/spec-sources.ts';
import { schemaChildren } from '../source/sub-schemas.ts';
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

/** The subschemas a schema holds (source/sub-schemas.ts, definitions included), with their
 * pointers relative to the schema. */
function subschemas(schema: JsonObject): { at: string; schema: unknown }[] {
  return schemaChildren(schema, { everywhere: true }).map(([path, sub]) => ({
    at: path.map((token) => `/${pointer.escape(token)}`).join(''),
    schema: sub,
  }));
}

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

/** A copy without `$ref`/`$dynamicRef` at any schema position: each target is checked as a schema
 * of its own. Values that are data (an example, a default) are kept as they are, even when they
 * hold a `$ref` key; a property named `default` is a schema like any other. */
function withoutRefs(value: unknown): unknown {
  if (!isObject(value)) return value;
  const { $ref: _ref, $dynamicRef: _dynamicRef, ...copy } = value;
  for (const [[key, member], sub] of schemaChildren(value, { everywhere: true }) as [[string, string?], unknown][]) {
    if (member === undefined) copy[key] = withoutRefs(sub);
    else copy[key] = withMember(copy[key] === value[key] ? undefined : copy[key], value[key], member, withoutRefs(sub));
  }
  return copy;
}

/** `container` (a copy made earlier, or else a fresh copy of `original`) with `member` set. */
function withMember(container: unknown, original: unknown, member: string, sub: unknown): unknown {
  const copy = container ?? (Array.isArray(original) ? [...original] : { ...(original as JsonObject) });
  (copy as Record<string, unknown>)[member] = sub;
  return copy;
}

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
