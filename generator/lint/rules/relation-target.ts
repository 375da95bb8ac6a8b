import { propertySites } from '../../source/schema-walk.ts';
import type { LintRule } from '../rule.ts';

export const relationTarget: LintRule = {
  code: 'relation-target',
  description: 'Every x-relation names the x-entity of an existing entity schema.',
  check: (ctx) => {
    const known = new Set(ctx.entities.map((e) => e.entity));
    return ctx.sources.schemas.flatMap(({ file }) =>
      [...propertySites(file.data)].flatMap((p) => {
        const target = p.schema['x-relation'];
        if (target === undefined || (typeof target === 'string' && known.has(target))) return [];
        return [
          ctx.diagnostic(
            'relation-target',
            file,
            `${p.pointer}/x-relation`,
            `x-relation of \`${p.name}\` names ${JSON.stringify(target)}, which is no entity (expected one of the x-entity names, e.g. ${[...known].slice(0, 3).join(', ')})`,
          ),
        ];
      }),
    );
  },
};
