import { relative } from 'node:path';
import pointer from 'json-pointer';
import { followRef } from '../source/refs.ts';
import { isObject, type JsonObject } from '../source/schema-walk.ts';
import { toPosix, type SpecSources } from '../source/spec-sources.ts';
import type { SourceFile } from '../source/yaml-file.ts';
import type { SourceLocation } from './model.ts';

/** Maps a pointer into the bundled document back to the spec file it came from, undoing what
 * the bundle stage did: a schema file became `/components/schemas/<title>` (and its derived
 * `<title>Create`/`<title>Update`), a path file's item was inlined under `/paths/<url>`. */
export function sourceOf(sources: SpecSources, at: string): SourceLocation {
  const tokens = pointer.parse(at);
  const root = sources.root.data as JsonObject;
  if (tokens[0] === 'components' && tokens[1] === 'schemas' && tokens[2] !== undefined) {
    const file = schemaFile(sources, tokens[2]);
    if (file) return locate(sources, file, pointer.compile(tokens.slice(3)));
  }
  if (tokens[0] === 'paths' && tokens[1] !== undefined) {
    const item = isObject(root.paths) ? root.paths[tokens[1]] : undefined;
    const target =
      isObject(item) && typeof item.$ref === 'string' ? followRef(sources, sources.root, item.$ref) : undefined;
    if (target) return locate(sources, target.file, `${target.pointer}${pointer.compile(tokens.slice(2))}`);
  }
  return locate(sources, sources.root, at);
}

function schemaFile(sources: SpecSources, name: string): SourceFile | undefined {
  const byTitle = (title: string) => sources.schemas.find((s) => (s.file.data as JsonObject).title === title)?.file;
  return byTitle(name) ?? byTitle(name.replace(/(Create|Update)$/, ''));
}

function locate(sources: SpecSources, file: SourceFile, at: string): SourceLocation {
  const line = file.lineOf(at);
  return { file: toPosix(relative(sources.dir, file.path)), pointer: at, ...(line ? { line } : {}) };
}
