import { dirname, resolve } from 'node:path';
import type { SourceFile } from './yaml-file.ts';
import { ownPointerGet } from './own-keys.ts';
import type { SpecSources } from './spec-sources.ts';

/** Where a `$ref` written in one spec file leads: the file, the pointer inside it, the value. */
export interface RefTarget {
  file: SourceFile;
  pointer: string;
  value: unknown;
}

/** Every loaded file by absolute path; built once per SpecSources. */
const indexes = new WeakMap<SpecSources, Map<string, SourceFile>>();

function fileIndex(sources: SpecSources): Map<string, SourceFile> {
  let index = indexes.get(sources);
  if (!index) {
    const all = [sources.root, ...sources.schemas.map((s) => s.file), ...sources.paths, ...sources.referenced];
    index = new Map(all.map((f) => [resolve(f.path), f]));
    indexes.set(sources, index);
  }
  return index;
}

/** Follows a relative `$ref` (file part and/or fragment) among the loaded files; undefined when
 * it leads to no loaded file or no value. Remote refs are never followed. */
export function followRef(sources: SpecSources, from: SourceFile, ref: string): RefTarget | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || malformedRef(ref)) return undefined;
  const [filePart = '', fragment = ''] = ref.split('#');
  const file = filePart ? fileIndex(sources).get(resolve(dirname(from.path), decodeURI(filePart))) : from;
  if (!file) return undefined;
  const ptr = decodeURIComponent(fragment);
  const value = ownPointerGet(file.data, ptr);
  return value === undefined ? undefined : { file, pointer: ptr, value };
}

/** Why a `$ref` cannot even be decoded (a `%` not followed by a valid UTF-8 percent-encoding, or a
 * fragment that is not a JSON pointer), or undefined when it can. */
export function malformedRef(ref: string): string | undefined {
  const [filePart = '', fragment = '', ...more] = ref.split('#');
  if (more.length > 0) return 'it has more than one #';
  try {
    decodeURI(filePart);
    decodeURIComponent(fragment);
  } catch {
    return 'its percent-encoding is malformed (each % must start a valid UTF-8 escape such as %20)';
  }
  const ptr = decodeURIComponent(fragment);
  if (ptr !== '' && !ptr.startsWith('/'))
    return 'its fragment is not a JSON pointer (anchors such as #name are not followed: write #/…)';
  return undefined;
}
