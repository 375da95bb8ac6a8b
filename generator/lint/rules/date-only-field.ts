import { MIDNIGHT_UTC } from '../../invariants/calendar-date.ts';
import { topLevelProperties } from '../../source/entities.ts';
import { isObject, propertySites } from '../../source/schema-walk.ts';
import type { LintRule } from '../rule.ts';

const CODE = 'date-only-field';

/** `x-date-only` marks a timestamp field that holds a calendar date (conformance checks mapped
 * values are midnight UTC of a date the platform gave); anywhere else it would mean nothing. */
export const dateOnlyField: LintRule = {
  code: CODE,
  description:
    "x-date-only is `true` and sits on a property with format: date-time; an entity's examples give such a field as YYYY-MM-DDT00:00:00.000Z.",
  check: (ctx) =>
    ctx.sources.schemas.flatMap(({ file }) => {
      const misplaced = [...propertySites(file.data)].flatMap((p) => {
        const flag = p.schema['x-date-only'];
        if (flag === undefined) return [];
        if (flag !== true)
          return [
            ctx.diagnostic(
              CODE,
              file,
              `${p.pointer}/x-date-only`,
              `x-date-only of \`${p.name}\` must be true (leave it out otherwise); found ${JSON.stringify(flag)}`,
            ),
          ];
        if (p.schema.format === 'date-time') return [];
        return [
          ctx.diagnostic(
            CODE,
            file,
            `${p.pointer}/x-date-only`,
            `x-date-only on \`${p.name}\`, which is not a date-time field (found format ${JSON.stringify(p.schema.format ?? null)})`,
          ),
        ];
      });
      const doc = isObject(file.data) ? file.data : {};
      const dateOnly = topLevelProperties(doc)
        .filter(([, schema]) => schema['x-date-only'] === true && schema.format === 'date-time')
        .map(([name]) => name);
      const examples = Array.isArray(doc.examples) ? doc.examples : [];
      const shifted = examples.flatMap((example, index) =>
        dateOnly.flatMap((name) => {
          const value = isObject(example) ? example[name] : undefined;
          if (typeof value !== 'string' || MIDNIGHT_UTC.test(value)) return [];
          return [
            ctx.diagnostic(
              CODE,
              file,
              `/examples/${index}/${name}`,
              `example ${index}: \`${name}\` is a calendar date (x-date-only), written YYYY-MM-DDT00:00:00.000Z; found ${JSON.stringify(value)}`,
            ),
          ];
        }),
      );
      return [...misplaced, ...shifted];
    }),
};
