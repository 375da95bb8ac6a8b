import { isObject } from '../../source/schema-walk.ts';
import { schemaRegistry } from '../../validation/schema-registry.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import type { LintRule } from '../rule.ts';

/** Replaces Redocly's example check, which cannot follow refs once a schema has an absolute $id. */
export const schemaExamples: LintRule = {
  code: 'schema-examples',
  description:
    'Every entity schema has at least one example, and every example in a schema file validates against its schema.',
  check: (ctx) => {
    let ajv: ReturnType<typeof schemaRegistry>;
    try {
      ajv = schemaRegistry(ctx.sources);
    } catch (error) {
      return [
        ctx.diagnostic(
          'schema-examples',
          ctx.sources.root,
          '/components/schemas',
          `the schemas do not compile: ${(error as Error).message}`,
        ),
      ];
    }
    return ctx.sources.schemas.flatMap(({ file }): Diagnostic[] => {
      const doc = isObject(file.data) ? file.data : {};
      const examples = Array.isArray(doc.examples) ? doc.examples : [];
      if (doc['x-entity'] !== undefined && examples.length === 0)
        return [ctx.diagnostic('schema-examples', file, '', 'entity schema has no examples')];
      const validate = typeof doc.$id === 'string' ? safeGetSchema(ajv, doc.$id) : undefined;
      if (!validate)
        return examples.length
          ? [ctx.diagnostic('schema-examples', file, '', 'schema does not compile, so its examples cannot be checked')]
          : [];
      return examples.flatMap((example, i) =>
        validate(example)
          ? []
          : (validate.errors ?? []).map((e) =>
              ctx.diagnostic(
                'schema-examples',
                file,
                `/examples/${i}${e.instancePath}`,
                `example ${i} is invalid at ${e.instancePath || '/'}: ${e.message ?? e.keyword}`,
              ),
            ),
      );
    });
  },
};

function safeGetSchema(ajv: ReturnType<typeof schemaRegistry>, id: string) {
  try {
    return ajv.getSchema(id);
  } catch {
    return undefined;
  }
}
