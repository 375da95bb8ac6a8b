import type { OperationIR } from '../ir/model.ts';

export { successResponse } from '../ir/response-model.ts';

// Facts about one operation that more than one emitter needs, derived in one place so the
// client's method names and the server's handler names can never drift apart.

/** `/core/syncs/{id}/cancel` → `/core/syncs/:id/cancel` (Fastify's route syntax). */
export function fastifyUrl(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/** A batch write: the body's `data` is an array of records, each written on its own with its own
 * result in the write job (accounting creates and updates). */
export function isBatchWrite(op: OperationIR): boolean {
  const properties = op.requestBody?.schema.properties;
  const data =
    properties && typeof properties === 'object' ? (properties as Record<string, { type?: unknown }>).data : undefined;
  return op.reply === 'job' && data?.type === 'array';
}
