import { operationIdFor } from '../../shared/labels.ts';
import type { Diagnostic } from '../../diagnostics.ts';
import type { LintContext } from '../context.ts';
import { operationKind, parseResourceUrl } from '../../source/resource-url.ts';
import type { LintRule } from '../rule.ts';

export const operationId: LintRule = {
  code: 'operation-id',
  description:
    'operationIds are unique and follow the rule: list + plural (listInvoicePayments), otherwise kind or action + singular title (getInvoicePayment, cancelSync).',
  check: (ctx) => [...duplicates(ctx), ...misnamed(ctx)],
};

function duplicates(ctx: LintContext): Diagnostic[] {
  const seen = new Map<string, string>();
  return ctx.operations.flatMap((op) => {
    const id = op.operation.operationId;
    if (typeof id !== 'string') return [];
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, `${op.method.toUpperCase()} ${op.url}`);
      return [];
    }
    return [
      ctx.diagnostic(
        'operation-id',
        op.file,
        `${op.pointer}/operationId`,
        `operationId ${id} is used twice: also by ${first}`,
      ),
    ];
  });
}

function misnamed(ctx: LintContext): Diagnostic[] {
  return ctx.operations.flatMap((op) => {
    const at = `${op.pointer}/operationId`;
    const url = parseResourceUrl(op.url);
    const entity = url && ctx.entities.find((e) => e.entity === url.entity && e.area === url.area);
    const kind = operationKind(op);
    if (!url || !entity || !kind) {
      return [
        ctx.diagnostic(
          'operation-id',
          op.file,
          op.pointer,
          `${op.method.toUpperCase()} ${op.url} is not a resource operation: expected /<area>/<x-entity>[/{id}[/<action>]] with list/get/create/update/delete methods or POST for an action`,
        ),
      ];
    }
    const expected = operationIdFor(kind, entity);
    const found = op.operation.operationId;
    return found === expected
      ? []
      : [
          ctx.diagnostic(
            'operation-id',
            op.file,
            at,
            `expected operationId ${expected}, found ${JSON.stringify(found ?? null)}`,
          ),
        ];
  });
}
