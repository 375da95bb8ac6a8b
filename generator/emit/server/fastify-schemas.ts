import type { OperationIR } from '../../ir/model.ts';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { stripAnnotations } from '../../validation/schemas-stamp.ts';
import { operationSchemas } from './request-schemas.ts';
import type { NamePlan } from '../../plan/name-plan.ts';
import { setOwn } from '../../source/own-keys.ts';

/** The `$id` prefix of the spec's component schemas when added to Fastify (`addSchema`): their
 * names, namespaced so they cannot clash with a host app's own shared schemas. */
export const SHARED_SCHEMA_PREFIX = 'ledgerspec.';

/** A route's schema as Fastify, `@fastify/swagger` and type providers read it. Validation stays
 * the generated validators' (the plugin gives Fastify a validator compiler that accepts all). */
export interface FastifyRouteSchema {
  operationId: string;
  summary: string;
  tags: string[];
  params?: unknown;
  querystring?: unknown;
  headers?: unknown;
  body?: unknown;
  response: Record<string, unknown>;
}

/** The document's component schemas, each with its `$id`, for `addSchema`. */
export function sharedSchemas(document: JsonObject): JsonObject[] {
  const components =
    isObject(document.components) && isObject(document.components.schemas) ? document.components.schemas : {};
  return Object.entries(components).map(([name, schema]) => ({
    $id: `${SHARED_SCHEMA_PREFIX}${name}`,
    ...(fastifyRefs(stripAnnotations(schema)) as JsonObject),
  }));
}

/** One operation's schemas: parameters by location, the body and every declared JSON response
 * (with its description), refs pointing at the shared schemas. */
export function fastifyRouteSchema(op: OperationIR, plan: NamePlan): FastifyRouteSchema {
  const parts = operationSchemas(op, plan);
  const lean = (schema: unknown) => fastifyRefs(stripAnnotations(schema));
  const response: Record<string, unknown> = {};
  for (const r of op.responses) {
    setOwn(
      response,
      r.status,
      r.schema
        ? { description: r.description, ...(lean(r.schema) as JsonObject) }
        : { description: r.description, type: 'null' },
    );
  }
  return {
    operationId: op.operationId,
    summary: op.summary || op.operationId,
    tags: op.tags,
    ...(parts.Path ? { params: lean(parts.Path.schema) } : {}),
    ...(parts.Query ? { querystring: lean(parts.Query.schema) } : {}),
    ...(parts.Headers ? { headers: lean(parts.Headers.schema) } : {}),
    ...(parts.Body ? { body: lean(parts.Body.schema) } : {}),
    response,
  };
}

const COMPONENT = '#/components/schemas/';

/** `#/components/schemas/Invoice/properties/x` → `ledgerspec.Invoice#/properties/x`. */
function fastifyRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fastifyRefs);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    const ref = key === '$ref' && typeof value === 'string' && value.startsWith(COMPONENT);
    setOwn(out, key, ref ? componentRef(value.slice(COMPONENT.length)) : fastifyRefs(value));
  }
  return out;
}

function componentRef(rest: string): string {
  const slash = rest.indexOf('/');
  const name = slash < 0 ? rest : rest.slice(0, slash);
  return `${SHARED_SCHEMA_PREFIX}${name}#${slash < 0 ? '' : rest.slice(slash)}`;
}
