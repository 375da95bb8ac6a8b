import type { EntitySource } from '../source/entities.ts';
import { scalarKind, topLevelProperties } from '../source/entities.ts';
import type { SpecSources } from '../source/spec-sources.ts';
import type { JsonObject } from '../source/schema-walk.ts';
import { ERROR_RESPONSES } from '../lint/rules/error-responses.ts';
import { operationIdFor, resourceLabels, type ResourceLabels } from '../shared/labels.ts';
import type { CrudKind } from './crud-kinds.ts';

export { CRUD_KINDS, type CrudKind } from './crud-kinds.ts';

/** An operation beyond CRUD, e.g. `POST /core/syncs/{id}/cancel`. */
export interface ActionSpec {
  name: string;
  summary: string;
  description: string;
}

export interface ResourceSpec {
  entity: EntitySource;
  kinds: CrudKind[];
  actions?: ActionSpec[];
}

/** The path file of one resource: path items keyed by role, referenced from openapi.yaml. */
export interface ResourcePathFile {
  /** Relative to the spec folder, e.g. `paths/accounting/invoice_payments.yaml`. */
  specPath: string;
  /** Root `paths` entries: URL template → `$ref` into the path file. */
  rootPaths: Record<string, { $ref: string }>;
  tag: { name: string; description: string };
  content: Record<string, JsonObject>;
}

const ROOT = '../../openapi.yaml#/components';

/** Builds the path items of a resource in the spec's house style from its entity schema. */
export function resourcePathFile(sources: SpecSources, spec: ResourceSpec): ResourcePathFile {
  const { entity } = spec;
  const labels = resourceLabels(entity.entity, entity.title);
  const base = `/${entity.area}/${entity.entity}`;
  const ctx: OperationContext = { sources, spec, labels, schemaRef: `../../${entity.source.specPath}` };
  const content: Record<string, JsonObject> = {};
  // Accounting writes are batches, so an accounting update patches the collection (each record
  // names itself); a core update patches the record at its own URL.
  const batchUpdate = spec.kinds.includes('update') && isAccounting(ctx);
  const collection = pick({
    get: ctx.spec.kinds.includes('list') && listOperation(ctx),
    post: spec.kinds.includes('create') && createOperation(ctx),
    patch: batchUpdate && updateOperation(ctx),
  });
  const item = pick({
    get: spec.kinds.includes('get') && getOperation(ctx),
    patch: !batchUpdate && spec.kinds.includes('update') && updateOperation(ctx),
    delete: spec.kinds.includes('delete') && deleteOperation(ctx),
  });
  if (collection) content.collection = collection;
  if (item) content.item = { parameters: [{ $ref: `${ROOT}/parameters/Id` }], ...item };
  for (const action of spec.actions ?? [])
    content[action.name] = { parameters: [{ $ref: `${ROOT}/parameters/Id` }], post: actionOperation(ctx, action) };
  const specPath = `paths/${entity.area}/${entity.entity}.yaml`;
  const rootPaths: Record<string, { $ref: string }> = {};
  if (content.collection) rootPaths[base] = { $ref: `${specPath}#/collection` };
  if (content.item) rootPaths[`${base}/{id}`] = { $ref: `${specPath}#/item` };
  for (const action of spec.actions ?? [])
    rootPaths[`${base}/{id}/${action.name}`] = { $ref: `${specPath}#/${action.name}` };
  return {
    specPath,
    rootPaths,
    tag: { name: labels.pluralHeading, description: String(entity.doc.description ?? '').trim() },
    content,
  };
}

interface OperationContext {
  sources: SpecSources;
  spec: ResourceSpec;
  labels: ResourceLabels;
  schemaRef: string;
}

function pick(ops: Record<string, JsonObject | false>): JsonObject | undefined {
  const kept = Object.entries(ops).filter((e): e is [string, JsonObject] => e[1] !== false);
  return kept.length ? Object.fromEntries(kept) : undefined;
}

const isAccounting = (ctx: OperationContext) => ctx.spec.entity.area === 'accounting';

function header(ctx: OperationContext, kind: string, summary: string, description: string): JsonObject {
  return { operationId: operationIdFor(kind, ctx.labels), summary, description, tags: [ctx.labels.pluralHeading] };
}

/** The shared error responses, in status order (what lint rule error-responses asks for). */
function errors(...codes: string[]): JsonObject {
  return Object.fromEntries([...codes].sort().map((c) => [c, { $ref: `${ROOT}/responses/${ERROR_RESPONSES[c]}` }]));
}

