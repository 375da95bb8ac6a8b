import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { entityNamed, exampleRecord, expansionTarget, operationAt, type EntityInfo } from './spec-examples.ts';

/**
 * A small HTTP server on 127.0.0.1 that answers every operation of the spec with a spec-valid
 * body built from the entity examples (lists paginate over `recordsPerList` records), records
 * each request, and can be scripted to answer the next requests with failures first.
 */
export interface SpecServer {
  url: string;
  requests: RecordedRequest[];
  /** How many records each list holds (paged by `limit`). */
  recordsPerList: number;
  /** The next requests get these answers, in order, before the spec-valid default resumes. */
  script(...answers: ScriptedAnswer[]): void;
  /** Forgets recorded requests and unused scripted answers, and lists 5 records again. */
  reset(): void;
  close(): Promise<void>;
}

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: unknown;
  receivedAt: number;
}

export type ScriptedAnswer =
  | { status: number; body?: unknown; headers?: Record<string, string> }
  /** Never answers (until the client gives up). */
  | 'hang'
  /** Closes the connection without an answer. */
  | 'reset';

type Json = Record<string, any>;

export async function startSpecServer(): Promise<SpecServer> {
  const requests: RecordedRequest[] = [];
  const scripted: ScriptedAnswer[] = [];
  const state = { recordsPerList: 5 };
  const server = createServer((req, res) => {
    void handle(req, res, requests, scripted, state.recordsPerList);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get recordsPerList() {
      return state.recordsPerList;
    },
    set recordsPerList(n: number) {
      state.recordsPerList = n;
    },
    script: (...answers) => void scripted.push(...answers),
    reset: () => {
      requests.length = 0;
      scripted.length = 0;
      state.recordsPerList = 5;
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  requests: RecordedRequest[],
  scripted: ScriptedAnswer[],
  recordsPerList: number,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const text = await readText(req);
  const body = text ? JSON.parse(text) : undefined;
  requests.push({ method: req.method ?? 'GET', url, headers: req.headers, body, receivedAt: Date.now() });
  const answer = scripted.shift();
  if (answer === 'hang') return;
  if (answer === 'reset') return void req.socket.destroy();
  if (answer) return send(res, answer.status, answer.body, answer.headers);
  const found = operationAt(req.method ?? 'GET', url.pathname);
  if (!found) return send(res, 404, errorEnvelope('not-found', `no route ${req.method} ${url.pathname}`));
  const { status, payload } = respond(found.op, found.template, found.params, url.searchParams, body, recordsPerList);
  send(res, status, envelope(payload));
}

function respond(
  op: Json,
  template: string,
  params: Record<string, string>,
  query: URLSearchParams,
  body: Json | undefined,
  recordsPerList: number,
): { status: number; payload: Json } {
  const [, area, entityName, , action] = template.split('/');
  const entity = entityNamed(entityName as string);
  const id = params.id;
  const answersCreated = Object.keys(op.responses).includes('201');
  const expand = (query.get('expand') ?? '').split(',').filter(Boolean);
  if (op.operationId.startsWith('list')) return { status: 200, payload: page(entity, query, expand, recordsPerList) };
  const writesJob = area === 'accounting' && !op.operationId.startsWith('get') && action === undefined;
  // A batch write (accounting create and update): one stored record per record of `data`.
  const sent: Json[] = Array.isArray(body?.data) ? body.data : [body?.data ?? {}];
  const records = sent.map((data, index) =>
    withExpansions(
      entity,
      { ...exampleRecord(entity, data.platform_id ?? id ?? `${entity.name}-new-${index + 1}`), ...data },
      expand,
    ),
  );
  if (answersCreated) return { status: 201, payload: { data: records[0] } };
  return { status: 200, payload: { data: writesJob ? writeJob(records) : records[0] } };
}

function page(entity: EntityInfo, query: URLSearchParams, expand: string[], total: number): Json {
  const limit = Number(query.get('limit') ?? 50);
  const offset = Number(query.get('cursor') ?? 0);
  const ids = Array.from({ length: total }, (_, i) => `${entity.name}-${i + 1}`).slice(offset, offset + limit);
  const next = offset + limit < total ? String(offset + limit) : null;
  const prev = offset > 0 ? String(Math.max(0, offset - limit)) : null;
  return { data: ids.map((id) => withExpansions(entity, exampleRecord(entity, id), expand)), next, prev };
}

function withExpansions(entity: EntityInfo, record: Json, expand: string[]): Json {
  for (const name of expand) {
    const target = expansionTarget(entity, name);
    if (target) record[name] = { data: exampleRecord(target, `${target.name}-1`) };
  }
  return record;
}

function writeJob(records: Json[]): Json {
  const jobId = 'job_01J0000000000000000000000';
  const results = records.map((record, index) => ({
    job_id: `${jobId}${index}`,
    status: 'success',
    response: record,
    error: null,
  }));
  return { job_id: jobId, status: 'SUCCESS', success_count: results.length, failed_count: 0, records: results };
}

let counter = 0;
function envelope(payload: Json): Json {
  const now = new Date().toISOString();
  return { ...payload, request_id: `req_${++counter}`, request_timestamp: now, response_timestamp: now };
}

export function errorEnvelope(
  code: string,
  message: string,
  details: { pointer: string; message: string }[] = [],
): Json {
  return envelope({ error: { code, message, details } });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...(text ? { 'content-type': 'application/json' } : {}), ...headers });
  res.end(text);
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
