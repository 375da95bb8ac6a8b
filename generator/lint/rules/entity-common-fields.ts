import { topLevelProperties } from '../../source/entities.ts';
import type { LintRule } from '../rule.ts';

/** Accounting records come from a platform, so they are keyed by `platform_id`; core resources
 * are ledgerspec's own, keyed by `id`. Both say when they last changed (incremental reads). */
export const entityCommonFields: LintRule = {
  code: 'entity-common-fields',
  description:
    'Every accounting entity has a required platform_id and an updated_at; every core entity an id and an updated_at.',
  check: (ctx) =>
    ctx.entities.flatMap(({ source, doc, area, entity }) => {
      const names = new Set(topLevelProperties(doc).map(([name]) => name));
      const required = Array.isArray(doc.required) ? doc.required : [];
      const key = area === 'accounting' ? 'platform_id' : 'id';
      return [key, 'updated_at'].flatMap((field) => {
        if (!names.has(field))
          return [
            ctx.diagnostic(
              'entity-common-fields',
              source.file,
              '/properties',
              `entity ${entity} must declare a \`${field}\` property`,
            ),
          ];
        if (field === key && !required.includes(field))
          return [
            ctx.diagnostic('entity-common-fields', source.file, '/required', `\`${field}\` must be listed in required`),
          ];
        return [];
      });
    }),
};
