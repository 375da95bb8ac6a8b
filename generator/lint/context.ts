import pointer from 'json-pointer';
import type { Diagnostic } from '../diagnostics.ts';
import { entitySources, type EntitySource } from '../source/entities.ts';
import { followRef } from '../source/refs.ts';
import { isObject, type JsonObject } from '../source/schema-walk.ts';
import type { SpecSources } from '../source/spec-sources.ts';
import type { SourceFile } from '../source/yaml-file.ts';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { schemaRegistry } from '../validation/schema-registry.ts';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation of the spec, located in the file that defines it. */
export interface OperationSite {
  url: string;
  method: string;
  operation: JsonObject;
  /** Parameters of the path item, which the operation inherits. */
  pathParameters: unknown[];
  file: SourceFile;
  pointer: string;
}

/** What every rule sees: the loaded sources, the entities and the operations, plus a way to
 * make a diagnostic that knows its line. */
export interface LintContext {
  sources: SpecSources;
  entities: EntitySource[];
  operations: OperationSite[];
  diagnostic(code: string, file: SourceFile, ptr: string, message: string): Diagnostic;
  /** The value behind a `$ref` (followed repeatedly), or the value itself. */
  deref(file: SourceFile, value: unknown): { file: SourceFile; value: unknown };
  /** For a rule's slow pure part (the example rules' compile): generate's memo, else none. */
  memo: LintMemo;
  /** Every schema file in one Ajv by its `$id` (schemaRegistry), made on first use and shared by
   * the rules that check examples. */
  registry(): Ajv2020;
}

/** What `generate` passes as its memo (cache/memo.ts), as lint sees it: lint does not depend on
 * the cache layer, only on this shape. */
export interface LintMemo {
  sync(area: string, parts: readonly string[], compute: () => string): string;
}

/** Outside `generate`: every answer is computed. */
export const NO_LINT_MEMO: LintMemo = { sync: (_area, _parts, compute) => compute() };

export function lintContext(sources: SpecSources, memo: LintMemo = NO_LINT_MEMO): LintContext {
  let registry: Ajv2020 | undefined;
  const deref = (file: SourceFile, value: unknown) => {
    for (let hops = 0; hops < 20 && isObject(value) && typeof value.$ref === 'string'; hops++) {
      const target = followRef(sources, file, value.$ref);
      if (!target) break;
      ({ file, value } = { file: target.file, value: target.value });
    }
    return { file, value };
  };
  return {
    sources,
    entities: entitySources(sources),
    operations: operationSites(sources),
    deref,
    memo,
    registry: () => (registry ??= schemaRegistry(sources)),
    diagnostic: (code, file, ptr, message) => {
      const line = file.lineOf(ptr);
      return { code, severity: 'error', message, file: file.path, pointer: ptr, ...(line ? { line } : {}) };
    },
  };
}

/** The operations under the root `paths`, following path items that live in other files. */
function operationSites(sources: SpecSources): OperationSite[] {
  const { root } = sources;
  const paths = isObject(root.data) && isObject(root.data.paths) ? root.data.paths : {};
  return Object.entries(paths).flatMap(([url, item]) => {
    let file = root;
    let at = `/paths/${pointer.escape(url)}`;
    let value: unknown = item;
    if (isObject(item) && typeof item.$ref === 'string') {
      const target = followRef(sources, root, item.$ref);
      if (!target) return [];
      ({ file, value } = { file: target.file, value: target.value });
      at = target.pointer;
    }
    if (!isObject(value)) return [];
    const pathParameters = Array.isArray(value.parameters) ? value.parameters : [];
    return HTTP_METHODS.flatMap((method) => {
      const operation = value[method];
      return isObject(operation) ? [{ url, method, operation, pathParameters, file, pointer: `${at}/${method}` }] : [];
    });
  });
}
