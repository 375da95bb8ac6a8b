import { camelCase, pascalCase, snakeCase } from 'change-case';
import pointer from 'json-pointer';
import type { Diagnostic } from '../diagnostics.ts';
import type { EntityIR, OperationIR, SpecIR } from '../ir/model.ts';
import { resourceLabels } from '../shared/labels.ts';
import { claimNames, type NameRequest } from './claims.ts';
import { identifier } from './identifier.ts';
import { operationSource, type OperationSources } from './locate.ts';
import { planNested } from './plan-nested.ts';
import { looseOperationsByTag, planGroupMethods, planGroups } from './plan-groups.ts';
import { byCodeUnit } from '../source/compare.ts';
import { operationKey, type ModelNames, type NamePlan, type OperationNames, type ResourceNames } from './name-plan.ts';

/** Stage `plan`: every generated identifier and file name, decided once from identity (component
 * key, `<method> <path>`, x-entity), stable as the spec grows (see claimNames). A spec string that
 * is not an identifier becomes one; the only errors are what no name can fix (two operations
 * sharing an operationId, which openapi.d.ts's `operations` cannot hold). */
export function planNames(
  ir: SpecIR,
  sources?: OperationSources,
): {
  plan: NamePlan;
  diagnostics: Diagnostic[];
} {
  const models = planModels(ir.models.map((m) => m.name));
  const areas = planAreas(ir.entities);
  const byTag = looseOperationsByTag(ir.operations);
  const groups = planGroups([...byTag.keys()].sort(byCodeUnit), [...areas.values()]);
  const groupMethods = planGroupMethods(byTag, groups, [...areas.values()]);
  const operations = planOperations(ir, groupMethods);
  const resources = planResources(ir.entities, models);
  const plan = { models, operations, resources, areas, groups, nested: planNested(ir, models) };
  return { plan, diagnostics: duplicateOperationIds(ir.operations, sources) };
}

const plans = new WeakMap<SpecIR, NamePlan>();

/** The plan of an IR, made once per IR object, for the docs site: its pages ask for names page by
 * page, from one IR that nothing edits while it renders. */
export function planFor(ir: SpecIR): NamePlan {
  let plan = plans.get(ir);
  if (!plan) plans.set(ir, (plan = planNames(ir).plan));
  return plan;
}

function planModels(keys: string[]): Map<string, ModelNames> {
  const requests = keys.map((key) => ({ identity: key, wanted: identifier(key, 'pascal') }));
  const types = claimNames(requests);
  // Files in the same order as the types (an exact type keeps its file too); `index` is the barrel.
  const files = claimNames(
    requests.map((r) => ({
      identity: r.identity,
      wanted: snakeCase(types.get(r.identity)!) || 'schema',
      exact: r.identity === r.wanted,
    })),
    { taken: ['index'] },
  );
  return new Map(keys.map((key) => [key, { type: types.get(key)!, file: files.get(key)! }]));
}

const REQUEST_PARTS = ['Query', 'Path', 'Headers', 'Body', 'Response'] as const;

function planOperations(ir: SpecIR, groupMethods: Map<string, string>): Map<string, OperationNames> {
  const ids = claimNames(ir.operations.map((op) => nameRequest(op, identifier(op.operationId, 'camel'))));
  const pages = claimNames(
    ir.operations.map((op) => nameRequest(op, slug(op.operationId, ids.get(operationKey(op))!))),
    { fold: (name) => name.toLowerCase() },
  );
  const methods = planMethods(ir.operations);
  return new Map(
    ir.operations.map((op) => {
      const key = operationKey(op);
      const id = ids.get(key)!;
      const requestSchemas = Object.fromEntries(REQUEST_PARTS.map((part) => [part, `${id}${part}`]));
      const method = methods.get(key) ?? groupMethods.get(key);
      return [
        key,
        {
          id,
          requestSchemas: requestSchemas as OperationNames['requestSchemas'],
          ...(method ? { method, client: clientNames(method) } : {}),
          page: pages.get(key)!,
        },
      ];
    }),
  );
}

