import type { JsonObject } from '../source/schema-walk.ts';
import type { ScalarKind } from '../source/entities.ts';
import type { DiscriminatorSite } from './discriminators.ts';

/** The typed intermediate representation every emitter reads. Once it exists, no emitter looks
 * at raw spec files: everything they need is here, already bundled, normalized to OpenAPI 3.1 /
 * JSON Schema 2020-12, with object keys in canonical (sorted) order. */
export interface SpecIR {
  /** The bundled, normalized document (also what generated/openapi.json holds). Schema refs
   * inside it are all local: `#/components/schemas/<Name>`. Only the emitters whose job is to
   * print the document (openapi-json.ts, types/openapi-dts.ts) read it; every other emitter reads
   * the facts below. */
  document: JsonObject;
  /** components.schemas as a document of its own (the same schema objects as `document`'s):
   * every schema `$ref` resolves in it (`resolveRef(ir.schemas, …)`, generator/ir/refs.ts), and
   * it is what Ajv compiles validators over. */
  schemas: SchemaDocument;
  /** Every pointer into (not only at) a component schema that a `$ref` anywhere in the document
   * names, sorted: places such as `/components/schemas/Account/properties/category`. */
  schemaRefs: string[];
  /** Every discriminated union in components.schemas (property, tag → component), by component. */
  discriminators: DiscriminatorSite[];
  info: ApiInfoIR;
  servers: ServerIR[];
  securitySchemes: SecuritySchemeIR[];
  /** Every entry of components.schemas, sorted by name. */
  models: ModelIR[];
  /** The resources (schemas with x-entity), sorted by x-entity. Empty for third-party specs. */
  entities: EntityIR[];
  /** Every operation, sorted by path then method. */
  operations: OperationIR[];
  /** The spec's API-key scheme carried in a header (what the client's `apiKey` fills). */
  apiKey?: ApiKeyIR;
}

/** The component schemas, shaped as a document so that `#/components/schemas/…` refs resolve. */
export type SchemaDocument = { components: { schemas: Record<string, JsonObject> } };

export interface ApiInfoIR {
  title?: string;
  version: string;
  description: string;
}

export interface ServerIR {
  url: string;
  description: string;
}

export interface SecuritySchemeIR {
  /** components.securitySchemes key. */
  name: string;
  type: string;
  /** Where an apiKey travels (header, query, cookie); '' for other types. */
  in: string;
  /** The apiKey's header/parameter name; '' for other types. */
  header: string;
  description: string;
}

export interface ApiKeyIR {
  /** components.securitySchemes key. */
  scheme: string;
  /** The header the key travels in. */
  header: string;
  /** The document's top-level security requires this scheme in every alternative. */
  required: boolean;
}

export type ModelKind = 'entity' | 'create' | 'update' | 'model';

export interface ModelIR {
  /** components.schemas key; also the generated type name and validator suffix (isInvoicePayment). */
  name: string;
  /** `#/components/schemas/<name>`, escaped as a JSON pointer. */
  ref: string;
  schema: JsonObject;
  kind: ModelKind;
  /** x-entity of the entity this model is (or is the write variant of). */
  entity?: string;
}

export interface FieldIR {
  name: string;
  description: string;
  schema: JsonObject;
  /** Filter/sort kind when the field is a scalar. */
  scalar?: ScalarKind;
  enumValues?: (string | number | boolean | null)[];
  nullable: boolean;
  required: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  sortable: boolean;
  filterable: boolean;
  /** x-relation: the x-entity an ID field points at. */
  relation?: string;
  /** x-expands: the ID field this expanded property expands. */
  expands?: string;
}

export interface EntityIR {
  /** x-entity, plural snake_case. */
  name: string;
  /** Component / type name, PascalCase singular. */
  title: string;
  area: 'core' | 'accounting';
  description: string;
  fields: FieldIR[];
  createModel?: string;
  updateModel?: string;
}

/** What an operation's success response carries in `data`: one record or a page of them. */
export interface ResponseModelIR {
  /** components.schemas key of the record (`WriteJob` for an async write). */
  model: string;
  /** A list page: `data` is an array of `model`. */
  many: boolean;
  /** For write jobs: the model each `records[].response` is narrowed to (the written entity). */
  records?: string;
}

/** A cursor-paginated list page an operation reads (generator/ir/list-page.ts): the query
 * parameters that take the cursor and the page size, and the success response's fields that
 * hold the records, the next page's cursor, the previous one's and the total. */
export interface ListPageIR {
  cursorParam: string;
  limitParam?: string;
  recordsField: string;
  nextField: string;
  prevField?: string;
  totalField?: string;
}

/** What the generated layer wraps a handler's result in: a page, one record, or a write job. */
export type ReplyShape = 'list' | 'record' | 'job';

export type OperationKind = 'list' | 'get' | 'create' | 'update' | 'delete' | 'action';

export interface ParameterIR {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  description: string;
  schema: JsonObject;
  /** As declared (`serialization` has them with OpenAPI's defaults applied). */
  style?: string;
  explode?: boolean;
  /** Query parameters only: how the value is written in the query string and what its text
   * becomes (generator/ir/query-serialization.ts). */
  serialization?: QuerySerializationIR;
}

/** A query parameter: one that has a serialization. */
export type QueryParameterIR = ParameterIR & { serialization: QuerySerializationIR };

/** What one query string value becomes before validation. */
export type Coercion = 'string' | 'number' | 'integer' | 'boolean' | 'unknown';

/** deepObject field → operator → what its value becomes (`number[]`: a comma list of numbers). */
export type DeepObjectFields = Record<string, Record<string, Coercion | `${Coercion}[]`>>;

/** A query parameter's serialization, OpenAPI's defaults applied (style `form`; explode true for
 * `form`, false otherwise). `type` is what the value becomes: a scalar coercion, an `array` of
 * `items` (a comma list when explode is false, repeats otherwise) or, for a deepObject, an
 * `object` of `fields` (`filter[amount][gt]=10`). */
export interface QuerySerializationIR {
  style: 'form' | 'spaceDelimited' | 'pipeDelimited' | 'deepObject';
  explode: boolean;
  type: Coercion | 'array' | 'object';
  items?: Coercion;
  fields?: DeepObjectFields;
}

export interface OperationIR {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  kind: OperationKind;
  /** For kind 'action': the last path segment (cancel, download). */
  action?: string;
  /** x-entity of the resource the path names, when it names one. */
  entity?: string;
  area?: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: ParameterIR[];
  /** The application/json request body; `example` is its media example, as the spec gives it or
   * the pipeline derived it. */
  requestBody?: { required: boolean; schema: JsonObject; example?: unknown };
  /** Status code → JSON schema of the application/json body (undefined when there is none) and
   * its media example; `retryable` is the response's `x-retryable` (may a client send the
   * request again?). */
  responses: { status: string; description: string; schema?: JsonObject; example?: unknown; retryable?: boolean }[];
  /** The model inside the success response's `{ data }` envelope (generator/ir/response-model.ts). */
  response?: ResponseModelIR;
  /** The list page a GET reads: it takes a cursor and answers with records and the next cursor. */
  page?: ListPageIR;
  /** 'list' for a list operation that reads a page (`page`), 'job' for a write job, else 'record'. */
  reply: ReplyShape;
}

/** One file an emitter wants written, relative to the output folder. */
export interface GeneratedFile {
  path: string;
  contents: string;
  /** Printed in its final layout by the emitter: the format stage adds the banner only. */
  printed?: true;
}
