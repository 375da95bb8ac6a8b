import { topLevelProperties } from '../../source/entities.ts';
import { propertySites } from '../../source/schema-walk.ts';
import type { LintRule } from '../rule.ts';

/** expand= works by name: each expanded property must say which ID field it expands, and each
 * relation of an entity must be expandable, so clients can embed any related record. */
export const relationExpansion: LintRule = {
  code: 'relation-expansion',
  description:
    'x-expands names a sibling x-relation field, and every top-level x-relation field of an entity has an expanded sibling.',
  check: (ctx) => {
    const dangling = ctx.sources.schemas.flatMap(({ file }) =>
      [...propertySites(file.data)].flatMap((p) => {
        const expands = p.schema['x-expands'];
        if (expands === undefined) return [];
        const sibling =
          typeof expands === 'string'
            ? (p.owner.properties as Record<string, Record<string, unknown>>)[expands]
            : undefined;
        return sibling?.['x-relation']
          ? []
          : [
              ctx.diagnostic(
                'relation-expansion',
                file,
                `${p.pointer}/x-expands`,
                `x-expands of \`${p.name}\` must name a sibling field that has x-relation; found ${JSON.stringify(expands)}`,
              ),
            ];
      }),
    );
    const unexpanded = ctx.entities.flatMap(({ source, doc }) => {
      const props = topLevelProperties(doc);
      const expanded = new Set(props.map(([, s]) => s['x-expands']));
      return props
        .filter(([name, s]) => s['x-relation'] !== undefined && !expanded.has(name))
        .map(([name]) =>
          ctx.diagnostic(
            'relation-expansion',
            source.file,
            `/properties/${name}`,
            `relation \`${name}\` has no expanded sibling (a property with x-expands: ${name})`,
          ),
        );
    });
    return [...dangling, ...unexpanded];
  },
};
