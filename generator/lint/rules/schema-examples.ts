import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { keywordHolds } from '../../source/sub-schemas.ts';
import { schemaRegistry } from '../../validation/schema-registry.ts';
import type { SourceFile } from '../../source/yaml-file.ts';
import type { LintContext } from '../context.ts';
import type { LintRule } from '../rule.ts';

/** A finding, by the index of its schema file (-1: the root document). */
interface Finding {
  file: number;
  pointer: string;
  message: string;
}

/** Replaces Redocly's example check, which cannot follow refs once a schema has an absolute $id.
 * Compiling every schema costs most of lint, so the findings are kept in the memo under the
 * schema files' data without prose (a description edit changes no example's validity); lines
 * are looked up afresh. */
export const schemaExamples: LintRule = {
  code: 'schema-examples',
  description:
    'Every entity schema has at least one example, and every example in a schema file validates against its schema.',
  check: (ctx) => {
    const files = ctx.sources.schemas.map(({ file }) => file);
    const parts = files.map((file) => JSON.stringify(withoutProse(file.data)));
    const findings = JSON.parse(
      ctx.memo.sync('schema-examples', parts, () => JSON.stringify(exampleFindings(ctx, files))),
    ) as Finding[];
    return findings.map(({ file, pointer, message }) =>
      ctx.diagnostic('schema-examples', files[file] ?? ctx.sources.root, pointer, message),
    );
  },
};

function exampleFindings(ctx: LintContext, files: SourceFile[]): Finding[] {
  let ajv: ReturnType<typeof schemaRegistry>;
  try {
    ajv = schemaRegistry(ctx.sources);
  } catch (error) {
    return [
      { file: -1, pointer: '/components/schemas', message: `the schemas do not compile: ${(error as Error).message}` },
    ];
  }
  return files.flatMap((file, index): Finding[] => {
    const doc = isObject(file.data) ? file.data : {};
    const examples = Array.isArray(doc.examples) ? doc.examples : [];
    const finding = (pointer: string, message: string): Finding => ({ file: index, pointer, message });
    if (doc['x-entity'] !== undefined && examples.length === 0) return [finding('', 'entity schema has no examples')];
    const validate = typeof doc.$id === 'string' ? safeGetSchema(ajv, doc.$id) : undefined;
    if (!validate)
      return examples.length ? [finding('', 'schema does not compile, so its examples cannot be checked')] : [];
    return examples.flatMap((example, i) =>
      validate(example)
        ? []
        : (validate.errors ?? []).map((e) =>
            finding(
              `/examples/${i}${e.instancePath}`,
              `example ${i} is invalid at ${e.instancePath || '/'}: ${e.message ?? e.keyword}`,
            ),
          ),
    );
  });
}

function safeGetSchema(ajv: ReturnType<typeof schemaRegistry>, id: string) {
  try {
    return ajv.getSchema(id);
  } catch {
    return undefined;
  }
}

/** Keywords of a schema that only word it: strings that change nothing Ajv decides. */
const PROSE = new Set(['description', 'title', '$comment']);

/** A schema with its prose keywords dropped (only where they are keywords of a schema, and only
 * string-valued: a `description: 42` makes the file invalid, so it stays in the key). */
function withoutProse(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (PROSE.has(key) && typeof value === 'string') continue;
    const holds = keywordHolds(key, { everywhere: true });
    if (holds === 'map' && isObject(value))
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutProse(v)]));
    else if ((holds === 'list' || holds === 'one') && Array.isArray(value)) out[key] = value.map(withoutProse);
    else if (holds === 'one') out[key] = withoutProse(value);
    else out[key] = value;
  }
  return out;
}