/** What every write (POST, PATCH, DELETE) can also be answered with: refused now, a body too
 * large or not JSON. */
const WRITE_ERRORS = ['403', '413', '415'];

function listOperation(ctx: OperationContext): JsonObject {
  const { labels } = ctx;
  const scope = isAccounting(ctx) ? [{ $ref: `${ROOT}/parameters/CompanyId` }] : [];
  const parameters = [
    ...scope,
    { $ref: `${ROOT}/parameters/Limit` },
    { $ref: `${ROOT}/parameters/Cursor` },
    { $ref: `${ROOT}/parameters/IncludeTotalCount` },
    ...optional(sortParameter(ctx), filterParameter(ctx), expandParameter(ctx)),
    ...(isAccounting(ctx) ? [{ $ref: `${ROOT}/parameters/Select` }] : []),
  ];
  return {
    ...header(
      ctx,
      'list',
      `List ${labels.plural}`,
      `Returns one page of ${labels.plural}${isAccounting(ctx) ? " from the company's books" : ''}. Follow \`next\` to read the following page.`,
    ),
    parameters,
    responses: {
      '200': jsonResponse(`A page of ${labels.plural}.`, {
        allOf: [
          { $ref: `${ROOT}/schemas/Envelope` },
          { $ref: `${ROOT}/schemas/Pagination` },
          dataOf({ type: 'array', items: { $ref: ctx.schemaRef }, description: `The ${labels.plural} on this page.` }),
        ],
      }),
      ...errors('400', '401', ...(isAccounting(ctx) ? ['404'] : []), '429', '500'),
    },
  };
}

function getOperation(ctx: OperationContext): JsonObject {
  const { labels } = ctx;
  const scope = isAccounting(ctx) ? [{ $ref: `${ROOT}/parameters/CompanyId` }] : [];
  return {
    ...header(
      ctx,
      'get',
      `Get ${labels.withArticle}`,
      `Returns one ${labels.singular} by its ${isAccounting(ctx) ? 'platform ID' : 'ID'}.`,
    ),
    parameters: [
      ...scope,
      ...optional(expandParameter(ctx)),
      ...(isAccounting(ctx) ? [{ $ref: `${ROOT}/parameters/Select` }] : []),
    ],
    responses: { '200': recordResponse(ctx, `The ${labels.singular}.`), ...errors('400', '401', '404', '429', '500') },
  };
}

/** Every POST and PATCH accepts a key that makes retrying it safe. */
const IDEMPOTENCY_KEY = { $ref: `${ROOT}/parameters/IdempotencyKey` };

/** Accounting writes may run in the background (`Prefer: respond-async`, answered 202). */
const PREFER_ASYNC = { $ref: `${ROOT}/parameters/PreferAsync` };

/** The most records one accounting write request takes. */
export const MAX_BATCH = 100;

function createOperation(ctx: OperationContext): JsonObject {
  const { labels } = ctx;
  if (isAccounting(ctx)) {
    return {
      ...header(
        ctx,
        'create',
        `Create ${labels.plural}`,
        batchDescription(ctx, `Creates one or more ${labels.plural}`),
      ),
      parameters: [IDEMPOTENCY_KEY, PREFER_ASYNC],
      requestBody: writeBody(
        ctx,
        `The ${labels.plural} to create, 1 to ${MAX_BATCH}. Each is written on its own and gets its own result in the job, in this order.`,
      ),
      responses: {
        ...writeResponse(ctx, 'create'),
        ...errors('400', '401', ...WRITE_ERRORS, '404', '409', '422', '429', '500'),
      },
    };
  }
  return {
    ...header(ctx, 'create', `Create ${labels.withArticle}`, writeDescription(ctx, `Creates ${labels.withArticle}`)),
    parameters: [IDEMPOTENCY_KEY],
    requestBody: writeBody(ctx, `The ${labels.singular} to create.`),
    responses: {
      ...writeResponse(ctx, 'create'),
      ...errors('400', '401', ...WRITE_ERRORS, '404', '409', '422', '429', '500'),
    },
  };
}

