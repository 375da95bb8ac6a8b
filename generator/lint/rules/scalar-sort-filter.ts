import { scalarKind } from '../../source/entities.ts';
import { propertySites } from '../../source/schema-walk.ts';
import type { LintRule } from '../rule.ts';

export const scalarSortFilter: LintRule = {
  code: 'scalar-sort-filter',
  description:
    'x-sortable and x-filterable appear only on scalar fields (string, number, integer, boolean, enum; nullable allowed).',
  check: (ctx) =>
    ctx.sources.schemas.flatMap(({ file, specPath }) =>
      [...propertySites(file.data)].flatMap((p) =>
        (['x-sortable', 'x-filterable'] as const)
          .filter((flag) => p.schema[flag] !== undefined && !scalarKind(ctx.sources, specPath, p.schema))
          .map((flag) =>
            ctx.diagnostic(
              'scalar-sort-filter',
              file,
              `${p.pointer}/${flag}`,
              `${flag} on \`${p.name}\`, which is not a scalar (found type ${JSON.stringify(p.schema.type ?? p.schema.$ref ?? 'unspecified')})`,
            ),
          ),
      ),
    ),
};
