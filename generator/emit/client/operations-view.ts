import type { OperationIR, SpecIR } from '../../ir/model.ts';
import { clientNames, groupNames, methodName, type NamePlan } from '../../plan/name-plan.ts';
import { looseOperationsByTag } from '../../plan/plan-groups.ts';
import { byCodeUnit } from '../../source/compare.ts';
import { retryableStatuses, styleOf } from './view.ts';
import { queryParameters } from '../../ir/query-serialization.ts';

/** What templates/client/operations.ts.hbs renders: the operations of one tag that belong to no
 * entity (every operation of a third-party spec). Untagged ones have `property` undefined and
 * sit on the client itself, as Speakeasy and Fern place them. Every name comes from the NamePlan. */
export interface OperationGroupView {
  file: string;
  property?: string;
  factory: string;
  interfaceName: string;
  title: string;
  operations: PlainOperationView[];
}

export interface PlainOperationView {
  operationId: string;
  name: string;
  opAlias: string;
  constName: string;
  httpMethod: string;
  path: string;
  method: string;
  /** First line of the method's JSDoc: the summary, else the operationId. */
  headline: string;
  description: string;
  /** A required parameter or body: the call cannot be made without `args`. */
  argsRequired: boolean;
  queryStyles: { name: string; style: string }[];
  retryOn: number[];
}

/** Operations with no entity, one group per first tag, in tag order. */
export function operationGroups(ir: SpecIR, plan: NamePlan): OperationGroupView[] {
  const byTag = looseOperationsByTag(ir.operations);
  return [...byTag.keys()].sort(byCodeUnit).map((tag) => groupView(tag, byTag.get(tag) ?? [], plan));
}

function groupView(tag: string, operations: OperationIR[], plan: NamePlan): OperationGroupView {
  const names = groupNames(plan, tag);
  const views = operations.map((op) => plainOperationView(op, plan)).sort((a, b) => byCodeUnit(a.name, b.name));
  return {
    file: names.file,
    ...(names.property === undefined ? {} : { property: names.property }),
    factory: names.factory,
    interfaceName: names.clientInterface,
    title: tag ? `The ${tag} operations` : 'The operations without a tag',
    operations: views,
  };
}

function plainOperationView(op: OperationIR, plan: NamePlan): PlainOperationView {
  const client = clientNames(plan, op);
  return {
    operationId: op.operationId,
    name: methodName(plan, op),
    opAlias: client.alias,
    constName: client.constant,
    httpMethod: op.method.toUpperCase(),
    method: op.method,
    path: op.path,
    headline: op.summary || op.operationId || `${op.method.toUpperCase()} ${op.path}`,
    description: op.description.trim(),
    argsRequired:
      op.requestBody?.required === true ||
      op.parameters.some((p) => p.required && (p.in === 'path' || p.in === 'query' || p.in === 'header')),
    queryStyles: queryParameters(op.parameters).flatMap((p) => styleOf(p)),
    retryOn: retryableStatuses(op),
  };
}
