import { isObject } from '../../source/schema-walk.ts';
import type { schemaRegistry } from '../../validation/schema-registry.ts';
import type { SourceFile } from '../../source/yaml-file.ts';
import type { LintContext } from '../context.ts';
import { keptFindings, type Finding } from '../kept-findings.ts';
import type { LintRule } from '../rule.ts';

/** Replaces Redocly's example check, which cannot follow refs once a schema has an absolute $id.
 * Its findings are kept in generate's memo (kept-findings.ts). */
export const schemaExamples: LintRule = {
  code: 'schema-examples',
  description:
    'Every entity schema has at least one example, and every example in a schema file validates against its schema.',
  check: (ctx) => {
    const files = ctx.sources.schemas.map(({ file }) => file);
    return keptFindings(ctx, 'schema-examples', files, [], () => exampleFindings(ctx, files));
  },
};

function exampleFindings(ctx: LintContext, files: SourceFile[]): Finding[] {
  let ajv: ReturnType<typeof schemaRegistry>;
  try {
    ajv = ctx.registry();
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
