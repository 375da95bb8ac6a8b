import type { OperationIR, SpecIR } from '../../ir/model.ts';
import { isObject, type JsonObject } from '../../source/schema-walk.ts';
import type { GeneratedFile } from '../../ir/model.ts';
import { clientSample, curlSample, SAMPLE_COMPANY } from './code-samples.ts';
import { exampleOf } from './examples.ts';
import { fieldRows } from './field-rows.ts';
import { modelPage, operationPage, renderDocsPage } from './html.ts';
import type { NavArea } from './navigation.ts';
import { resolveRef } from './schema-view.ts';

/** One page per operation: parameters, body and response fields, statuses and errors, a request
 * and a response example, and the call with the generated client and with curl. */
export function emitOperationPages(ir: SpecIR, nav: NavArea[]): GeneratedFile[] {
  return ir.operations.map((op) => ({
    path: operationPage(ir, op),
    contents: renderDocsPage('operation', {
      ...operationView(ir, op),
      nav,
      current: operationPage(ir, op),
      title: op.summary || op.operationId,
    }),
  }));
}

export function operationView(ir: SpecIR, op: OperationIR) {
  const entity = ir.entities.find((e) => e.name === op.entity);
  const requestExample = requestBodyExample(ir, op);
  const success = op.responses.find((r) => r.status.startsWith('2'));
  return {
    op,
    method: op.method.toUpperCase(),
    entity: entity ? { name: entity.name, title: entity.title, href: modelPage(ir, entity.name) } : undefined,
    parameters: op.parameters.map((p) => ({ ...p, type: String(p.schema.type ?? 'string'), values: enumOf(p.schema) })),
    bodyFields: op.requestBody ? fieldRows(ir.schemas, op.requestBody.schema) : [],
    hasBody: op.requestBody !== undefined,
    requestExample,
    hasRequestExample: requestExample !== undefined,
    success: success
      ? {
          status: success.status,
          description: success.description,
          fields: fieldRows(ir.schemas, success.schema),
          example: success.example ?? exampleOf(ir.schemas, success.schema),
        }
      : undefined,
    statuses: op.responses.map((r) => ({
      status: r.status,
      description: r.description,
      ok: r.status.startsWith('2'),
      ...errorExample(ir, op, r.status),
    })),
    curl: curlSample(ir, op, requestExample),
    client: clientSample(ir, op, entity, requestExample),
  };
}

function requestBodyExample(ir: SpecIR, op: OperationIR): unknown {
  if (!op.requestBody) return undefined;
  const example = op.requestBody.example ?? exampleOf(ir.schemas, op.requestBody.schema);
  const properties = resolveRef(ir.schemas, op.requestBody.schema).properties;
  if (isObject(properties) && 'company_id' in properties)
    return { ...(isObject(example) ? example : {}), company_id: SAMPLE_COMPANY };
  return example;
}

/** The error code and example the spec gives for a non-2xx status (components.responses). */
function errorExample(ir: SpecIR, op: OperationIR, status: string): { code?: string; example?: unknown } {
  if (status.startsWith('2')) return {};
  const response = op.responses.find((r) => r.status === status);
  const example = response?.example ?? exampleOf(ir.schemas, response?.schema);
  const code =
    isObject(example) && isObject(example.error) && typeof example.error.code === 'string'
      ? example.error.code
      : undefined;
  return { ...(code ? { code } : {}), ...(example !== undefined ? { example } : {}) };
}

function enumOf(schema: JsonObject): string[] {
  const items = isObject(schema.items) ? schema.items : schema;
  return Array.isArray(items.enum) ? items.enum.map(String) : [];
}
