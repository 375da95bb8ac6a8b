import { isObject } from '../../source/schema-walk.ts';
import { schemaIdFor } from '../../validation/schema-registry.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import type { LintRule } from '../rule.ts';

/** Names come from stable identity: the $id mirrors the file path, titles are the type names
 * the generator emits, and x-entity is the URL segment and the client's resource name. */
export const schemaIdentity: LintRule = {
  code: 'schema-identity',
  description:
    'Each schema file has $id = https://schemas.ledgerspec.dev/<area>/<file>, a PascalCase title unique across files, and entities a plural snake_case x-entity.',
  check: (ctx) => {
    const titles = new Map<string, string>();
    return ctx.sources.schemas.flatMap(({ file, specPath }): Diagnostic[] => {
      const doc = isObject(file.data) ? file.data : {};
      const problems: Diagnostic[] = [];
      const expectedId = schemaIdFor(specPath);
      if (doc.$id !== expectedId)
        problems.push(
          ctx.diagnostic(
            'schema-identity',
            file,
            '/$id',
            `expected $id ${expectedId}, found ${JSON.stringify(doc.$id ?? null)}`,
          ),
        );
      const title = doc.title;
      if (typeof title !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(title)) {
        problems.push(
          ctx.diagnostic(
            'schema-identity',
            file,
            '/title',
            `expected a PascalCase title, found ${JSON.stringify(title ?? null)}`,
          ),
        );
      } else if (titles.has(title)) {
        problems.push(
          ctx.diagnostic('schema-identity', file, '/title', `title ${title} is already used by ${titles.get(title)}`),
        );
      } else titles.set(title, file.path);
      const entity = doc['x-entity'];
      if (entity !== undefined && (typeof entity !== 'string' || !/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(entity))) {
        problems.push(
          ctx.diagnostic(
            'schema-identity',
            file,
            '/x-entity',
            `x-entity must be snake_case, found ${JSON.stringify(entity)}`,
          ),
        );
      }
      return problems;
    });
  },
};
