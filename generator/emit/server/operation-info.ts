import type { OperationIR } from '../../ir/model.ts';

/** The 2xx response an operation answers with (the lowest one declared). */
export function successResponse(op: OperationIR): OperationIR['responses'][number] | undefined {
  return op.responses.filter((r) => /^2\d\d$/.test(r.status)).sort((a, b) => a.status.localeCompare(b.status))[0];
}

/** What the generated layer wraps a handler's result in: a page, one record, or a write job. */
export type ReplyShape = 'list' | 'record' | 'job';

export function replyShape(op: OperationIR): ReplyShape {
  if (op.kind === 'list') return 'list';
  const schema = JSON.stringify(successResponse(op)?.schema ?? {});
  return schema.includes('"#/components/schemas/WriteJob"') ? 'job' : 'record';
}

/** The method name of an operation in its resource's handler interface: the kind, or the
 * action in camelCase (`cancel`, `disconnect`). */
export function handlerName(op: OperationIR): string {
  if (op.kind !== 'action') return op.kind;
  return (op.action ?? op.operationId).replace(/[-_]+([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/** `/core/syncs/{id}/cancel` → `/core/syncs/:id/cancel` (Fastify's route syntax). */
export function fastifyUrl(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}
