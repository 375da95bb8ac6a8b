import type { EntityIR, ListPageIR, OperationIR, QueryParameterIR, SpecIR } from '../../ir/model.ts';
import { queryParameters } from '../../ir/query-serialization.ts';
import { resourceLabels } from '../../shared/labels.ts';
import { identifier } from '../../shared/render.ts';
import type { ResponseModelIR as ResponseModel } from '../../ir/model.ts';
import { isBatchWrite } from '../operation-info.ts';
import { areaName, clientNames, methodName, resourceNames, type NamePlan } from '../../plan/name-plan.ts';
import { byCodeUnit } from '../../source/compare.ts';

/** What templates/client/resource.ts.hbs renders for one entity. Every string is either a
 * checked identifier or text the template passes through its `json` / `doc` helpers. */
export interface ResourceView {
  file: string;
  factory: string;
  property: string;
  interfaceName: string;
  title: string;
  label: string;
  singularLabel: string;
  summary: string;
  description: string;
  hasList: boolean;
  /** Has batch writes: gets `waitForJob` and the write-job runtime. */
  hasBatch: boolean;
  typeImports: string;
  runtimeTypeImports: string;
  operations: OperationView[];
}

export interface OperationView {
  operationId: string;
  entityTitle: string;
  entityLabel: string;
  opAlias: string;
  constName: string;
  name: string;
  httpMethod: string;
  path: string;
  partial: string;
  implementation: string;
  summary: string;
  description: string;
  hasId: boolean;
  hasQuery: boolean;
  hasArgs: boolean;
  paramsRequired: boolean;
  queryStyles: { name: string; style: string }[];
  /** Statuses the spec marks `x-retryable: true` for this operation (see retryOn in transport.ts). */
  retryOn: number[];
  response?: ResponseModel;
  /** A batch write: `create`/`update` take one record, `createMany`/`updateMany` a list. */
  batch: boolean;
  isUpdate: boolean;
  manyName: string;
}

/** The partial pair (signature, implementation) for each kind of operation. */
const PARTIALS: Record<OperationIR['kind'], string> = {
  list: 'list',
  get: 'get',
  create: 'body',
  update: 'body',
  delete: 'bodiless',
  action: 'bodiless',
};

/** A list is paged through (`iterate`, `listAll`) when the IR says it reads a page; any other
 * list is one plain call. */
function partialOf(op: OperationIR): string {
  if (op.kind !== 'list') return PARTIALS[op.kind];
  return op.reply === 'list' && pagesLikeRuntime(op.page) ? 'list' : 'bodiless';
}

/** The client runtime pages with `cursor` in and `data`, `next` out
 * (templates/client/runtime/pagination.ts). */
function pagesLikeRuntime(page: ListPageIR | undefined): boolean {
  return page?.cursorParam === 'cursor' && page.recordsField === 'data' && page.nextField === 'next';
}

export function resourceView(entity: EntityIR, operations: OperationIR[], plan: NamePlan): ResourceView {
  const labels = resourceLabels(entity.name, entity.title);
  const names = resourceNames(plan, entity);
  const views = operations
    .map((op) => operationView(op, names.type, labels.singular, plan))
    .sort((a, b) => order(a.name) - order(b.name) || byCodeUnit(a.name, b.name));
  assertUniqueMethods(entity, views);
  return {
    file: names.file,
    factory: identifier(names.factory),
    property: identifier(names.property),
    interfaceName: identifier(names.clientInterface),
    title: identifier(names.type),
    label: labels.pluralHeading,
    singularLabel: labels.singular,
    summary: entity.description.split('\n')[0] ?? '',
    description: entity.description,
    hasList: views.some((v) => v.partial === 'list'),
    hasBatch: views.some((v) => v.batch),
    typeImports: identifier(names.type),
    runtimeTypeImports: runtimeTypes(views).join(', '),
    operations: views,
  };
}

