import { propertySites } from '../../source/schema-walk.ts';
import type { LintRule } from '../rule.ts';

/** One spelling per area (spec/README.md): accounting data follows the platforms' payloads
 * (PascalCase, as seed 002's "Overdue"); core states are UPPER_SNAKE (as seed 000's SUCCESS). */
const CASES = {
  accounting: { pattern: /^(?:[A-Z][a-z0-9]+)+$/, name: 'PascalCase' },
  core: { pattern: /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/, name: 'UPPER_SNAKE_CASE' },
} as const;

export const enumCase: LintRule = {
  code: 'enum-case',
  description: 'Enum values are PascalCase in accounting schemas and UPPER_SNAKE_CASE in core schemas.',
  check: (ctx) =>
    ctx.sources.schemas.flatMap(({ file, area }) => {
      if (area === 'common') return [];
      const { pattern, name } = CASES[area];
      return [...propertySites(file.data)].flatMap((p) => {
        const values = Array.isArray(p.schema.enum) ? p.schema.enum : [];
        const bad = values.filter((v) => typeof v === 'string' && !pattern.test(v));
        return bad.length
          ? [
              ctx.diagnostic(
                'enum-case',
                file,
                `${p.pointer}/enum`,
                `enum values of \`${p.name}\` must be ${name}; found ${bad.map((v) => JSON.stringify(v)).join(', ')}`,
              ),
            ]
          : [];
      });
    }),
};
