import pointer from 'json-pointer';
import { declaredTypes, isObject, type JsonObject } from '../source/schema-walk.ts';
import { plainScalarKind } from '../source/entities.ts';
import { operationKind, parseResourceUrl } from '../source/resource-url.ts';
import type { EntityIR, FieldIR, ModelIR, OperationIR, ParameterIR, SchemaDocument, SpecIR } from './model.ts';
import { byCodeUnit } from '../source/compare.ts';
import { apiKeyIR } from './api-key.ts';
import { refComponent, resolveRef, resolveObject } from './refs.ts';
import { schemaDocument, schemaRefs } from './schema-document.ts';
import { apiInfo, securitySchemesIR, serversIR } from './api-info.ts';
import { discriminatorSites } from './discriminators.ts';
import { replyShape, responseModel } from './response-model.ts';
import { querySerialization } from './query-serialization.ts';
import { listPage } from './list-page.ts';

/** An operation as the document states it, before the facts derived from its responses. */
type OperationFacts = Omit<OperationIR, 'response' | 'page' | 'reply'>;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Stage 4: the typed IR from the bundled, normalized document. */
export function buildIR(document: JsonObject): SpecIR {
  const schemas = componentSchemas(document);
  const models = Object.keys(schemas)
    .sort()
    .map((name) => modelIR(name, schemas));
  const areas = areasByEntity(document);
  const entities = models
    .filter((m) => m.kind === 'entity')
    .map((m) => entityIR(m, schemas, areas))
    .sort((a, b) => byCodeUnit(a.name, b.name));
  const securitySchemes = securitySchemesIR(document);
  const apiKey = apiKeyIR(securitySchemes, document);
  return {
    document,
    schemas: schemaDocument(document),
    schemaRefs: schemaRefs(document),
    discriminators: discriminatorSites(document),
    info: apiInfo(document),
    servers: serversIR(document),
    securitySchemes,
    models,
    entities,
    operations: operationsIR(document, entities),
    ...(apiKey ? { apiKey } : {}),
  };
}

function componentSchemas(document: JsonObject): Record<string, JsonObject> {
  const components = isObject(document.components) ? document.components : {};
  return isObject(components.schemas) ? (components.schemas as Record<string, JsonObject>) : {};
}

function modelIR(name: string, schemas: Record<string, JsonObject>): ModelIR {
  const schema = schemas[name] as JsonObject;
  const ref = `#/components/schemas/${pointer.escape(name)}`;
  if (typeof schema['x-entity'] === 'string') return { name, ref, schema, kind: 'entity', entity: schema['x-entity'] };
  const of = schema['x-write-of'];
  if (typeof of === 'string') {
    const entity = schemas[of]?.['x-entity'];
    return {
      name,
      ref,
      schema,
      kind: name.endsWith('Create') ? 'create' : 'update',
      ...(typeof entity === 'string' ? { entity } : {}),
    };
  }
  return { name, ref, schema, kind: 'model' };
}

/** An entity's area is the first segment of the URLs that name it (/core/syncs, /accounting/bills). */
function areasByEntity(document: JsonObject): Map<string, string> {
  const paths = isObject(document.paths) ? Object.keys(document.paths) : [];
  return new Map(
    paths.flatMap((p) => {
      const url = parseResourceUrl(p);
      return url ? [[url.entity, url.area] as const] : [];
    }),
  );
}

function entityIR(model: ModelIR, schemas: Record<string, JsonObject>, areas: Map<string, string>): EntityIR {
  const { schema } = model;
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const properties = isObject(schema.properties) ? (schema.properties as Record<string, JsonObject>) : {};
  return {
    name: String(model.entity),
    title: model.name,
    area: areas.get(String(model.entity)) === 'core' ? 'core' : 'accounting',
    description: String(schema.description ?? ''),
    fields: Object.entries(properties).map(([name, s]) => fieldIR(name, s, required.has(name), schemas)),
    ...(schemas[`${model.name}Create`] ? { createModel: `${model.name}Create` } : {}),
    ...(schemas[`${model.name}Update`] ? { updateModel: `${model.name}Update` } : {}),
  };
}

function fieldIR(name: string, schema: JsonObject, required: boolean, schemas: Record<string, JsonObject>): FieldIR {
  const target = derefLocal(schema, schemas);
  const scalar = plainScalarKind(target);
  const enumValues = Array.isArray(target.enum) ? (target.enum as FieldIR['enumValues']) : undefined;
  return {
    name,
    description: String(schema.description ?? target.description ?? ''),
    schema,
    ...(scalar ? { scalar } : {}),
    ...(enumValues ? { enumValues } : {}),
    nullable: declaredTypes(schema).includes('null'),
    required,
    readOnly: schema.readOnly === true,
    writeOnly: schema.writeOnly === true,
    sortable: schema['x-sortable'] === true,
    filterable: schema['x-filterable'] === true,
    ...(typeof schema['x-relation'] === 'string' ? { relation: schema['x-relation'] } : {}),
    ...(typeof schema['x-expands'] === 'string' ? { expands: schema['x-expands'] } : {}),
  };
}

/** A property schema, or the component it refers to (directly or as the one branch beside null). */
function derefLocal(schema: JsonObject, schemas: Record<string, JsonObject>): JsonObject {
  const branches = Array.isArray(schema.anyOf) ? (schema.anyOf as JsonObject[]).filter((b) => b.type !== 'null') : [];
  const name = refComponent(typeof schema.$ref === 'string' ? schema : branches.length === 1 ? branches[0] : undefined);
  return (name && schemas[name]) || schema;
}

