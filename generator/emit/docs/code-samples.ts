import type { EntityIR, OperationIR, SpecIR } from '../../ir/model.ts';
import { resourceLabels } from '../../scaffold/labels.ts';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import { isBatchWrite, operationMethodName } from '../operation-info.ts';

/** The company the sandbox (`npm start`) serves, so every sample runs against it as written. */
export const SAMPLE_COMPANY = 'com_xero';
/** The record ID path parameters get in samples. */
const SAMPLE_ID = '3770712000001726003';

/** The query a sample sends: the required query parameters, with the company filled in. */
export function sampleQuery(op: OperationIR): JsonObject {
  const query: JsonObject = {};
  for (const p of op.parameters.filter((p) => p.in === 'query' && p.required))
    query[p.name] = p.name === 'company_id' ? SAMPLE_COMPANY : sampleScalar(p.schema);
  return query;
}

/** Where the server runs: the local sandbox when the spec lists one, else the first server. */
export function sampleBaseUrl(ir: SpecIR): string {
  const servers = ir.servers;
  const local = servers.find((s) => /^http:\/\/(127\.0\.0\.1|localhost)/.test(s.url));
  return (local ?? servers[0])?.url ?? 'http://127.0.0.1:4010';
}

/** `curl -g …` (-g: the brackets of filter[field][op] are literal, not curl's URL globbing). */
export function curlSample(ir: SpecIR, op: OperationIR, body: unknown): string {
  const path = op.path.replace(/\{[^}]+\}/g, SAMPLE_ID);
  const query = new URLSearchParams(Object.entries(sampleQuery(op)).map(([k, v]) => [k, String(v)])).toString();
  const url = `${sampleBaseUrl(ir)}${path}${query ? `?${query}` : ''}`;
  const lines = [`curl -g -X ${op.method.toUpperCase()} '${url}'`, `  -H "api_key: $LEDGERSPEC_API_KEY"`];
  if (body !== undefined)
    lines.push(
      `  -H 'content-type: application/json'`,
      `  --data-binary '${JSON.stringify(body).replace(/'/g, "'\\''")}'`,
    );
  return lines.join(' \\\n');
}

/** The same call through the generated client (generated/client, `ledgerspec/client`). */
export function clientSample(ir: SpecIR, op: OperationIR, entity: EntityIR | undefined, body: unknown): string {
  const resource = entity ? resourceLabels(entity.name, entity.title).camelPlural : 'resource';
  const area = entity?.area ?? 'core';
  const method = operationMethodName(op);
  const args = clientArguments(op, body);
  return [
    "import { createClient } from 'ledgerspec/client';",
    '',
    `const client = createClient({ baseUrl: '${sampleBaseUrl(ir)}', apiKey: process.env.LEDGERSPEC_API_KEY ?? 'sandbox' });`,
    `const result = await client.${area}.${resource}.${method}(${args.join(', ')});`,
    'console.log(result.data);',
  ].join('\n');
}

function clientArguments(op: OperationIR, body: unknown): string[] {
  const query = sampleQuery(op);
  if (isBatchWrite(op) && isObject(body) && Array.isArray(body.data)) return batchArguments(op, body);
  const args: string[] = op.parameters.some((p) => p.in === 'path') ? [`'${SAMPLE_ID}'`] : [];
  if (body !== undefined) args.push(literal(body));
  if (Object.keys(query).length) args.push(literal(query));
  return args;
}

/** `create(body with one record)`; `update(id, body with the record's changes)` (see the
 * client's OneRecord / OneUpdate). */
function batchArguments(op: OperationIR, body: JsonObject): string[] {
  const first = Array.isArray(body.data) ? body.data[0] : undefined;
  const record = (isObject(first) ? first : {}) as JsonObject;
  if (op.kind !== 'update') return [literal({ ...body, data: record })];
  const { platform_id: id, ...changes } = record;
  return [`'${typeof id === 'string' ? id : SAMPLE_ID}'`, literal({ ...body, data: changes })];
}

/** A JavaScript object literal, keys unquoted where they can be. */
function literal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/^(\s*)"([A-Za-z_$][A-Za-z0-9_$]*)":/gm, '$1$2:');
}

function sampleScalar(schema: JsonObject): string {
  if (Array.isArray(schema.enum)) return String(schema.enum[0]);
  if (schema.default !== undefined) return String(schema.default);
  return 'value';
}
