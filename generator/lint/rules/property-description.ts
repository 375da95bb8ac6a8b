import { propertySites } from '../../source/schema-walk.ts';
import type { LintRule } from '../rule.ts';

export const propertyDescription: LintRule = {
  code: 'property-description',
  description: 'Every property, at any depth, in schema and path files has a description.',
  check: (ctx) =>
    [...ctx.sources.schemas.map((s) => s.file), ...ctx.sources.paths].flatMap((file) =>
      [...propertySites(file.data)]
        .filter((p) => typeof p.schema.description !== 'string' || p.schema.description.trim() === '')
        .map((p) =>
          ctx.diagnostic('property-description', file, p.pointer, `property \`${p.name}\` has no description`),
        ),
    ),
};
