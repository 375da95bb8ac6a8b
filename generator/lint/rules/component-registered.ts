import { resolve, dirname } from 'node:path';
import { isObject } from '../../source/schema-walk.ts';
import type { LintRule } from '../rule.ts';

export const componentRegistered: LintRule = {
  code: 'component-registered',
  description: 'Every entity schema is registered in components.schemas under its title.',
  check: (ctx) => {
    const root = ctx.sources.root;
    const schemas =
      isObject(root.data) && isObject(root.data.components) && isObject(root.data.components.schemas)
        ? root.data.components.schemas
        : {};
    return ctx.entities.flatMap(({ title, source }) => {
      const entry = schemas[title];
      const ref = isObject(entry) && typeof entry.$ref === 'string' ? entry.$ref : undefined;
      if (ref && resolve(dirname(root.path), ref) === resolve(source.file.path)) return [];
      return [
        ctx.diagnostic(
          'component-registered',
          root,
          '/components/schemas',
          `entity ${title} must be registered as components.schemas.${title}: { $ref: ${source.specPath} }`,
        ),
      ];
    });
  },
};