function operationView(op: OperationIR, entityTitle: string, entityLabel: string, plan: NamePlan): OperationView {
  const name = identifier(methodName(plan, op));
  const client = clientNames(plan, op);
  const query = queryParameters(op.parameters);
  const hasId = op.parameters.some((p) => p.in === 'path');
  const batch = isBatchWrite(op);
  const partial = batch ? 'batch' : partialOf(op);
  const response = op.response;
  return {
    operationId: op.operationId,
    entityTitle: identifier(entityTitle),
    entityLabel,
    opAlias: identifier(client.alias),
    constName: identifier(client.constant),
    name,
    httpMethod: op.method.toUpperCase(),
    path: op.path,
    partial,
    implementation: `${partial}-impl`,
    summary: op.summary,
    description: op.description,
    hasId,
    hasQuery: query.length > 0,
    hasArgs: hasId || query.length > 0,
    paramsRequired: query.some((p) => p.required),
    queryStyles: query.flatMap((p) => styleOf(p)),
    retryOn: retryableStatuses(op),
    ...(response ? { response } : {}),
    batch,
    isUpdate: op.kind === 'update',
    manyName: identifier(client.many),
  };
}

/** How the runtime writes a non-scalar query parameter (see templates/client/runtime/query.ts),
 * from the IR's serialization of it; scalars need no entry. */
export function styleOf(param: QueryParameterIR): { name: string; style: string }[] {
  const { style, explode, type } = param.serialization;
  if (style === 'deepObject') return [{ name: param.name, style: 'deepObject' }];
  if (type !== 'array') return [];
  return [{ name: param.name, style: explode ? 'repeat' : 'comma' }];
}

/** The numeric statuses whose response says a client may send the request again; ranges
 * (`5XX`) and `default` are not statuses the transport can match, so they are left out. */
export function retryableStatuses(op: OperationIR): number[] {
  return op.responses.filter((r) => r.retryable === true && /^\d{3}$/.test(r.status)).map((r) => Number(r.status));
}

const KIND_ORDER = ['list', 'get', 'create', 'update', 'delete'];

function order(name: string): number {
  const index = KIND_ORDER.indexOf(name);
  return index === -1 ? KIND_ORDER.length : index;
}

function assertUniqueMethods(entity: EntityIR, views: OperationView[]): void {
  const names = new Set<string>();
  for (const view of views) {
    if (names.has(view.name))
      throw new Error(`client: ${entity.name} has two operations named ${view.name} (${view.operationId})`);
    names.add(view.name);
  }
}

/** Only the helper types the resource's operations use, so the file has no unused imports. */
function runtimeTypes(views: OperationView[]): string[] {
  const used = new Set<string>(['SuccessBody']);
  for (const view of views) {
    if (view.hasQuery) used.add('QueryOf');
    if (view.partial === 'list') ['ExpandOf', 'Expanded', 'PageOf', 'WithExpand'].forEach((t) => used.add(t));
    if (view.partial === 'get') ['ExpandOf', 'Expanded', 'RecordOf', 'WithExpand'].forEach((t) => used.add(t));
    if (view.partial === 'body') used.add('BodyOf');
    if (view.batch) ['BodyOf', view.name === 'update' ? 'OneUpdate' : 'OneRecord'].forEach((t) => used.add(t));
  }
  return [...used].sort();
}

/** Entities with at least one operation, grouped by area, in name order. */
export function clientAreas(ir: SpecIR, plan: NamePlan): { name: string; resources: ResourceView[] }[] {
  const resources = ir.entities.flatMap((entity) => {
    const operations = ir.operations.filter((op) => op.entity === entity.name);
    return operations.length ? [{ area: entity.area, view: resourceView(entity, operations, plan) }] : [];
  });
  const areas = [...new Set(resources.map((r) => r.area))].sort();
  return areas.map((area) => ({
    name: identifier(areaName(plan, area)),
    resources: resources.filter((r) => r.area === area).map((r) => r.view),
  }));
}
