import pointer from 'json-pointer';
import { basename, extname } from 'node:path';
import type { Diagnostic } from '../diagnostics.ts';
import type { RefTarget } from '../source/refs.ts';
import { isObject, type JsonObject } from '../source/schema-walk.ts';
import { keywordHolds } from '../source/sub-schemas.ts';
import type { SourceFile } from '../source/yaml-file.ts';

/** What a `$ref` into a file that only refs lead to becomes in the bundle: a schema is hoisted
 * into `#/components/schemas` (once, under a name from its file or pointer, so generated types
 * keep a name and recursion stays finite); anything else (path items, operations, parameters,
 * responses, headers) is copied in place, as Redocly's bundler does. */
export type Placement = { ref: string } | { inline: unknown };

export type RewriteIn = (file: SourceFile, value: unknown, at: string, position: Position) => unknown;

/** Hoisting and inlining for one bundle run. `taken` holds the component names already used. */
export class ReferencedPlacer {
  private readonly names = new Map<string, string>();
  private readonly used: Set<string>;
  private readonly inlining = new Set<string>();
  readonly hoisted = new Map<string, unknown>();

  constructor(
    taken: Iterable<string>,
    private readonly problems: Diagnostic[],
  ) {
    this.used = new Set(taken);
  }

  /** A root component that is only a ref to a referenced file's schema keeps its own name. */
  reserve(target: RefTarget, name: string): void {
    this.names.set(keyOf(target), name);
  }

  /** A schema is hoisted; anything else (a whole `properties` map included) is copied in place. */
  place(target: RefTarget, position: Position, rewrite: RewriteIn, from: SourceFile, at: string): Placement {
    return position === 'schema'
      ? { ref: this.hoist(target, rewrite) }
      : this.inline(target, position, rewrite, from, at);
  }

  private hoist(target: RefTarget, rewrite: RewriteIn): string {
    const key = keyOf(target);
    let name = this.names.get(key);
    if (name === undefined || !this.hoisted.has(name)) {
      name ??= this.freshName(target);
      this.names.set(key, name);
      // Recorded before the schema is rewritten, so a ref back to it (recursion) finds the name.
      this.hoisted.set(name, {});
      this.hoisted.set(name, rewrite(target.file, target.value, target.pointer, 'schema'));
    }
    return `#/components/schemas/${pointer.escape(name)}`;
  }

  private inline(target: RefTarget, position: Position, rewrite: RewriteIn, from: SourceFile, at: string): Placement {
    const key = keyOf(target);
    if (this.inlining.has(key)) {
      this.problems.push(circular(from, at, key));
      return { inline: {} };
    }
    this.inlining.add(key);
    try {
      return { inline: rewrite(target.file, target.value, target.pointer, position) };
    } finally {
      this.inlining.delete(key);
    }
  }

  /** The pointer's last segment, else the file's name without extension; `_2`, `_3`… when taken. */
  private freshName(target: RefTarget): string {
    const last = target.pointer.split('/').pop();
    const base = last ? pointer.unescape(last) : basename(target.file.path, extname(target.file.path));
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}_${n}`;
    this.used.add(name);
    return name;
  }
}

/** What a value in the spec is, as far as `$ref` placement cares: OpenAPI structure, a schema,
 * a map of schemas (`properties`, `components/schemas`), a list of schemas (`allOf`) or other data. */
export type Position = 'openapi' | 'schema' | 'schema-map' | 'schema-list' | 'data';

/** Where a schema keyword's value sits (source/sub-schemas.ts says what each keyword holds). */
const SCHEMA_CHILD = { map: 'schema-map', list: 'schema-list', one: 'schema', data: 'data' } as const;

/** The position of the value under `key` of a value at `position`. */
export function childPosition(position: Position, key: string): Position {
  switch (position) {
    case 'openapi':
      if (key === 'schema') return 'schema';
      return key === 'schemas' ? 'schema-map' : key === 'value' ? 'data' : 'openapi';
    case 'schema-map':
    case 'schema-list':
      return 'schema';
    case 'schema':
      return SCHEMA_CHILD[keywordHolds(key, { everywhere: true }) ?? 'data'];
    case 'data':
      return 'data';
  }
}

/** Sibling keys of an inlined `$ref` override the copied value (3.1 allows `summary`/`description`). */
export function withSiblings(inlined: unknown, siblings: JsonObject): unknown {
  return isObject(inlined) && Object.keys(siblings).length ? { ...inlined, ...siblings } : inlined;
}

function keyOf(target: RefTarget): string {
  return `${target.file.path}#${target.pointer}`;
}

function circular(file: SourceFile, at: string, key: string): Diagnostic {
  const line = file.lineOf(at);
  return {
    code: 'dangling-ref',
    severity: 'error',
    message: `$ref leads back to ${key}, which it is part of: only schemas may be recursive`,
    file: file.path,
    pointer: at,
    ...(line ? { line } : {}),
  };
}
