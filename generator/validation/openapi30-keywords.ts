import pointer from 'json-pointer';
import type { Diagnostic } from '../diagnostics.ts';
import { isObject } from '../source/schema-walk.ts';
import type { SpecSources } from '../source/spec-sources.ts';
import type { SourceFile } from '../source/yaml-file.ts';

/** Keys whose values are data, not schemas: a `nullable` key in an example is a value. */
const DATA_KEYS = new Set(['examples', 'example', 'enum', 'const', 'default']);

/** OpenAPI 3.0's `nullable: true|false` inside an OpenAPI 3.1 document, each at its file, line
 * and pointer, as a warning: JSON Schema 2020-12 has no such keyword (Ajv refuses it where there
 * is no `type`), yet real 3.1 specs still write it. The normalize stage reads it as 3.0 does (the
 * type, or an anyOf, admits null), so the spec generates as it is; the warning says how to write
 * it in 3.1. A 3.0 document is not reported: there the keyword is right. */
export function nullableIn31(sources: SpecSources): Diagnostic[] {
  const version = isObject(sources.root.data) ? sources.root.data.openapi : undefined;
  if (typeof version !== 'string' || !version.startsWith('3.1')) return [];
  const files = [sources.root, ...sources.schemas.map((s) => s.file), ...sources.paths, ...sources.referenced];
  return files.flatMap(nullableKeywords);
}

function nullableKeywords(file: SourceFile): Diagnostic[] {
  const problems: Diagnostic[] = [];
  // An explicit stack: no nesting depth overflows it.
  const stack: { node: unknown; at: string }[] = [{ node: file.data, at: '' }];
  while (stack.length > 0) {
    const { node, at } = stack.pop() as { node: unknown; at: string };
    if (Array.isArray(node)) node.forEach((item, i) => stack.push({ node: item, at: `${at}/${i}` }));
    if (!isObject(node)) continue;
    if (typeof node.nullable === 'boolean') problems.push(warning(file, `${at}/nullable`, node.nullable));
    for (const [key, value] of Object.entries(node))
      if (!DATA_KEYS.has(key) && typeof value === 'object' && value !== null)
        stack.push({ node: value, at: `${at}/${pointer.escape(key)}` });
  }
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

function warning(file: SourceFile, at: string, value: boolean): Diagnostic {
  const line = file.lineOf(at);
  const reading = value
    ? 'read as OpenAPI 3.0 reads it: null is allowed (write `type: [<type>, "null"]`, or `anyOf` with `{type: "null"}` beside a `$ref`)'
    : 'ignored (it says nothing: drop it)';
  return {
    code: 'schema-nullable',
    severity: 'warning',
    file: file.path,
    pointer: at,
    ...(line ? { line } : {}),
    message: `\`nullable\` is OpenAPI 3.0's keyword; this is an OpenAPI 3.1 document, whose schemas are JSON Schema 2020-12, which has none: ${reading}`,
  };
}
