import pointer from 'json-pointer';
import { DiagnosticError, type Diagnostic } from '../diagnostics.ts';
import { followRef, malformedRef, type RefTarget } from '../source/refs.ts';
import { isLoneRef, isMappingRef } from '../source/referenced-files.ts';
import { childPosition, ReferencedPlacer, withSiblings, type Placement, type Position } from './bundle-referenced.ts';
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
  const root = sources.root.data as JsonObject;
  const components = isObject(root.components) ? root.components : {};
  const rootSchemas = isObject(components.schemas) ? components.schemas : {};
  const placer = new ReferencedPlacer([...Object.keys(rootSchemas), ...titles.values()], problems);
  const referenced = new Set(sources.referenced);
  const rewrite: Rewrite = (file, value, at, position = 'openapi') =>
    rewriteRefs(value, at, position, (ref, refAt, refPosition) => {
      const target = followRef(sources, file, ref);
      if (!target || target.file === undefined) {
        problems.push(danglingRef(file, refAt, ref));
        return { ref };
      }
      if (referenced.has(target.file)) return placer.place(target, refPosition, rewrite, file, refAt);
      return { ref: localRef(titles, target) };
    });
  const aliases = referencedAliases(sources, rootSchemas, referenced);
  for (const [name, target] of aliases) placer.reserve(target, name);
  const paths = Object.fromEntries(
    Object.entries(isObject(root.paths) ? root.paths : {}).map(([url, item]) => [
      url,
      inlinePathItem(sources, url, item, rewrite, problems),
    ]),
  );
  const schemas = componentSchemas(sources, titles, components, rewrite, new Set(aliases.keys()));
  for (const [name, target] of aliases)
    placer.place(target, 'schema', rewrite, sources.root, `/components/schemas/${name}`);
  // paths and components are rewritten above: once, so each dangling ref is reported once.
  const { paths: _paths, components: _components, ...rest } = root;
  const bundled = {
    ...(rewrite(sources.root, rest, '') as JsonObject),
    paths,
    components: {
      ...(rewrite(sources.root, components, '/components') as JsonObject),
      schemas: { ...schemas, ...Object.fromEntries(placer.hoisted) },
    },
  };
  if (problems.length) throw new DiagnosticError(problems);
  return bundled;
}

/** Root component schemas that are only a `$ref` to a whole schema in a referenced file: the
 * schema is hoisted under the component's own name instead of behind an alias. */
function referencedAliases(
  sources: SpecSources,
  rootSchemas: JsonObject,
  referenced: Set<SourceFile>,
): Map<string, RefTarget> {
  const aliases = new Map<string, RefTarget>();
  for (const [name, schema] of Object.entries(rootSchemas)) {
    if (!isObject(schema) || typeof schema.$ref !== 'string' || Object.keys(schema).length !== 1) continue;
    const target = followRef(sources, sources.root, schema.$ref);
    if (target && referenced.has(target.file)) aliases.set(name, target);
  }
  return aliases;
}

type Rewrite = (file: SourceFile, value: unknown, at: string, position?: Position) => unknown;

/** The root's own component schemas (inline ones, as a single-file spec has them) plus one per
 * schema file under its title; a root entry that only points at a schema file gives way to it. */
function componentSchemas(
  sources: SpecSources,
  titles: Map<SourceFile, string>,
  components: JsonObject,
  rewrite: Rewrite,
  hoistedAliases: Set<string>,
): JsonObject {
  const inline = Object.entries(isObject(components.schemas) ? components.schemas : {}).filter(([name, s]) => {
    if (hoistedAliases.has(name)) return false;
    const target = isObject(s) && typeof s.$ref === 'string' ? followRef(sources, sources.root, s.$ref) : undefined;
    return !(target && titles.has(target.file) && target.pointer === '');
  });
  const fromRoot = inline.map(([name, s]) => [
    name,
    rewrite(sources.root, s, `/components/schemas/${pointer.escape(name)}`, 'schema'),
  ]);
  const fromFiles = sources.schemas.map(({ file }) => [
    titles.get(file) as string,
    withoutIdentity(rewrite(file, file.data, '', 'schema') as JsonObject),
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

/** Where a `$ref` goes, given the ref, the pointer of its `$ref` key and what its object stands for. */
type Replace = (ref: string, at: string, position: Position) => Placement;

/** A deep copy in which each `$ref` is replaced as `replace` says: by another ref string, or by
 * the value it leads to (with the `$ref`'s sibling keys over it). Example data is copied as is. */
function rewriteRefs(value: unknown, at: string, position: Position, replace: Replace): unknown {
  if (Array.isArray(value))
    return value.map((v, i) => rewriteRefs(v, `${at}/${i}`, childPosition(position, String(i)), replace));
  if (!isObject(value)) return value;
  const placed = typeof value.$ref === 'string' ? replace(value.$ref, `${at}/$ref`, position) : undefined;
  const entries = Object.entries(value).flatMap(([key, v]): [string, unknown][] => {
    if (key === '$ref' && placed) return 'ref' in placed ? [[key, placed.ref]] : [];
    // JSON Schema's `examples` and every `example` are data; OpenAPI's `examples` map holds Example
    // objects, which may be refs (DigitalOcean keeps them in files of their own).
    if (key === 'example' && position === 'openapi' && isLoneRef(v))
      return [[key, rewriteRefs(v, `${at}/example`, 'data', replace)]];
    if ((key === 'examples' && position !== 'openapi') || key === 'example') return [[key, v]];
    if (key === 'discriminator' && position === 'schema' && isObject(v))
      return [[key, withMappingRefs(v, `${at}/discriminator`, replace)]];
    return [[key, rewriteRefs(v, `${at}/${pointer.escape(key)}`, childPosition(position, key), replace)]];
  });
  const copy = Object.fromEntries(entries);
  return placed && 'inline' in placed ? withSiblings(placed.inline, copy) : copy;
}

/** A discriminator's `mapping` values are refs written as plain strings (a pointer or a file);
 * bare schema names stay as they are. */
function withMappingRefs(discriminator: JsonObject, at: string, replace: Replace): JsonObject {
  if (!isObject(discriminator.mapping)) return discriminator;
  const mapping = Object.fromEntries(
    Object.entries(discriminator.mapping).map(([name, ref]) => {
      if (typeof ref !== 'string' || !isMappingRef(ref)) return [name, ref];
      const placed = replace(ref, `${at}/mapping/${pointer.escape(name)}`, 'schema');
      return [name, 'ref' in placed ? placed.ref : ref];
    }),
  );
  return { ...discriminator, mapping };
}

function withoutIdentity(schema: JsonObject): JsonObject {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  return rest;
}
