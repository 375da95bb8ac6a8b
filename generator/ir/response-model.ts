import { isObject, type JsonObject } from '../source/schema-walk.ts';
import type { OperationIR, ReplyShape, ResponseModelIR } from './model.ts';
import { byCodeUnit } from '../source/compare.ts';
import { refComponent } from './refs.ts';

export type ResponseModel = ResponseModelIR;

/** The 2xx response an operation answers with (the lowest one declared). */
export function successResponse(op: Pick<OperationIR, 'responses'>): OperationIR['responses'][number] | undefined {
  return op.responses.filter((r) => /^2\d\d$/.test(r.status)).sort((a, b) => byCodeUnit(a.status, b.status))[0];
}

/** The model a success response carries in `data` (a record, or a page of records), read off
 * the envelope's allOf; undefined when the response has no modelled `data`. */
export function responseModel(operation: Pick<OperationIR, 'responses'>): ResponseModel | undefined {
  const schema = successResponse(operation)?.schema;
  const data = schema ? dataSchema(schema) : undefined;
  if (!data) return undefined;
  const items = isObject(data.items) ? data.items : undefined;
  const name = modelName(items ?? data) ?? firstBranchModel(data);
  if (!name) return undefined;
  const records = writeJobRecordModel(data);
  return { model: name, many: data.type === 'array', ...(records ? { records } : {}) };
}

function firstBranchModel(schema: JsonObject): string | undefined {
  const branches = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [];
  return branches.map(modelName).find((name) => name !== undefined);
}

/** A write job narrows `records[].response` to the written entity (spec/README.md, "Writes
 * and jobs"): allOf [WriteJob, { records: { items: allOf [WriteJobRecord, { response }] } }]. */
function writeJobRecordModel(data: JsonObject): string | undefined {
  const records = propertyOf(data, 'records');
  const items = records && isObject(records.items) ? records.items : undefined;
  const response = items ? propertyOf(items, 'response') : undefined;
  const branches =
    response && Array.isArray(response.anyOf) ? response.anyOf.filter(isObject) : response ? [response] : [];
  return branches.map(modelName).find((name) => name !== undefined);
}

function propertyOf(schema: JsonObject, name: string): JsonObject | undefined {
  const branches = Array.isArray(schema.allOf) ? schema.allOf.filter(isObject) : [schema];
  for (const branch of branches) {
    const properties = isObject(branch.properties) ? branch.properties : undefined;
    if (properties && isObject(properties[name])) return properties[name];
  }
  return undefined;
}

function dataSchema(schema: JsonObject): JsonObject | undefined {
  return propertyOf(schema, 'data');
}

function modelName(schema: JsonObject): string | undefined {
  return refComponent(schema);
}

/** What the generated layer wraps a handler's result in: a page (a list operation that reads
 * one: its paging is the page's), one record, or a write job. */
export function replyShape(op: Pick<OperationIR, 'kind' | 'page'>, response: ResponseModel | undefined): ReplyShape {
  if (op.kind === 'list' && op.page) return 'list';
  return response?.model === 'WriteJob' ? 'job' : 'record';
}
