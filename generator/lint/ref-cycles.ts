import pointer from 'json-pointer';
import type { Diagnostic } from '../diagnostics.ts';
import { followRef } from '../source/refs.ts';
import { ownPointerGet } from '../source/own-keys.ts';
import { isObject } from '../source/schema-walk.ts';
import type { SpecSources } from '../source/spec-sources.ts';
import type { SourceFile } from '../source/yaml-file.ts';

/** Keywords that apply their subschemas to the same value: a `$ref` cycle through only these
 * never reaches a smaller part of the value. */
const IN_PLACE_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const IN_PLACE_ONE = ['not', 'if', 'then', 'else'] as const;

interface SchemaAt {
  file: SourceFile;
  pointer: string;
}

/** `$ref` cycles that never pass through a property, an item or another part of the value (A is
 * allOf [B], B is allOf [A]). JSON Schema 2020-12 (§9.4.1) leaves their meaning undefined:
 * validating one recurses forever, and TypeScript cannot type it (TS2456). Every other cycle
 * (self, mutual, through arrays, or through allOf/anyOf/oneOf and then a property) generates. Each
 * cycle is reported once, at the `$ref` that closes it. Iterative, so no nesting overflows it. */
export function unguardedRefCycles(sources: SpecSources): Diagnostic[] {
  const starts: SchemaAt[] = sources.schemas.map((s) => ({ file: s.file, pointer: '' }));
  const rootSchemas =
    isObject(sources.root.data) &&
    isObject(sources.root.data.components) &&
    isObject(sources.root.data.components.schemas)
      ? sources.root.data.components.schemas
      : {};
  for (const name of Object.keys(rootSchemas))
    starts.push({ file: sources.root, pointer: `/components/schemas/${pointer.escape(name)}` });
  const done = new Set<string>();
  const reported = new Set<string>();
  const problems: Diagnostic[] = [];
  for (const start of starts) {
    // Depth-first with an explicit path: a ref back into the path is a cycle.
    const path: { key: string; label: string; next: { at: SchemaAt; refAt: string }[] }[] = [];
    const enter = (at: SchemaAt) => path.push({ key: keyOf(at), label: labelOf(at), next: inPlaceRefs(sources, at) });
    if (done.has(keyOf(start))) continue;
    enter(start);
    while (path.length > 0) {
      const top = path[path.length - 1] as (typeof path)[number];
      const step = top.next.shift();
      if (!step) {
        done.add(top.key);
        path.pop();
        continue;
      }
      const key = keyOf(step.at);
      const back = path.findIndex((p) => p.key === key);
      if (back >= 0) {
        const cycle = [...path.slice(back).map((p) => p.label), labelOf(step.at)];
        const id = [...cycle].slice(0, -1).sort().join('|');
        if (!reported.has(id)) {
          reported.add(id);
          const from = fileOfKey(sources, top.key);
          const line = from?.lineOf(step.refAt);
          problems.push({
            code: 'ref-cycle',
            severity: 'error',
            message: `$ref cycle with no property or item in between: ${cycle.join(' → ')}. Validating it never ends (JSON Schema 2020-12 §9.4.1) and no type can express it: let one step go through a property or array item`,
            file: from?.path ?? step.at.file.path,
            pointer: step.refAt,
            ...(line ? { line } : {}),
          });
        }
      } else if (!done.has(key)) enter(step.at);
    }
  }
  return problems;
}

function keyOf(at: SchemaAt): string {
  return `${at.file.path}#${at.pointer}`;
}

function labelOf(at: SchemaAt): string {
  const name = at.file.path.split(/[\\/]/).pop() ?? at.file.path;
  return at.pointer ? `${name}#${at.pointer}` : name;
}

function fileOfKey(sources: SpecSources, key: string): SourceFile | undefined {
  const path = key.slice(0, key.lastIndexOf('#'));
  return [sources.root, ...sources.schemas.map((s) => s.file), ...sources.paths, ...sources.referenced].find(
    (f) => f.path === path,
  );
}

/** The schemas a schema's `$ref`s lead to while staying on the same value: its own `$ref` and
 * those inside allOf/anyOf/oneOf/not/if/then/else (followed through nested in-place keywords). */
function inPlaceRefs(sources: SpecSources, at: SchemaAt): { at: SchemaAt; refAt: string }[] {
  const found: { at: SchemaAt; refAt: string }[] = [];
  const stack: { node: unknown; ptr: string }[] = [{ node: valueAt(at), ptr: at.pointer }];
  while (stack.length > 0) {
    const { node, ptr } = stack.pop() as { node: unknown; ptr: string };
    if (!isObject(node)) continue;
    if (typeof node.$ref === 'string') {
      const target = followRef(sources, at.file, node.$ref);
      if (target) found.push({ at: { file: target.file, pointer: target.pointer }, refAt: `${ptr}/$ref` });
    }
    for (const key of IN_PLACE_LISTS)
      if (Array.isArray(node[key]))
        (node[key] as unknown[]).forEach((s, i) => stack.push({ node: s, ptr: `${ptr}/${key}/${i}` }));
    for (const key of IN_PLACE_ONE) if (isObject(node[key])) stack.push({ node: node[key], ptr: `${ptr}/${key}` });
  }
  return found;
}

function valueAt(at: SchemaAt): unknown {
  return ownPointerGet(at.file.data, at.pointer);
}
