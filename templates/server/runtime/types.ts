/** Types shared by the generated route table, handler interfaces and the plugin runtime. Copied
 * verbatim into every generated server. */
import type { FastifyRequest } from 'fastify';
import type { Validator } from '../validators/issues.js';

export type Awaitable<T> = T | Promise<T>;

/** The parameters of an operation that has none of a kind. */
export type NoParams = Record<string, never>;

/** How one query parameter is decoded before validation (see routes.ts). */
export interface QueryParamSpec {
  name: string;
  style: 'form' | 'deepObject';
  explode: boolean;
  type: 'string' | 'number' | 'integer' | 'boolean' | 'unknown' | 'array' | 'object';
  items?: string;
  /** deepObject: field → operator → what the value becomes (`number[]` for a comma list). */
  fields?: Record<string, Record<string, string>>;
}

export interface RouteSpec {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The spec's path (`/core/syncs/{id}/cancel`). */
  path: string;
  /** Fastify's form of it (`/core/syncs/:id/cancel`). */
  url: string;
  kind: 'list' | 'get' | 'create' | 'update' | 'delete' | 'action';
  entity: string;
  area: string;
  /** Method name in the resource's handler interface. */
  handler: string;
  /** The success status. */
  status: number;
  /** What the handler's result is wrapped in. */
  reply: 'list' | 'record' | 'job';
  /** A batch write: `data` is an array and the handler is called once per record. */
  batch: boolean;
  /** Whether the operation takes an Idempotency-Key header. */
  idempotent: boolean;
  query: readonly QueryParamSpec[];
  validators: { query: Validator; path?: Validator; headers?: Validator; body?: Validator; response?: Validator };
}

/** An operation's schema as Fastify reads it (see schemas.ts): `@fastify/swagger` builds its
 * document from these; refs point at the shared schemas (`ledgerspec.<Name>#`). */
export interface RouteSchema {
  operationId: string;
  summary: string;
  tags: readonly string[];
  params?: unknown;
  querystring?: unknown;
  headers?: unknown;
  body?: unknown;
  /** Status → schema of the JSON body, with the response's description. */
  response: Readonly<Record<string, unknown>>;
}

export interface FieldMeta {
  scalar: 'string' | 'number' | 'boolean' | 'date-time' | 'enum' | null | string;
  enum: readonly (string | number | boolean | null)[] | null;
  nullable: boolean;
  required: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  sortable: boolean;
  filterable: boolean;
}

export interface RelationMeta {
  /** The ID field (`invoice_id`, `sales_order_ids`). */
  field: string;
  /** The x-entity it points at. */
  entity: string;
  /** The property it expands into (`invoice`), when expandable. */
  expand: string | null;
  /** An array of IDs. */
  many: boolean;
}

export interface EntityMeta {
  name: string;
  title: string;
  area: string;
  /** `platform_id` for accounting records, `id` for core resources. */
  idField: string;
  createModel: string | null;
  updateModel: string | null;
  fields: Readonly<Record<string, FieldMeta>>;
  relations: readonly RelationMeta[];
}

/** What every handler gets: the validated request. */
export interface RequestInput<Q, P, B> {
  query: Q;
  path: P;
  body: B;
  /** The company the request acts on (query or body `company_id`), when it names one. */
  companyId: string | undefined;
  /** The Idempotency-Key header, when sent. */
  idempotencyKey: string | undefined;
  /** The route being served, for generic implementations. */
  route: RouteSpec;
  request: FastifyRequest;
}

/** A batch write's handler is called once per record of `body.data`, in order. What it returns is
 * that record's `response` in the write job; a ServerError it throws fails that record only (its
 * detail pointers relative to the record, `/contact_id`: the plugin places them under
 * `/data/<index>`). */
export interface RecordInput<Q, P, B> extends RequestInput<Q, P, B> {
  /** The record to write. */
  record: B extends { data: readonly (infer R)[] } ? R : never;
  /** Its position in `body.data`. */
  index: number;
}

/** A list handler also gets the page to return, decoded from `cursor` and `limit`. */
export interface ListInput<Q, P> extends RequestInput<Q, P, undefined> {
  page: { offset: number; limit: number };
}

/** One page of records: `has_more` says whether a `next` cursor is due; `total_count` counts
 * every match (needed only when the request asked for it). */
export interface ListResult<T> {
  data: T[];
  has_more: boolean;
  total_count?: number;
}
