import type { EntityIR, OperationIR } from '../../ir/model.ts';
import { identifier } from '../../shared/render.ts';
import { isBatchWrite, operationMethodName } from '../operation-info.ts';

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

export function handlerGroupView(entity: EntityIR, operations: readonly OperationIR[]): HandlerGroupView {
  const pascal = entity.name
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return {
    entity: entity.name,
    interfaceName: identifier(`${pascal}Handlers`),
    description: entity.description,
    methods: operations.map((op) => methodView(op, identifier(entity.title))),
  };
}

function methodView(op: OperationIR, model: string): HandlerMethodView {
  const o = `operations[${JSON.stringify(op.operationId)}]`;
  const has = (where: string) => op.parameters.some((p) => p.in === where);
  const query = has('query') ? `NonNullable<${o}['parameters']['query']>` : 'NoParams';
  const path = has('path') ? `NonNullable<${o}['parameters']['path']>` : 'NoParams';
  const body = op.requestBody ? `NonNullable<${o}['requestBody']>['content']['application/json']` : 'undefined';
  const list = op.kind === 'list';
  const input = list
    ? `ListInput<${query}, ${path}>`
    : isBatchWrite(op)
      ? `RecordInput<${query}, ${path}, ${body}>`
      : `RequestInput<${query}, ${path}, ${body}>`;
  return {
    name: identifier(operationMethodName(op)),
    operationId: op.operationId,
    summary: op.summary || op.operationId,
    input,
    output: list ? `ListResult<T.${model}>` : `T.${model}`,
  };
}