function operationsIR(document: JsonObject, entities: EntityIR[]): OperationIR[] {
  const paths = isObject(document.paths) ? document.paths : {};
  const known = new Set(entities.map((e) => e.name));
  const schemas = schemaDocument(document);
  return Object.keys(paths)
    .sort()
    .flatMap((path) => {
      const item = paths[path];
      if (!isObject(item)) return [];
      const shared = Array.isArray(item.parameters) ? item.parameters : [];
      return METHODS.flatMap((method) =>
        isObject(item[method])
          ? [withResponse(schemas, operationIR(document, path, method, item[method] as JsonObject, shared, known))]
          : [],
      );
    });
}

/** The kinds the IR knows; anything else the URL names is an action. */
function irKind(kind: string | undefined): OperationIR['kind'] {
  return (['list', 'get', 'create', 'update', 'delete'].includes(kind ?? '') ? kind : 'action') as OperationIR['kind'];
}

/** The JSON request body: whether it is required, its schema and its example. */
function requestBodyIR(document: JsonObject, op: JsonObject): OperationIR['requestBody'] {
  const body = isObject(op.requestBody) ? resolveObject(document, op.requestBody) : undefined;
  const bodyMedia = body ? jsonMedia(body) : undefined;
  const bodySchema = isObject(bodyMedia?.schema) ? bodyMedia.schema : undefined;
  return bodySchema ? { required: body?.required === true, schema: bodySchema, ...exampleOf(bodyMedia) } : undefined;
}

function operationIR(
  document: JsonObject,
  path: string,
  method: OperationIR['method'],
  op: JsonObject,
  shared: unknown[],
  known: Set<string>,
): OperationFacts {
  const url = parseResourceUrl(path);
  const kind = operationKind({ method, url: path });
  const entity = url && known.has(url.entity) ? url.entity : undefined;
  const requestBody = requestBodyIR(document, op);
  return {
    operationId: String(op.operationId ?? `${method}${path}`),
    method,
    path,
    kind: irKind(kind),
    ...(url?.action ? { action: url.action } : {}),
    ...(entity ? { entity } : {}),
    ...(url ? { area: url.area } : {}),
    summary: String(op.summary ?? ''),
    description: String(op.description ?? ''),
    tags: Array.isArray(op.tags) ? op.tags.map(String) : [],
    parameters: parametersIR(document, [...shared, ...(Array.isArray(op.parameters) ? op.parameters : [])]),
    ...(requestBody ? { requestBody } : {}),
    responses: Object.entries(isObject(op.responses) ? op.responses : {})
      .sort(([a], [b]) => byCodeUnit(a, b))
      .map(([status, r]) => {
        const response = resolveObject(document, r);
        const media = jsonMedia(response);
        const schema = isObject(media?.schema) ? media.schema : undefined;
        const retryable = response['x-retryable'];
        return {
          status,
          description: String(response.description ?? ''),
          ...(schema ? { schema } : {}),
          ...exampleOf(media),
          ...(typeof retryable === 'boolean' ? { retryable } : {}),
        };
      }),
  };
}

/** An operation's facts read off its response envelope: the model in it
 * (generator/ir/response-model.ts) and the list page it is (generator/ir/list-page.ts). */
function withResponse(schemas: SchemaDocument, op: OperationFacts): OperationIR {
  const response = responseModel(op);
  const page = listPage(schemas, op);
  return {
    ...op,
    ...(response ? { response } : {}),
    ...(page ? { page } : {}),
    reply: replyShape({ ...op, ...(page ? { page } : {}) }, response),
  };
}

/** Path-level then operation-level parameters, resolved; an operation's own wins on name+in. */
function parametersIR(document: JsonObject, raw: unknown[]): ParameterIR[] {
  const byKey = new Map<string, ParameterIR>();
  const schemas = schemaDocument(document);
  for (const p of raw.map((r) => resolveRef(document, r)).filter(isObject)) {
    const param = parameterIR(p);
    byKey.set(`${param.in}:${param.name}`, withSerialization(param, schemas));
  }
  return [...byKey.values()];
}

function parameterIR(p: JsonObject): ParameterIR {
  return {
    name: String(p.name),
    in: p.in as ParameterIR['in'],
    required: p.required === true,
    description: String(p.description ?? ''),
    schema: isObject(p.schema) ? p.schema : {},
    ...(typeof p.style === 'string' ? { style: p.style } : {}),
    ...(typeof p.explode === 'boolean' ? { explode: p.explode } : {}),
  };
}

/** A query parameter with how it is serialized (generator/ir/query-serialization.ts). */
function withSerialization(param: ParameterIR, schemas: SchemaDocument): ParameterIR {
  return param.in === 'query' ? { ...param, serialization: querySerialization(schemas, param) } : param;
}

/** The application/json media object of a request body or response. */
function jsonMedia(holder: JsonObject): JsonObject | undefined {
  const content = isObject(holder.content) ? holder.content : {};
  const media = content['application/json'];
  return isObject(media) ? media : undefined;
}

function exampleOf(media: JsonObject | undefined): { example?: unknown } {
  return media?.example !== undefined ? { example: media.example } : {};
}
