import type { LintRule } from '../rule.ts';
import { unguardedRefCycles } from '../ref-cycles.ts';

/** `$ref` cycles that never pass through a property or item (see ref-cycles.ts). */
export const refCycles: LintRule = {
  code: 'ref-cycle',
  description:
    'Every $ref cycle passes through a property or an array item, so validating terminates and types can express it.',
  check: (ctx) => unguardedRefCycles(ctx.sources),
};