/** Method names are unique per resource: the operation kind (`list`, `get`…) or its action. */
function planMethods(operations: OperationIR[]): Map<string, string> {
  const byEntity = new Map<string, OperationIR[]>();
  for (const op of operations)
    if (op.entity !== undefined) byEntity.set(op.entity, [...(byEntity.get(op.entity) ?? []), op]);
  const methods = new Map<string, string>();
  for (const ops of byEntity.values())
    for (const [key, name] of claimNames(ops.map((op) => methodRequest(op)))) methods.set(key, name);
  return methods;
}

/** The kind, or for an action its last path segment in camelCase (`cancel`, `disconnect`). */
function methodRequest(op: OperationIR): NameRequest {
  const base = op.kind === 'action' ? camelCase(op.action ?? op.operationId) : op.kind;
  const wanted = identifier(base, 'member', 'action');
  return { identity: operationKey(op), wanted, exact: wanted === base };
}

function clientNames(method: string): NonNullable<OperationNames['client']> {
  return {
    alias: `${identifier(pascalCase(method), 'pascal')}Op`,
    constant: `${method.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}_OPERATION`,
    many: `${method}Many`,
  };
}

function nameRequest(op: OperationIR, wanted: string): NameRequest {
  return { identity: operationKey(op), wanted, exact: wanted === op.operationId };
}

/** A page name: the spec's own string when it is made of safe characters, else its identifier. */
function slug(raw: string, fallback: string): string {
  return /^[A-Za-z0-9_-]+$/.test(raw) ? raw : fallback;
}

function planResources(entities: EntityIR[], models: Map<string, ModelNames>): Map<string, ResourceNames> {
  const properties = claimNames(
    entities.map((e) => {
      const camelPlural = resourceLabels(e.name, e.title).camelPlural;
      const wanted = identifier(camelPlural, 'member', 'resource');
      return { identity: e.name, wanted, exact: wanted === camelPlural };
    }),
  );
  const files = claimNames(
    entityRequests(entities, (e) => snakeCase(e.name) || 'resource'),
    { fold: lower },
  );
  const pages = claimNames(
    entityRequests(entities, (e) => slug(e.name, files.get(e.name)!)),
    { fold: lower },
  );
  const keys = claimNames(entityRequests(entities, (e) => identifier(e.name, 'member', 'resource')));
  return new Map(
    entities.map((e) => {
      const pascal = identifier(pascalCase(e.name), 'pascal', 'Resource');
      const property = properties.get(e.name)!;
      const names: ResourceNames = {
        property,
        factory: `${property}Resource`,
        clientInterface: `${pascal}Resource`,
        handlersInterface: `${pascal}Handlers`,
        handlersKey: keys.get(e.name)!,
        file: files.get(e.name)!,
        type: models.get(e.title)?.type ?? identifier(e.title, 'pascal'),
        page: pages.get(e.name)!,
      };
      return [e.name, names];
    }),
  );
}

const lower = (name: string) => name.toLowerCase();

function entityRequests(entities: EntityIR[], wanted: (e: EntityIR) => string): NameRequest[] {
  return entities.map((e) => ({ identity: e.name, wanted: wanted(e) }));
}

function planAreas(entities: EntityIR[]): Map<string, string> {
  const areas = [...new Set(entities.map((e) => e.area as string))];
  return claimNames(areas.map((area) => ({ identity: area, wanted: identifier(area, 'member', 'area') })));
}

/** Two operations with one operationId: openapi.d.ts (openapi-typescript) keys `operations` by it. */
function duplicateOperationIds(operations: OperationIR[], sources: OperationSources | undefined): Diagnostic[] {
  const first = new Map<string, OperationIR>();
  const problems: Diagnostic[] = [];
  for (const op of operations) {
    const earlier = first.get(op.operationId);
    if (!earlier) {
      first.set(op.operationId, op);
      continue;
    }
    const at = sources ? operationSource(sources, op, 'operationId') : undefined;
    const line = at?.file.lineOf(at.pointer);
    problems.push({
      code: 'plan-names',
      severity: 'error',
      message: `operationId ${JSON.stringify(op.operationId)} is already the operationId of ${earlier.method.toUpperCase()} ${earlier.path}; operationIds must be unique`,
      file: at?.file.path ?? '',
      pointer: at?.pointer ?? pointer.compile(['paths', op.path, op.method, 'operationId']),
      ...(line === undefined ? {} : { line }),
    });
  }
  return problems;
}