function updateOperation(ctx: OperationContext): JsonObject {
  const { labels } = ctx;
  if (isAccounting(ctx)) {
    return {
      ...header(
        ctx,
        'update',
        `Update ${labels.plural}`,
        batchDescription(
          ctx,
          `Changes one or more ${labels.plural}, each named by its platform_id; fields left out keep their value`,
        ),
      ),
      parameters: [IDEMPOTENCY_KEY, PREFER_ASYNC],
      requestBody: writeBody(
        ctx,
        `The ${labels.plural} to change, 1 to ${MAX_BATCH}: each names its record by platform_id and carries only the fields to change. Each gets its own result in the job, in this order.`,
      ),
      responses: {
        ...writeResponse(ctx, 'update'),
        ...errors('400', '401', ...WRITE_ERRORS, '404', '422', '429', '500'),
      },
    };
  }
  return {
    ...header(
      ctx,
      'update',
      `Update ${labels.withArticle}`,
      writeDescription(ctx, `Changes the given fields of ${labels.withArticle}; fields left out keep their value`),
    ),
    parameters: [IDEMPOTENCY_KEY],
    requestBody: writeBody(ctx, `The fields of the ${labels.singular} to change.`),
    responses: {
      ...writeResponse(ctx, 'update'),
      ...errors('400', '401', ...WRITE_ERRORS, '404', '422', '429', '500'),
    },
  };
}

function batchDescription(ctx: OperationContext, what: string): string {
  return `${what} on the accounting platform (up to ${MAX_BATCH} in one request). The response is a write job: one result per record, in request order, each with the record as the platform stored it or the error that stopped it; the job's status is SUCCESS when every record was written and FAILED when any was not. With \`Prefer: respond-async\` the job runs in the background (202). Fields the unified model lacks go in \`raw_data\`.`;
}

function deleteOperation(ctx: OperationContext): JsonObject {
  const { labels } = ctx;
  const scope = isAccounting(ctx) ? [{ $ref: `${ROOT}/parameters/CompanyId` }] : [];
  return {
    ...header(
      ctx,
      'delete',
      `Delete ${labels.withArticle}`,
      isAccounting(ctx)
        ? writeDescription(ctx, `Deletes (or voids, where the platform only voids) ${labels.withArticle}`)
        : `Deletes ${labels.withArticle} and returns it as it was.`,
    ),
    parameters: scope,
    responses: { ...writeResponse(ctx, 'delete'), ...errors('400', '401', ...WRITE_ERRORS, '404', '429', '500') },
  };
}

function actionOperation(ctx: OperationContext, action: ActionSpec): JsonObject {
  const scope = isAccounting(ctx) ? [{ $ref: `${ROOT}/parameters/CompanyId` }] : [];
  return {
    ...header(ctx, action.name, action.summary, action.description),
    parameters: [...scope, IDEMPOTENCY_KEY],
    responses: {
      '200': recordResponse(ctx, `The ${ctx.labels.singular} after the action.`),
      ...errors('400', '401', ...WRITE_ERRORS, '404', '422', '429', '500'),
    },
  };
}

function writeDescription(ctx: OperationContext, what: string): string {
  if (!isAccounting(ctx)) return `${what}.`;
  return `${what} on the accounting platform. The response is a write job: its status tells whether the platform accepted the record, and each record result carries the record as the platform stored it. Fields the unified model lacks go in \`raw_data\`.`;
}

function writeBody(ctx: OperationContext, description: string): JsonObject {
  const companyScoped = isAccounting(ctx) || hasCompanyRelation(ctx);
  const properties: JsonObject = {};
  if (companyScoped)
    properties.company_id = {
      type: 'string',
      minLength: 1,
      description: 'The ID of the company whose books (or connection) the request acts on.',
      examples: ['com_01HX2V9Q8K3M4N5P6R7S8T9V0W'],
    };
  properties.data = isAccounting(ctx)
    ? {
        type: 'array',
        minItems: 1,
        maxItems: MAX_BATCH,
        items: { $ref: ctx.schemaRef },
        description: `${description} Read-only fields are not accepted.`,
      }
    : { $ref: ctx.schemaRef, description: `${description} Read-only fields are not accepted.` };
  return {
    required: true,
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: companyScoped ? ['company_id', 'data'] : ['data'],
          additionalProperties: false,
          properties,
        },
      },
    },
  };
}

function hasCompanyRelation(ctx: OperationContext): boolean {
  return topLevelProperties(ctx.spec.entity.doc).some(
    ([name, s]) => name === 'company_id' && s['x-relation'] === 'companies',
  );
}

