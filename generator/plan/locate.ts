import { dirname, resolve } from 'node:path';
import pointer from 'json-pointer';
import type { OperationIR } from '../ir/model.ts';
import type { SpecSources } from '../source/spec-sources.ts';
import type { SourceFile } from '../source/yaml-file.ts';
import { isObject } from '../source/schema-walk.ts';

/** The files a diagnostic about an operation may point into: the root and the path-item files. */
export type OperationSources = Pick<SpecSources, 'root' | 'paths'>;

/** Where an operation's `key` is written: in the root document, or in the path-item file the
 * root's `paths` entry refers to (`$ref: paths/accounting/invoices.yaml#/item`). */
export function operationSource(
  sources: OperationSources,
  op: Pick<OperationIR, 'path' | 'method'>,
  key: string,
): { file: SourceFile; pointer: string } {
  const inRoot = pointer.compile(['paths', op.path, op.method, key]);
  const paths = isObject(sources.root.data) && isObject(sources.root.data.paths) ? sources.root.data.paths : {};
  const item = Object.hasOwn(paths, op.path) ? paths[op.path] : undefined;
  const ref = isObject(item) && typeof item.$ref === 'string' ? item.$ref : undefined;
  if (!ref || ref.startsWith('#')) return { file: sources.root, pointer: inRoot };
  const [target = '', fragment = ''] = ref.split('#');
  const wanted = resolve(dirname(sources.root.path), target);
  const file = sources.paths.find((f) => resolve(f.path) === wanted);
  if (!file) return { file: sources.root, pointer: inRoot };
  return { file, pointer: `${decodeURIComponent(fragment)}${pointer.compile([op.method, key])}` };
}
