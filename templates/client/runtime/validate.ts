// Loaded with import() only when a client has validateResponses on, so the validators (large:
// one compiled function per model) stay out of programs that never validate.
import { validateWith, type Validator } from '../../validators/issues.js';
import * as validators from '../../validators/standalone.js';
import { ResponseValidationError, type ErrorDetail } from './errors.js';
import type { WithResponse } from './result.js';
import type { Operation } from './transport.js';

const byModel: Readonly<Record<string, Validator | undefined>> = validators;

/** Checks a 2xx body's `data` (each record of a page; each record of a write job too) against
 * the operation's models, and throws ResponseValidationError listing every mismatch. */
export async function checkResponse(
  operation: Operation,
  { body, response, requestId }: WithResponse<unknown>,
): Promise<void> {
  const expected = operation.response;
  if (!expected) return;
  const data = (body as { data?: unknown } | undefined)?.data;
  const targets: [string, unknown, string][] =
    expected.many && Array.isArray(data)
      ? data.map((record, i) => [`/data/${i}`, record, expected.model])
      : [['/data', data, expected.model]];
  if (expected.records) targets.push(...writeJobResponses(data, expected.records));
  const issues = targets.flatMap(([at, value, model]) => check(model, value, at));
  if (issues.length === 0) return;
  throw new ResponseValidationError({
    status: response.status,
    code: 'invalid-response',
    message: `${operation.operationId}: the response does not match the spec: ${issues[0]?.pointer} ${issues[0]?.message}`,
    details: issues,
    requestId,
    headers: response.headers,
  });
}

function writeJobResponses(job: unknown, model: string): [string, unknown, string][] {
  const records = (job as { records?: unknown } | undefined)?.records;
  if (!Array.isArray(records)) return [];
  return records.flatMap((record: { response?: unknown }, i): [string, unknown, string][] =>
    record?.response == null ? [] : [[`/data/records/${i}/response`, record.response, model]],
  );
}

function check(model: string, value: unknown, at: string): ErrorDetail[] {
  const validate = byModel[model];
  if (!validate) throw new TypeError(`no generated validator for ${model}`);
  const result = validateWith(validate, value);
  return result.ok ? [] : result.issues.map((issue) => ({ pointer: at + issue.pointer, message: issue.message }));
}