function writeResponse(ctx: OperationContext, kind: 'create' | 'update' | 'delete'): JsonObject {
  const { labels } = ctx;
  if (!isAccounting(ctx)) {
    return {
      [kind === 'create' ? '201' : '200']: recordResponse(
        ctx,
        kind === 'delete' ? `The deleted ${labels.singular}.` : `The ${labels.singular} as stored.`,
      ),
    };
  }
  const record = {
    allOf: [
      { $ref: `${ROOT}/schemas/WriteJobRecord` },
      {
        type: 'object',
        properties: {
          response: {
            anyOf: [{ $ref: ctx.schemaRef }, { type: 'null' }],
            description: `The ${labels.singular} as the platform stored it; null when the write failed.`,
          },
        },
      },
    ],
  };
  const job = {
    allOf: [
      { $ref: `${ROOT}/schemas/WriteJob` },
      {
        type: 'object',
        properties: { records: { type: 'array', items: record, description: 'One result for each record written.' } },
      },
    ],
  };
  const schema = { allOf: [{ $ref: `${ROOT}/schemas/Envelope` }, dataOf({ ...job, description: 'The write job.' })] };
  if (kind === 'delete') return { '200': jsonResponse(`The write job for the ${labels.singular}.`, schema) };
  return {
    '200': jsonResponse(
      `The write job for the ${labels.plural}, finished: its status and one result per record, in request order.`,
      schema,
    ),
    '202': jsonResponse(
      `The write job for the ${labels.plural}, accepted to run in the background (the request said \`Prefer: respond-async\`): status CREATED or RUNNING and no record results yet; follow it at /core/jobs/{job_id}.`,
      schema,
    ),
  };
}

function recordResponse(ctx: OperationContext, description: string): JsonObject {
  return jsonResponse(description, {
    allOf: [{ $ref: `${ROOT}/schemas/Envelope` }, dataOf({ $ref: ctx.schemaRef, description })],
  });
}

function dataOf(schema: JsonObject): JsonObject {
  return { type: 'object', required: ['data'], properties: { data: schema } };
}

function jsonResponse(description: string, schema: JsonObject): JsonObject {
  return { description, content: { 'application/json': { schema } } };
}

function optional(...params: (JsonObject | undefined)[]): JsonObject[] {
  return params.filter((p): p is JsonObject => p !== undefined);
}

function flagged(ctx: OperationContext, flag: string): [string, JsonObject][] {
  return topLevelProperties(ctx.spec.entity.doc).filter(([, s]) => s[flag] === true);
}

function sortParameter(ctx: OperationContext): JsonObject | undefined {
  const fields = flagged(ctx, 'x-sortable').map(([name]) => name);
  if (!fields.length) return undefined;
  return {
    name: 'sort',
    in: 'query',
    style: 'form',
    explode: false,
    description:
      'Comma-separated sortable fields; a leading `-` sorts that field descending (e.g. `sort=-updated_at`).',
    schema: { type: 'array', uniqueItems: true, items: { type: 'string', enum: fields.flatMap((f) => [f, `-${f}`]) } },
  };
}

const FILTER_SCHEMAS = {
  string: 'StringFilter',
  number: 'NumberFilter',
  boolean: 'BooleanFilter',
  'date-time': 'DateTimeFilter',
} as const;

function filterParameter(ctx: OperationContext): JsonObject | undefined {
  const from = ctx.spec.entity.source.specPath;
  const properties = Object.fromEntries(
    flagged(ctx, 'x-filterable').flatMap(([name, schema]) => {
      const kind = scalarKind(ctx.sources, from, schema);
      if (!kind) return [];
      const description = `Conditions on \`${name}\`.`;
      if (kind === 'enum') return [[name, enumFilter(`${ctx.schemaRef}#/properties/${name}`, description)]];
      return [[name, { $ref: `${ROOT}/schemas/${FILTER_SCHEMAS[kind]}`, description }]];
    }),
  );
  if (!Object.keys(properties).length) return undefined;
  return {
    name: 'filter',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description:
      'Conditions on filterable fields, written `filter[field][operator]=value`; all conditions must hold. `in` takes a comma-separated list.',
    schema: { type: 'object', additionalProperties: false, properties },
  };
}

function enumFilter(valueRef: string, description: string): JsonObject {
  return {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    description,
    properties: {
      eq: { $ref: valueRef, description: 'Equal to this value.' },
      ne: { $ref: valueRef, description: 'Not equal to this value.' },
      in: { type: 'array', items: { $ref: valueRef }, description: 'One of these values.' },
    },
  };
}

function expandParameter(ctx: OperationContext): JsonObject | undefined {
  const names = topLevelProperties(ctx.spec.entity.doc)
    .filter(([, s]) => typeof s['x-expands'] === 'string')
    .map(([name]) => name);
  if (!names.length) return undefined;
  return {
    name: 'expand',
    in: 'query',
    style: 'form',
    explode: false,
    description: 'Comma-separated relations to embed in each record as `{ "data": … }`.',
    schema: { type: 'array', uniqueItems: true, items: { type: 'string', enum: names } },
  };
}
