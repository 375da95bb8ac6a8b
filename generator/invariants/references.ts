import type { AnnotatedKind, InvariantFinding } from './model.ts';
import { coveredBy, propertyValues } from './walk.ts';

/**
 * `references`: every ID a record holds in a field with `x-relation` naming an accounting entity
 * (top level or nested: a line's item_id, tracking_category_ids, a report line's account_id)
 * leads to a record among the same connector's fixtures: some `<case>.unified.json` of that
 * entity has it as platform_id. A reference whose target the platform's documentation does not
 * show is listed in the case's `<case>.meta.json` as an `external` pointer instead.
 */
export const references: AnnotatedKind = {
  summary: "every x-relation ID is among the connector's fixtures or declared external",
  check: (record, context) =>
    [...propertyValues(context.document, context.model, record)].flatMap(
      ({ pointer, value, schema }): InvariantFinding[] => {
        const target = schema['x-relation'];
        if (typeof target !== 'string' || !context.accountingEntities.has(target)) return [];
        const ids = Array.isArray(value)
          ? value.map((id, index) => ({ id, at: `${pointer}/${index}` }))
          : [{ id: value, at: pointer }];
        return ids.flatMap(({ id, at }) => {
          if (typeof id !== 'string' || id === '' || context.fixtureIds.get(target)?.has(id)) return [];
          if (context.external.some((pattern) => coveredBy(at, pattern))) return [];
          return [
            {
              kind: 'references',
              pointer: at,
              message: `${target} ${JSON.stringify(id)} is not among ${context.connector}'s ${target} fixtures, and the case's meta file does not list ${at} as external`,
              expected: `the platform_id of one of its ${target} fixtures, or an external pointer`,
              found: JSON.stringify(id),
            },
          ];
        });
      },
    ),
};
