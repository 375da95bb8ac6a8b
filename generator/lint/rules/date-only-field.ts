import { propertySites } from '../../source/schema-walk.ts';
import type { LintRule } from '../rule.ts';

/** `x-date-only` marks a timestamp field that holds a calendar date (conformance checks mapped
 * values are midnight UTC of a date the platform gave); anywhere else it would mean nothing. */
export const dateOnlyField: LintRule = {
  code: 'date-only-field',
  description: 'x-date-only is `true` and sits on a property with format: date-time.',
  check: (ctx) =>
    ctx.sources.schemas.flatMap(({ file }) =>
      [...propertySites(file.data)].flatMap((p) => {
        const flag = p.schema['x-date-only'];
        if (flag === undefined) return [];
        if (flag !== true) return [ctx.diagnostic('date-only-field', file, `${p.pointer}/x-date-only`, `x-date-only of \`${p.name}\` must be true (leave it out otherwise); found ${JSON.stringify(flag)}`)];
        if (p.schema.format === 'date-time') return [];
        return [ctx.diagnostic('date-only-field', file, `${p.pointer}/x-date-only`, `x-date-only on \`${p.name}\`, which is not a date-time field (found format ${JSON.stringify(p.schema.format ?? null)})`)];
      }),
    ),
};
