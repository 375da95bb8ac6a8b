import pointer from 'json-pointer';
import { isObject, type JsonObject } from '../source/schema-walk.ts';
import type { OperationRef } from './model.ts';

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation of a bundled document, with where it lives. */
export interface OperationSite {
  ref: OperationRef;
  /** Method and path with path parameters unnamed: `/a/{id}` and `/a/{a_id}` are one URL. */
  key: string;
  pointer: string;
  operation: JsonObject;
  pathItem: JsonObject;
  pathPointer: string;
}

/** An operation present on both sides. */
export interface OperationPair {
  base: OperationSite;
  head: OperationSite;
}

export function operationSites(document: JsonObject): Map<string, OperationSite> {
  const paths = isObject(document.paths) ? document.paths : {};
  const sites = new Map<string, OperationSite>();
  for (const path of Object.keys(paths).sort()) {
    const pathItem = paths[path];
    if (!isObject(pathItem)) continue;
    const pathPointer = `/paths/${pointer.escape(path)}`;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const ref: OperationRef = {
        method: method.toUpperCase(),
        path,
        ...(typeof operation.operationId === 'string' ? { operationId: operation.operationId } : {}),
      };
      const key = `${method} ${path.replace(/\{[^}]*\}/g, '{}')}`;
      sites.set(key, { ref, key, pointer: `${pathPointer}/${method}`, operation, pathItem, pathPointer });
    }
  }
  return sites;
}

export function describeOperation(ref: OperationRef): string {
  return `${ref.method} ${ref.path}`;
}
