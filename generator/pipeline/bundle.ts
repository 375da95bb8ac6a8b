import pointer from 'json-pointer';
import { DiagnosticError, type Diagnostic } from '../diagnostics.ts';
import { followRef, malformedRef, type RefTarget } from '../source/refs.ts';
import { isObject, type JsonObject } from '../source/schema-walk.ts';
import type { SpecSources } from '../source/spec-sources.ts';
import type { SourceFile } from '../source/yaml-file.ts';

/** Stage 2: one self-contained OpenAPI document. Each schema file becomes
 * `#/components/schemas/<its title>` (names from identity, never from the order refs are met),
 * path items are inlined, and every `$ref` is rewritten to a local pointer. `$id`/`$schema` are
 * dropped from components: inside a schema with an `$id`, `#/components/...` would resolve
 * against that id instead of the document. Every dangling `$ref` is reported, not just the first. */
export function bundleSpec(sources: SpecSources): JsonObject {
  const problems: Diagnostic[] = [];
  const titles = new Map(sources.schemas.map((s) => [s.file, String((s.file.data as JsonObject).title)]));
  const rewrite = (file: SourceFile, value: unknown, at: string): unknown =>
    rewriteRefs(value, at, (ref, refAt) => {
      const target = followRef(sources, file, ref);
      if (!target || target.file === undefined) {
        problems.push(danglingRef(file, refAt, ref));
        return ref;
      }
      return localRef(titles, target);
    });
  const root = sources.root.data as JsonObject;
  const paths = Object.fromEntries(
    Object.entries(isObject(root.paths) ? root.paths : {}).map(([url, item]) => [
      url,
      inlinePathItem(sources, url, item, rewrite, problems),
    ]),
  );
  const components = isObject(root.components) ? root.components : {};
  const schemas = componentSchemas(sources, titles, components, rewrite);
  const bundled = {
    ...(rewrite(sources.root, root, '') as JsonObject),
    paths,
    components: { ...(rewrite(sources.root, components, '/components') as JsonObject), schemas },
  };
  if (problems.length) throw new DiagnosticError(problems);
  return bundled;
}

type Rewrite = (file: SourceFile, value: unknown, at: string) => unknown;

/** The root's own component schemas (inline ones, as a single-file spec has them) plus one per
 * schema file under its title; a root entry that only points at a schema file gives way to it. */
function componentSchemas(
  sources: SpecSources,
  titles: Map<SourceFile, string>,
  components: JsonObject,
  rewrite: Rewrite,
): JsonObject {
  const inline = Object.entries(isObject(components.schemas) ? components.schemas : {}).filter(([, s]) => {
    const target = isObject(s) && typeof s.$ref === 'string' ? followRef(sources, sources.root, s.$ref) : undefined;
    return !(target && titles.has(target.file) && target.pointer === '');
  });
  const fromRoot = inline.map(([name, s]) => [
    name,
    rewrite(sources.root, s, `/components/schemas/${pointer.escape(name)}`),
  ]);
  const fromFiles = sources.schemas.map(({ file }) => [
    titles.get(file) as string,
    withoutIdentity(rewrite(file, file.data, '') as JsonObject),
  ]);
  return Object.fromEntries([...fromRoot, ...fromFiles]);
}

function inlinePathItem(
  sources: SpecSources,
  url: string,
  item: unknown,
  rewrite: Rewrite,
  problems: Diagnostic[],
): unknown {
  const at = `/paths/${pointer.escape(url)}`;
  if (!isObject(item) || typeof item.$ref !== 'string') return rewrite(sources.root, item, at);
  const target = followRef(sources, sources.root, item.$ref);
  if (!target) {
    problems.push(danglingRef(sources.root, `${at}/$ref`, item.$ref));
    return item;
  }
  return rewrite(target.file, target.value, target.pointer);
}

/** A schema file's content lives under its component; the root's (and an inlined path file's)
 * pointers stay as they are. */
function localRef(titles: Map<SourceFile, string>, target: RefTarget): string {
  const title = titles.get(target.file);
  return title === undefined ? `#${target.pointer}` : `#/components/schemas/${title}${target.pointer}`;
}

function danglingRef(file: SourceFile, at: string, ref: string): Diagnostic {
  const line = file.lineOf(at);
  const malformed = malformedRef(ref);
  const message = malformed
    ? `$ref ${JSON.stringify(ref)} cannot be followed: ${malformed}`
    : `$ref ${JSON.stringify(ref)} leads to no file or value in the spec`;
  return { code: 'dangling-ref', severity: 'error', message, file: file.path, pointer: at, ...(line ? { line } : {}) };
}

/** A deep copy in which each `$ref` string is replaced by `replace(ref, pointerOfTheRef)`. */
function rewriteRefs(value: unknown, at: string, replace: (ref: string, at: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v, i) => rewriteRefs(v, `${at}/${i}`, replace));
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      const here = `${at}/${pointer.escape(key)}`;
      if (key === '$ref' && typeof v === 'string') return [key, replace(v, here)];
      if (key === 'examples' || key === 'example') return [key, v];
      return [key, rewriteRefs(v, here, replace)];
    }),
  );
}

function withoutIdentity(schema: JsonObject): JsonObject {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  return rest;
}
