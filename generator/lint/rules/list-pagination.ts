import { operationKind } from '../../source/resource-url.ts';
import { findParameter } from '../operation-parameters.ts';
import type { LintRule } from '../rule.ts';

export const listPagination: LintRule = {
  code: 'list-pagination',
  description: 'Every list operation accepts the pagination parameters limit and cursor.',
  check: (ctx) =>
    ctx.operations
      .filter((op) => operationKind(op) === 'list')
      .flatMap((op) =>
        ['limit', 'cursor']
          .filter((name) => !findParameter(ctx, op, name))
          .map((name) =>
            ctx.diagnostic(
              'list-pagination',
              op.file,
              `${op.pointer}/parameters`,
              `list operation ${String(op.operation.operationId)} lacks the \`${name}\` query parameter (use $ref: …#/components/parameters/${name === 'limit' ? 'Limit' : 'Cursor'})`,
            ),
          ),
      ),
};
