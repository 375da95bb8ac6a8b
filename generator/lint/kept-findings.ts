import type { Diagnostic } from '../diagnostics.ts';
import { isObject } from '../source/schema-walk.ts';
import { rebuildSchema } from '../source/sub-schemas.ts';
import type { SourceFile } from '../source/yaml-file.ts';
import type { LintContext } from './context.ts';

/* The example rules compile every schema file, most of lint's time. Their findings are a pure
 * function of the schema files' data without prose (a description edit changes no example's
 * validity) and what each rule adds to the key, so `generate` keeps them in its memo; the lines
 * are looked up afresh in the files as they are now. */

/** A finding, by the index of its file in `files` (-1: the root document). */
export interface Finding {
  file: number;
  pointer: string;
  message: string;
}

/** `find`'s findings, from the memo when the schema files (less prose) and `extra` are as before. */
export function keptFindings(
  ctx: LintContext,
  code: string,
  files: readonly SourceFile[],
  extra: readonly string[],
  find: () => Finding[],
): Diagnostic[] {
  const parts = [...extra, ...ctx.sources.schemas.map(({ file }) => JSON.stringify(withoutProse(file.data)))];
  const findings = JSON.parse(ctx.memo.sync(code, parts, () => JSON.stringify(find()))) as Finding[];
  return findings.map(({ file, pointer, message }) =>
    ctx.diagnostic(code, files[file] ?? ctx.sources.root, pointer, message),
  );
}

/** Keywords of a schema that only word it: strings that change nothing Ajv decides. */
const PROSE = new Set(['description', 'title', '$comment']);

/** A schema with its prose keywords dropped (only where they are keywords of a schema, and only
 * string-valued: a `description: 42` makes the file invalid, so it stays in the key). */
function withoutProse(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  return rebuildSchema(schema, withoutProse, (key, value) =>
    PROSE.has(key) && typeof value === 'string' ? undefined : [key, value],
  );
}
