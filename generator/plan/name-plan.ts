import type { EntityIR, ModelIR, OperationIR } from '../ir/model.ts';

// The NamePlan: every identifier and file name the emitters write, decided once by the plan stage
// (planNames) from each thing's identity in the spec. Emitters look names up here and never make
// one of a spec string themselves, so two emitters cannot disagree about a name.

/** The part of a request (or the response) one generated server validator checks. */
export type RequestPart = 'Query' | 'Path' | 'Headers' | 'Body' | 'Response';

export interface ModelNames {
  /** The exported type (types/index.ts), the validator's export in validators/standalone.js and
   * the suffix of isX / assertX / validateX. */
  type: string;
  /** File stem under types/ (snake_case of `type`). */
  file: string;
}

export interface OperationNames {
  /** The operationId as an identifier. */
  id: string;
  /** Exports of server/validators.js: `<id><part>`. */
  requestSchemas: Record<RequestPart, string>;
  /** Its method on its resource, in the client and in the server's handler interface alike; for
   * an operation of no resource (a third-party spec's), its method on its tag's client group. */
  method?: string;
  /** The client's names derived from `method` (in the resource's module): the operation's type
   * alias (`CancelOp`), its descriptor constant (`CANCEL_OPERATION`) and the list form of a batch
   * write (`createMany`). */
  client?: { alias: string; constant: string; many: string };
  /** Docs page (`operation-<slug>.html`): letters, digits, `-` and `_` only. */
  page: string;
}

export interface ResourceNames {
  /** The client property (`client.accounting.invoicePayments`) and the key of its factory. */
  property: string;
  /** `invoicePaymentsResource`. */
  factory: string;
  /** `InvoicePaymentsResource`. */
  clientInterface: string;
  /** `InvoicePaymentsHandlers`. */
  handlersInterface: string;
  /** The resource's key in the server's Handlers interface (its x-entity, made an identifier). */
  handlersKey: string;
  /** File stem of client/resources/<file>.ts. */
  file: string;
  /** The entity's model type (the planned name of the component its title names). */
  type: string;
  /** Docs page (`model-<slug>.html`). */
  page: string;
}

/** The client group of the operations of one tag that belong to no resource. */
export interface GroupNames {
  /** The client property (`client.asset`); undefined for the untagged group, whose methods sit on
   * the client itself. */
  property?: string;
  /** `assetOperations`. */
  factory: string;
  /** `AssetOperations`. */
  clientInterface: string;
  /** File stem of client/operations/<file>.ts. */
  file: string;
}

/** A sub-schema of a component that gets a type of its own, declared in its component's file
 * (types/<file>.ts) and imported wherever else it is used. */
export interface NestedName {
  /** The exported type: the component's type name, then the title or the position
   * (`AccountCategory`). */
  type: string;
  /** components.schemas key of the component that holds it (and whose file declares it). */
  owner: string;
  /** `ref`: a `$ref` somewhere points at it; `title`: it is an object, enum or composition with a
   * title of its own. */
  by: 'ref' | 'title';
}

export interface NamePlan {
  /** By components.schemas key. */
  models: ReadonlyMap<string, ModelNames>;
  /** By operationKey (`<method> <path>`). */
  operations: ReadonlyMap<string, OperationNames>;
  /** By x-entity. */
  resources: ReadonlyMap<string, ResourceNames>;
  /** By area (`core`, `accounting`): the client's namespace property. */
  areas: ReadonlyMap<string, string>;
  /** By first tag ('' for none), for operations of no resource. */
  groups: ReadonlyMap<string, GroupNames>;
  /** By JSON pointer into a component schema (`/components/schemas/Account/properties/category`):
   * the nested types. Identical titled sub-schemas of one component share one entry's type. */
  nested: ReadonlyMap<string, NestedName>;
}

/** The tag an operation of no resource is grouped by ('' when it has none). */
export function groupTag(op: Pick<OperationIR, 'tags'>): string {
  return op.tags[0] ?? '';
}

/** The identity of an operation: method and path are unique in a spec, operationIds need not be. */
export function operationKey(op: Pick<OperationIR, 'method' | 'path'>): string {
  return `${op.method} ${op.path}`;
}

export function modelNames(plan: NamePlan, model: ModelIR | string): ModelNames {
  const key = typeof model === 'string' ? model : model.name;
  return planned(plan.models.get(key), 'model', key);
}

export function operationNames(plan: NamePlan, op: OperationIR): OperationNames {
  return planned(plan.operations.get(operationKey(op)), 'operation', operationKey(op));
}

export function resourceNames(plan: NamePlan, entity: EntityIR | string): ResourceNames {
  const key = typeof entity === 'string' ? entity : entity.name;
  return planned(plan.resources.get(key), 'resource', key);
}

export function groupNames(plan: NamePlan, tag: string): GroupNames {
  return planned(plan.groups.get(tag), 'group', tag);
}

export function areaName(plan: NamePlan, area: string): string {
  return planned(plan.areas.get(area), 'area', area);
}

/** The method of an operation on a resource. */
export function methodName(plan: NamePlan, op: OperationIR): string {
  return planned(operationNames(plan, op).method, 'method of', operationKey(op));
}

export function clientNames(plan: NamePlan, op: OperationIR): NonNullable<OperationNames['client']> {
  return planned(operationNames(plan, op).client, 'client names of', operationKey(op));
}

/** The nested type at a position, when the plan made one there. */
export function nestedName(plan: NamePlan, at: string): NestedName | undefined {
  return plan.nested.get(at);
}

/** A name the plan lacks is a bug (an emitter was handed another IR than the plan was made of). */
function planned<T>(value: T | undefined, what: string, key: string): T {
  if (value === undefined) throw new Error(`the NamePlan has no ${what} ${JSON.stringify(key)}`);
  return value;
}
