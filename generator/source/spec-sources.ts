import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { DiagnosticError, type Diagnostic } from '../diagnostics.ts';
import { referencedFiles } from './referenced-files.ts';
import type { ParseCache } from './parse-cache.ts';
import { loadSourceFile, type SourceFile } from './yaml-file.ts';

export const AREAS = ['core', 'accounting', 'common'] as const;
export type Area = (typeof AREAS)[number];

/** One schema file under spec/schemas/<area>/. */
export interface SchemaSource {
  file: SourceFile;
  area: Area;
  /** File name without extension, e.g. `invoice_payment`. */
  stem: string;
  /** Path relative to the spec folder, e.g. `schemas/accounting/invoice_payment.yaml`. */
  specPath: string;
}

/** Every file of the spec, parsed with source positions, before any $ref is followed. */
export interface SpecSources {
  dir: string;
  root: SourceFile;
  schemas: SchemaSource[];
  paths: SourceFile[];
  /** Files only `$ref`s lead to (a third-party spec split its own way), sorted by path. */
  referenced: SourceFile[];
}

/** Reads the root document, every schema and every path file. All YAML errors are collected
 * before throwing, so one run reports every broken file. */
export function loadSpecSources(dir: string, rootName = 'openapi.yaml', cache?: ParseCache): SpecSources {
  const problems: Diagnostic[] = [];
  const load = (path: string, expected: string): SourceFile | undefined => {
    try {
      return mappingRoot(loadSourceFile(path, cache), expected);
    } catch (error) {
      if (error instanceof DiagnosticError) problems.push(...error.diagnostics);
      else throw error;
      return undefined;
    }
  };
  const root = load(join(dir, rootName), 'an OpenAPI document');
  const schemas = AREAS.flatMap((area) =>
    yamlFilesIn(join(dir, 'schemas', area)).flatMap((path) => {
      const file = load(path, 'a JSON Schema');
      const stem = path.slice(path.lastIndexOf(sep) + 1).replace(/\.ya?ml$/, '');
      return file ? [{ file, area, stem, specPath: toPosix(relative(dir, path)) }] : [];
    }),
  );
  const paths = yamlFilesIn(join(dir, 'paths')).flatMap((path) => load(path, 'path items') ?? []);
  if (problems.length > 0 || !root) throw new DiagnosticError(problems);
  const referenced = referencedFiles(dir, [root, ...schemas.map((s) => s.file), ...paths], (path) =>
    load(relativeTo(dir, path), 'a document a $ref leads to'),
  );
  if (problems.length > 0) throw new DiagnosticError(problems);
  return { dir, root, schemas, paths, referenced };
}

/** Every spec file is a mapping at its root: an empty file, a list or a lone value is reported
 * here, at its first line, so no later stage reads properties of null. */
function mappingRoot(file: SourceFile, expected: string): SourceFile {
  if (typeof file.data === 'object' && file.data !== null && !Array.isArray(file.data)) return file;
  const found =
    file.data === null || file.data === undefined
      ? 'an empty document'
      : Array.isArray(file.data)
        ? 'a sequence'
        : `a ${typeof file.data} (${JSON.stringify(file.data).slice(0, 40)})`;
  throw new DiagnosticError([
    {
      code: 'document-root',
      severity: 'error',
      message: `expected a mapping (${expected}) at the root, found ${found}`,
      file: file.path,
      pointer: '',
      line: 1,
    },
  ]);
}

/** YAML files below a folder (recursively), sorted so every run sees them in the same order. */
export function yamlFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}

export function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** `path` as the other spec files' paths are written (joined onto the spec folder as given), so
 * diagnostics name every file the same way. */
function relativeTo(dir: string, path: string): string {
  return join(dir, relative(resolve(dir), path));
}
