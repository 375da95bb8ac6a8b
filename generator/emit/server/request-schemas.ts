import standaloneCode from 'ajv/dist/standalone/index.js';
import pointer from 'json-pointer';
import type { JsonObject } from '../../source/schema-walk.ts';
import type { OperationIR, ParameterIR } from '../../ir/model.ts';
import { DOCUMENT_ID, documentAjv } from '../../validation/document-ajv.ts';
import { leanComponents, stripAnnotations, type ValidatorExports } from '../../validation/schemas-stamp.ts';
import {
  delegatedModels,
  importedModel,
  modelCallKeyword,
  reachedComponents,
  withModelCalls,
} from '../validators/model-calls.ts';
import { esmOnly, hoistEvaluated } from '../validators/standalone-rewrites.ts';
import { NO_MEMO, type Memo } from '../../cache/memo.ts';
import { boundedErrors } from '../../validation/linear-errors.ts';
import { identifier } from '../../shared/render.ts';
import { setOwn } from '../../source/own-keys.ts';
import { successResponse } from '../operation-info.ts';
import { operationNames, type NamePlan, type RequestPart } from '../../plan/name-plan.ts';

export type { RequestPart };

/** One schema to compile: the export name in server/validators.js and the schema itself. */
export interface NamedSchema {
  name: string;
  schema: JsonObject;
}

/** The schemas of one operation: query, path and header parameters as closed objects (so an
 * unknown query parameter is an error at /query/<name>), the JSON body, and the success response. */
export function operationSchemas(op: OperationIR, plan: NamePlan): Partial<Record<RequestPart, NamedSchema>> {
  const out: Partial<Record<RequestPart, NamedSchema>> = {};
  const names = operationNames(plan, op).requestSchemas;
  const name = (part: RequestPart) => names[part];
  const query = op.parameters.filter((p) => p.in === 'query');
  out.Query = { name: name('Query'), schema: paramsObject(query, false) };
  const path = op.parameters.filter((p) => p.in === 'path');
  if (path.length > 0) out.Path = { name: name('Path'), schema: paramsObject(path, false) };
  const headers = op.parameters.filter((p) => p.in === 'header');
  if (headers.length > 0) out.Headers = { name: name('Headers'), schema: paramsObject(headers, true) };
  if (op.requestBody) out.Body = { name: name('Body'), schema: op.requestBody.schema };
  const success = successResponse(op);
  if (success?.schema) out.Response = { name: name('Response'), schema: success.schema };
  return out;
}

/** Parameters as one object schema. Header names are matched lower-cased, as Node delivers them;
 * other headers are allowed (proxies add plenty), other query or path keys are not. */
function paramsObject(params: ParameterIR[], open: boolean): JsonObject {
  const key = (p: ParameterIR) => (p.in === 'header' ? p.name.toLowerCase() : p.name);
  return {
    type: 'object',
    additionalProperties: open,
    properties: Object.fromEntries(params.map((p) => [key(p), p.schema])),
    required: params.filter((p) => p.required).map(key),
  };
}

/** Where the request and response schemas sit inside the document Ajv compiles them over. */
const REQUESTS_KEY = 'x-ledgerspec-requests';

/** Ajv standalone ESM for the given schemas, compiled over the document's components with
 * `useDefaults` so a validated query gets `limit=50` and friends. Deterministic: compiled in the
 * given order.
 *
 * The schemas are placed inside the document (beside components.schemas), not added as schemas of
 * their own: Ajv keeps a compiled `$ref` target per root schema, so 273 roots each referencing
 * `Bill` compiled `Bill` 273 times (3.6 MB of code); inside one root every component compiles once.
 * Models the model validators can check are called there, not compiled (model-calls.ts); the
 * document holds only what is left to compile, so an edit to such a model changes nothing here. */
export function serverValidatorsModule(
  document: JsonObject,
  schemas: readonly NamedSchema[],
  models: ValidatorExports,
  memo: Memo = NO_MEMO,
): string {
  const components = leanComponents(document).components.schemas;
  const delegated = delegatedModels(components, models);
  const lean = schemas.map(({ name, schema }) => ({ name, schema: stripAnnotations(schema) as JsonObject }));
  const calling = (schema: JsonObject) => withModelCalls(schema, delegated) as JsonObject;
  const { requests, refs, aliases } = distinctSchemas(lean, calling);
  const reached = reachedComponents(Object.values(requests), components, delegated);
  const compiled = { components: { schemas: reached, [REQUESTS_KEY]: requests } };
  const called = [...delegated].sort().map((name) => `${name}\0${models.get(name)}`);
  // A pure function of what is compiled and the names of the models called (see standaloneModule):
  // cached under their text.
  const parts = [JSON.stringify(compiled), JSON.stringify(refs), JSON.stringify(aliases), JSON.stringify(called)];
  return memo.sync('server-validators', parts, () => {
    const ajv = documentAjv(compiled, {
      code: { source: true, esm: true, lines: false },
      useDefaults: true,
      keywords: [modelCallKeyword(models, importedModel)],
    });
    return `${esmOnly(hoistEvaluated(boundedErrors(standaloneCode.default(ajv, refs))))}${aliases.join('\n')}\n`;
  });
}

/** Operations often share a schema (an entity's create, update and delete answer the same job):
 * each distinct schema is compiled once, under its first name; later names alias it. */
function distinctSchemas(schemas: readonly NamedSchema[], prepare: (schema: JsonObject) => JsonObject) {
  const requests: Record<string, JsonObject> = {};
  const refs: Record<string, string> = {};
  const firstName = new Map<string, string>();
  const aliases: string[] = [];
  for (const { name, schema } of schemas) {
    const text = JSON.stringify(schema);
    const first = firstName.get(text);
    if (first) {
      aliases.push(`export const ${identifier(name)} = ${identifier(first)};`);
      continue;
    }
    firstName.set(text, name);
    setOwn(requests, name, prepare(schema));
    refs[name] = `${DOCUMENT_ID}#/components/${REQUESTS_KEY}/${encodeURIComponent(pointer.escape(name))}`;
  }
  return { requests, refs, aliases };
}
