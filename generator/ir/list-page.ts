import { isObject, type JsonObject } from '../source/schema-walk.ts';
import type { ListPageIR, OperationIR } from './model.ts';
import { resolveObject } from './refs.ts';
import { successResponse } from './response-model.ts';

/** An operation that reads one page of a cursor-paginated list: which query parameters take the
 * cursor and the page size, and which fields of the success response hold the records, the next
 * page's cursor, the previous one's and the total. Read once here, so clients (iterate, listAll),
 * servers (paging a handler's result) and docs agree on one reading of the spec.
 *
 * The names are the conventional ones (spec/README.md's are the first of each list: `cursor`,
 * `limit`, `data`, `next`, `prev`, `total_count`); a spec that pages by page number or by a
 * `has_more` flag has no cursor to pass back, and its operations get no page. */

const CURSOR_PARAMS = ['cursor', 'page_token', 'pageToken'];
const LIMIT_PARAMS = ['limit', 'page_size', 'pageSize', 'per_page'];
const NEXT_FIELDS = ['next', 'next_cursor', 'nextCursor', 'next_page_token', 'nextPageToken'];
const PREV_FIELDS = ['prev', 'previous', 'prev_cursor', 'prevCursor'];
const TOTAL_FIELDS = ['total_count', 'totalCount', 'total'];
const RECORDS_FIELDS = ['data', 'items', 'results', 'records'];

type PageFacts = Pick<OperationIR, 'method' | 'parameters' | 'responses'>;

/** The page a GET reads, when it takes a cursor and its success response hands the next one
 * back beside an array of records; undefined for every other operation. */
export function listPage(schemas: JsonObject, op: PageFacts): ListPageIR | undefined {
  if (op.method !== 'get') return undefined;
  const query = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  const cursorParam = CURSOR_PARAMS.find((name) => query.has(name));
  const schema = successResponse(op)?.schema;
  if (!cursorParam || !schema) return undefined;
  const properties = objectProperties(schemas, schema);
  const recordsField = RECORDS_FIELDS.find((name) => isArraySchema(schemas, properties.get(name)));
  const nextField = NEXT_FIELDS.find((name) => properties.has(name));
  if (!recordsField || !nextField) return undefined;
  const limitParam = LIMIT_PARAMS.find((name) => query.has(name));
  const prevField = PREV_FIELDS.find((name) => properties.has(name));
  const totalField = TOTAL_FIELDS.find((name) => properties.has(name));
  return {
    cursorParam,
    ...(limitParam ? { limitParam } : {}),
    recordsField,
    nextField,
    ...(prevField ? { prevField } : {}),
    ...(totalField ? { totalField } : {}),
  };
}

/** The top-level properties of a response body: its own and those of its allOf parts, refs
 * followed (the house envelope is allOf [Envelope, Pagination, { data }]). */
function objectProperties(schemas: JsonObject, raw: unknown, depth = 0): Map<string, unknown> {
  const schema = resolveObject(schemas, raw);
  const found = new Map<string, unknown>();
  // allOf parts nest only a few levels in any real envelope; the cap only stops a cycle.
  const parts = Array.isArray(schema.allOf) && depth < 8 ? schema.allOf : [];
  for (const part of parts)
    for (const [name, property] of objectProperties(schemas, part, depth + 1)) found.set(name, property);
  if (isObject(schema.properties))
    for (const [name, property] of Object.entries(schema.properties)) found.set(name, property);
  return found;
}

function isArraySchema(schemas: JsonObject, raw: unknown): boolean {
  if (raw === undefined) return false;
  const type = resolveObject(schemas, raw).type;
  return type === 'array' || (Array.isArray(type) && type.includes('array'));
}
