import type { OperationIR } from '../../ir/model.ts';
import { identifier } from '../../shared/render.ts';
import { fastifyUrl, isBatchWrite, successResponse } from '../operation-info.ts';
import { methodName, type NamePlan } from '../../plan/name-plan.ts';
import { queryParamView, type QueryParamView } from './query-view.ts';
import { queryParameters } from '../../ir/query-serialization.ts';
import { operationSchemas, type RequestPart } from './request-schemas.ts';

/** One row of generated/server/routes.ts. Strings reach the template only through `json`;
 * validator names only through `identifier()`. */
export interface RouteView {
  operationId: string;
  method: string;
  path: string;
  url: string;
  kind: OperationIR['kind'];
  entity: string;
  area: string;
  handler: string;
  status: number;
  reply: string;
  batch: boolean;
  idempotent: boolean;
  query: QueryParamView[];
  validators: { part: string; name: string }[];
}

/** Operations the server can route: those naming a resource of the spec (every operation of a
 * ledgerspec spec; third-party specs without x-entity get no server). */
export function servedOperations(operations: readonly OperationIR[]): OperationIR[] {
  return operations.filter((op) => op.entity !== undefined);
}

export function routeView(op: OperationIR, plan: NamePlan): RouteView {
  const schemas = operationSchemas(op, plan);
  return {
    operationId: op.operationId,
    method: op.method.toUpperCase(),
    path: op.path,
    url: fastifyUrl(op.path),
    kind: op.kind,
    entity: String(op.entity),
    area: op.area ?? '',
    handler: identifier(methodName(plan, op)),
    status: Number(successResponse(op)?.status ?? 200),
    reply: op.reply,
    batch: isBatchWrite(op),
    idempotent: op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key'),
    query: queryParameters(op.parameters).map(queryParamView),
    validators: (Object.entries(schemas) as [RequestPart, { name: string }][]).map(([part, s]) => ({
      part: part.charAt(0).toLowerCase() + part.slice(1),
      name: identifier(s.name),
    })),
  };
}
