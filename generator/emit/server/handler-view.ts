import type { EntityIR, OperationIR } from '../../ir/model.ts';
import { identifier } from '../../shared/render.ts';
import { isBatchWrite } from '../operation-info.ts';
import { methodName, resourceNames, type NamePlan } from '../../plan/name-plan.ts';

/** One resource's typed handler interface (`InvoicePaymentsHandlers`). */
export interface HandlerGroupView {
  entity: string;
  interfaceName: string;
  description: string;
  methods: HandlerMethodView[];
}

export interface HandlerMethodView {
  name: string;
  operationId: string;
  summary: string;
  /** The handler's input type, built from openapi.d.ts's `operations` entry. */
  input: string;
  /** What the handler returns: records of the resource's model type. */
  output: string;
}

export function handlerGroupView(
  entity: EntityIR,
  operations: readonly OperationIR[],
  plan: NamePlan,
): HandlerGroupView {
  const names = resourceNames(plan, entity);
  return {
    entity: identifier(names.handlersKey),
    interfaceName: identifier(names.handlersInterface),
    description: entity.description,
    methods: operations.map((op) => methodView(op, identifier(names.type), plan)),
  };
}

function methodView(op: OperationIR, model: string, plan: NamePlan): HandlerMethodView {
  const o = `operations[${JSON.stringify(op.operationId)}]`;
  const has = (where: string) => op.parameters.some((p) => p.in === where);
  const query = has('query') ? `NonNullable<${o}['parameters']['query']>` : 'NoParams';
  const path = has('path') ? `NonNullable<${o}['parameters']['path']>` : 'NoParams';
  const body = op.requestBody ? `NonNullable<${o}['requestBody']>['content']['application/json']` : 'undefined';
  // A page's handler gets the page asked for and returns records and whether more follow.
  const list = op.reply === 'list';
  const input = list
    ? `ListInput<${query}, ${path}>`
    : isBatchWrite(op)
      ? `RecordInput<${query}, ${path}, ${body}>`
      : `RequestInput<${query}, ${path}, ${body}>`;
  return {
    name: identifier(methodName(plan, op)),
    operationId: op.operationId,
    summary: op.summary || op.operationId,
    input,
    output: list ? `ListResult<T.${model}>` : `T.${model}`,
  };
}
