import type { Diagnostic } from '../diagnostics.ts';
import type { LintContext } from './context.ts';

/** A project lint rule: a stable code, one line on what it guards, and a check. */
export interface LintRule {
  code: string;
  description: string;
  check(ctx: LintContext): Diagnostic[];
}
