/** The sandbox behind Stoplight Prism's validating proxy (a third-party OpenAPI tool): every
 * operation of generated/openapi.json, with requests derived from the spec itself, plus hostile
 * requests, and Prism must report no violation of the responses (status, headers, body).
 *
 * Two proxies run over the same sandbox:
 * - strict, `prism proxy … --errors`: requests must be valid (Prism answers an invalid one
 *   itself), and a response violating the spec becomes Prism's own error. Every spec operation
 *   goes through it, and the hostile requests that are valid HTTP for the spec (an oversized
 *   body, an unknown query parameter, a forged cursor, an unknown company, a reused
 *   Idempotency-Key, a busy company).
 * - forwarding, without `--errors`: forwards even requests Prism finds invalid (wrong content
 *   type, no api_key, a method the path lacks), so the server's own answer to them is checked.
 * Violations come back in the `sl-violations` header; Prism's log is checked too. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism as startPrismProcess, stopPrism, type PrismProcess } from '../helpers/prism.ts';
import { ENTITIES } from '../../generated/server/entities.ts';
import { ROUTES } from '../../generated/server/routes.ts';
import type { RouteSpec } from '../../generated/server/types.ts';
import * as V from '../../generated/validators/standalone.js';
import type { Validator } from '../../generated/validators/issues.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import type { Rec } from '../../sandbox/spec-data.ts';

/** The bundled spec, walked generically. */
type Json = any;

const SPEC_FILE = new URL('../../generated/openapi.json', import.meta.url).pathname;
const SPEC = JSON.parse(readFileSync(SPEC_FILE, 'utf8')) as Json;
const API_KEY = 'prism-test-key';
const COMPANY = 'com_xero';
// What Xero requires on a payment (connectors/xero writeRequires), seeded in com_xero.
const PLATFORM_REQUIRED = { invoice_id: 'xero-invoices-1', account_id: 'xero-accounts-1' };
/** The sandbox's body limit, small enough for an oversized body to be cheap. */
const BODY_LIMIT = 64 * 1024;
const STARTUP_MS = 120_000;

type Proxy = PrismProcess;

let sandbox: Sandbox;
let strict: Proxy;
let forwarding: Proxy;

beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0, apiKey: API_KEY, bodyLimit: BODY_LIMIT });
  [strict, forwarding] = await Promise.all([startPrism(['--errors']), startPrism([])]);
}, STARTUP_MS);

afterAll(async () => {
  await Promise.all([strict, forwarding].map((p) => p && stopPrism(p)));
  await sandbox?.close();
});

// ---------------------------------------------------------------------------------------------
// Prism

function startPrism(flags: string[]): Promise<Proxy> {
  return startPrismProcess(['proxy', SPEC_FILE, sandbox.url, ...flags], STARTUP_MS);
}

interface Violation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

interface Answer {
  status: number;
  headers: Headers;
  body: Json;
  violations: Violation[];
}

interface Call {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** A value to send as JSON, or the raw text to send. */
  json?: unknown;
  text?: string;
}

async function send(proxy: Proxy, call: Call): Promise<Answer> {
  const search = new URLSearchParams(call.query ?? {}).toString();
  const headers: Record<string, string> = {
    api_key: API_KEY,
    ...(call.json !== undefined ? { 'content-type': 'application/json' } : {}),
    ...call.headers,
  };
  for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
  const response = await fetch(`${proxy.url}${call.path}${search ? `?${search}` : ''}`, {
    method: call.method,
    headers,
    body: call.json !== undefined ? JSON.stringify(call.json) : call.text,
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  const raw = response.headers.get('sl-violations');
  let body: Json = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: kept as text for the assertion message
  }
  return {
    status: response.status,
    headers: response.headers,
    body,
    violations: raw ? (JSON.parse(raw) as Violation[]) : [],
  };
}

const responseViolations = (answer: Answer) => answer.violations.filter((v) => v.location[0] === 'response');
const describeAnswer = (call: Call, answer: Answer) =>
  `${call.method} ${call.path} ${JSON.stringify(call.query ?? {})} → ${answer.status} ${JSON.stringify(answer.violations)} ${JSON.stringify(answer.body)?.slice(0, 600)}`;

/** The answer came from the sandbox (not from Prism) and Prism saw nothing wrong with it. */
function expectServerAnswer(call: Call, answer: Answer, status: number | ((s: number) => boolean)) {
  const message = describeAnswer(call, answer);
  expect(responseViolations(answer), message).toEqual([]);
  if (typeof status === 'number') expect(answer.status, message).toBe(status);
  else expect(status(answer.status), message).toBe(true);
  if (call.method !== 'HEAD') expect(typeof answer.body?.request_id, message).toBe('string');
}

// ---------------------------------------------------------------------------------------------
// Requests derived from the spec

function deref(node: unknown): Json {
  let value = node as Json;
  for (let hops = 0; value && typeof value === 'object' && typeof value.$ref === 'string' && hops < 20; hops++) {
    const ref = value.$ref as string;
    if (!ref.startsWith('#/')) throw new Error(`non-local $ref ${ref}`);
    value = ref
      .slice(2)
      .split('/')
      .reduce<Json>((at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], SPEC);
  }
  return value;
}

const typesOf = (schema: Json): string[] =>
  Array.isArray(schema?.type) ? schema.type : schema?.type ? [schema.type] : [];

/** A value for a schema: its own example, a write model's entity example (only the fields the
 * model has, never read-only ones), or one made from its required properties. */
function exampleFor(node: unknown, name?: string): unknown {
  const schema = deref(node);
  if (name === 'company_id') return COMPANY;
  if (Array.isArray(schema?.examples) && schema.examples.length > 0) return structuredClone(schema.examples[0]);
  if (schema?.example !== undefined) return structuredClone(schema.example);
  if (typeof schema?.['x-write-of'] === 'string') return fromEntityExample(schema);
  if (Array.isArray(schema?.allOf)) return Object.assign({}, ...schema.allOf.map((part: unknown) => exampleFor(part)));
  const branches = schema?.anyOf ?? schema?.oneOf;
  if (Array.isArray(branches))
    return exampleFor(branches.find((b: Json) => !typesOf(deref(b)).every((t) => t === 'null')) ?? branches[0], name);
  if (Array.isArray(schema?.enum)) return schema.enum.find((v: unknown) => v !== null);
  if (schema?.const !== undefined) return schema.const;
  const types = typesOf(schema);
  if (types.includes('object') || schema?.properties) {
    const out: Rec = {};
    for (const key of (schema.required as string[] | undefined) ?? [])
      out[key] = exampleFor(schema.properties?.[key], key);
    return out;
  }
  if (types.includes('array'))
    return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => exampleFor(schema.items));
  if (types.includes('string'))
    return schema.format === 'date-time' ? '2024-05-02T00:00:00Z' : schema.format === 'date' ? '2024-05-02' : 'example';
  if (types.includes('integer') || types.includes('number')) return schema.minimum ?? 1;
  if (types.includes('boolean')) return true;
  return null;
}

/** The entity's spec example, pruned to what the write model accepts; required fields the
 * example lacks are made up. */
function fromEntityExample(writeModel: Json): unknown {
  const entity = deref({ $ref: `#/components/schemas/${writeModel['x-write-of'] as string}` });
  const value = prune(structuredClone(entity?.examples?.[0] ?? {}), writeModel) as Rec;
  for (const key of (writeModel.required as string[] | undefined) ?? [])
    if (value[key] === undefined) value[key] = exampleFor(writeModel.properties?.[key], key);
  return value;
}

function prune(value: unknown, node: unknown): unknown {
  const schema = deref(node);
  if (value === null || value === undefined || !schema || typeof schema !== 'object') return value;
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches)) {
    const kind = Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : undefined;
    const branch =
      kind &&
      branches.find((b: Json) => typesOf(deref(b)).includes(kind) || (kind === 'object' && deref(b)?.properties));
    return branch ? prune(value, branch) : value;
  }
  if (Array.isArray(value)) return schema.items ? value.map((item) => prune(item, schema.items)) : value;
  if (typeof value === 'object' && schema.properties) {
    const out: Rec = {};
    for (const [key, item] of Object.entries(value as Rec)) {
      const property = deref(schema.properties[key]);
      if (!property || property.readOnly) continue;
      out[key] = prune(item, property);
    }
    return out;
  }
  return value;
}

interface Operation {
  method: string;
  path: string;
  operationId: string;
  route: RouteSpec;
  op: Json;
  parameters: Json[];
}

const HTTP = ['get', 'post', 'patch', 'put', 'delete'] as const;

function operations(): Operation[] {
  return Object.entries(SPEC.paths as Record<string, Json>).flatMap(([path, item]) =>
    HTTP.flatMap((method) => {
      const op = item[method];
      if (!op) return [];
      const route = ROUTES.find((r) => r.operationId === op.operationId);
      if (!route) throw new Error(`no route for ${String(op.operationId)}`);
      const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(deref);
      return [{ method: method.toUpperCase(), path, operationId: op.operationId as string, route, op, parameters }];
    }),
  );
}

/** Reads first, then creates, updates, actions and deletes, so each acts on what exists. */
function phase(o: Operation): number {
  if (o.method === 'GET') return 0;
  if (o.route.kind === 'create') return 1;
  if (o.route.kind === 'update') return 2;
  if (o.route.kind === 'action') return 3;
  return 4;
}

/** The newest record of the operation's entity (in COMPANY's books for accounting ones): a seeded
 * one for reads, the one this test created for updates, actions and deletes. */
function pathId(o: Operation): string {
  const meta = ENTITIES[o.route.entity];
  if (!meta) throw new Error(`no entity ${o.route.entity}`);
  const records = sandbox.store.all(meta, meta.area === 'accounting' ? COMPANY : null);
  const record = records[records.length - 1];
  if (!record) throw new Error(`no ${meta.name} record to use`);
  return String(record[meta.idField]);
}

/** Expansions of a relation to the operation's own entity (a tracking category's `parent`): the
 * embedded record's schema refers to itself, and Prism 5.14 resolves that circular $ref to the
 * wrong node (it then reports every field of the embedded record as an additional property, on
 * a response our Ajv validators accept). These are left out of the requests sent through Prism
 * and checked against the generated response validators instead (below). */
function selfExpansions(o: Operation): string[] {
  const meta = ENTITIES[o.route.entity];
  return (meta?.relations ?? []).filter((r) => r.entity === meta?.name && r.expand).map((r) => r.expand as string);
}

function requestFor(o: Operation): Call {
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  let path = o.path;
  for (const p of o.parameters) {
    if (p.in === 'path') path = path.replace(`{${p.name as string}}`, encodeURIComponent(pathId(o)));
    else if (p.in === 'header' && p.name === 'Idempotency-Key') headers['idempotency-key'] = randomUUID();
    else if (p.in === 'query') {
      const schema = deref(p.schema);
      if (p.name === 'company_id') query.company_id = COMPANY;
      else if (p.name === 'expand')
        query[p.name] = ((deref(schema.items)?.enum as string[] | undefined) ?? [])
          .filter((name) => !selfExpansions(o).includes(name))
          .join(',');
      else if (p.name === 'select')
        query[p.name] = ((deref(schema.items)?.enum as string[] | undefined) ?? []).join(',');
      else if (p.name === 'include_total_count') query[p.name] = 'true';
      else if (p.name === 'limit') query[p.name] = '2';
      else if (p.required) query[p.name] = String(exampleFor(schema, p.name));
    }
  }
  const bodySchema = o.op.requestBody ? deref(o.op.requestBody).content?.['application/json']?.schema : undefined;
  return { method: o.method, path, query, headers, ...(bodySchema ? { json: exampleFor(bodySchema) } : {}) };
}

function successStatus(o: Operation): number {
  return Number(Object.keys(o.op.responses as Rec).find((s) => s.startsWith('2')));
}

// ---------------------------------------------------------------------------------------------

describe('the sandbox behind Prism: every operation of the spec', () => {
  const all = operations().sort((a, b) => phase(a) - phase(b));

  it('covers every operation of the spec', () => {
    expect(all.length).toBe(ROUTES.length);
    expect(all.length).toBeGreaterThanOrEqual(60);
  });

  it('answers every operation as the spec says, through the strict proxy', async () => {
    const failures: string[] = [];
    for (const o of all) {
      const call = requestFor(o);
      if (call.json !== undefined) {
        const valid = o.route.validators.body;
        if (valid && !valid(call.json))
          failures.push(
            `${o.operationId}: the request made from the spec's examples is invalid: ${JSON.stringify(valid.errors?.slice(0, 3))}`,
          );
      }
      const answer = await send(strict, call);
      if (
        answer.violations.length > 0 ||
        answer.status !== successStatus(o) ||
        typeof answer.body?.request_id !== 'string'
      )
        failures.push(`${o.operationId}: ${describeAnswer(call, answer)}`);
      // Lists: the next page too, through a signed cursor.
      if (o.route.kind === 'list' && typeof answer.body?.next === 'string') {
        const next = { ...call, query: { ...call.query, cursor: answer.body.next as string } };
        const page = await send(strict, next);
        if (page.violations.length > 0 || page.status !== 200)
          failures.push(`${o.operationId} page 2: ${describeAnswer(next, page)}`);
      }
    }
    expect(failures).toEqual([]);
    // Prism compiles a validator the first time it sees each operation: about 0.1–0.5 s each on
    // an idle 2-core machine, so this test takes 10–60 s.
  }, 300_000);

  it('expands self-relations (left out above) into responses the generated validators accept', async () => {
    const reads = all.filter((o) => o.method === 'GET' && selfExpansions(o).length > 0);
    expect(reads.map((o) => o.operationId)).toContain('getTrackingCategory');
    const embedded: string[] = [];
    for (const o of reads) {
      const call = requestFor(o);
      const query = new URLSearchParams({ ...call.query, expand: selfExpansions(o).join(',') });
      const response = await fetch(`${sandbox.url}${call.path}?${query}`, { headers: { api_key: API_KEY } });
      const body = await response.json();
      expect(response.status, JSON.stringify(body)).toBe(200);
      const records = o.route.kind === 'list' ? body.data : [body.data];
      if (records.some((r: Rec) => selfExpansions(o).some((name) => r[name] !== null && r[name] !== undefined)))
        embedded.push(o.operationId);
      expect(o.route.validators.response?.(body), JSON.stringify(o.route.validators.response?.errors)).toBe(true);
    }
    expect(embedded).toEqual(expect.arrayContaining(['listTrackingCategories', 'getTrackingCategory']));
  });
});

describe('hostile requests through Prism', () => {
  const LIST = '/accounting/invoice_payments';
  // A batch of one payment its company's platform accepts.
  const payment = (memo: string) => ({
    company_id: COMPANY,
    data: [{ amount: 10, payment_date: '2024-05-02T00:00:00Z', memo, ...PLATFORM_REQUIRED }],
  });

  it('an oversized body → 413, declared', async () => {
    const call: Call = {
      method: 'POST',
      path: LIST,
      json: payment('x'.repeat(BODY_LIMIT + 1024)),
      headers: { 'idempotency-key': randomUUID() },
    };
    const answer = await send(strict, call);
    expectServerAnswer(call, answer, 413);
    expect(answer.violations).toEqual([]);
  });

  it('an unknown query parameter → 400, declared', async () => {
    const call: Call = { method: 'GET', path: LIST, query: { company_id: COMPANY, colour: 'red' } };
    const answer = await send(strict, call);
    expectServerAnswer(call, answer, 400);
    expect(answer.body.error.details[0].pointer).toBe('/query/colour');
  });

  it('a forged cursor → 400 at /query/cursor, declared', async () => {
    const forged = `${Buffer.from(JSON.stringify({ o: 1 })).toString('base64url')}.${'A'.repeat(43)}`;
    for (const cursor of [forged, 'garbage']) {
      const call: Call = { method: 'GET', path: LIST, query: { company_id: COMPANY, cursor } };
      const answer = await send(strict, call);
      expectServerAnswer(call, answer, 400);
      expect(answer.body.error.details[0].pointer).toBe('/query/cursor');
    }
  });

  it('an unknown company → 404 on a list and on a create, declared', async () => {
    for (const call of [
      { method: 'GET', path: LIST, query: { company_id: 'com_nope' } },
      {
        method: 'POST',
        path: LIST,
        json: { ...payment('x'), company_id: 'com_nope' },
        headers: { 'idempotency-key': randomUUID() },
      },
    ] satisfies Call[]) {
      const answer = await send(strict, call);
      expectServerAnswer(call, answer, 404);
      expect(answer.body.error.code).toBe('not-found');
    }
  });

  it('an Idempotency-Key reused with another body → 422 idempotency-key-reused, declared', async () => {
    const key = randomUUID();
    const first: Call = { method: 'POST', path: LIST, json: payment('first'), headers: { 'idempotency-key': key } };
    expectServerAnswer(first, await send(strict, first), 200);
    const replay = await send(strict, first);
    expectServerAnswer(first, replay, 200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const other: Call = { ...first, json: payment('second') };
    const answer = await send(strict, other);
    expectServerAnswer(other, answer, 422);
    expect(answer.body.error.code).toBe('idempotency-key-reused');
  });

  it('a second sync of a busy company → 403 operation-denied, declared', async () => {
    const sync = (): Call => ({
      method: 'POST',
      path: '/core/syncs',
      json: { company_id: 'com_zoho_books', data: { data_models: ['BILLS'] } },
      headers: { 'idempotency-key': randomUUID() },
    });
    const first = sync();
    expectServerAnswer(first, await send(strict, first), 201);
    const second = sync();
    const answer = await send(strict, second);
    expectServerAnswer(second, answer, 403);
    expect(answer.body.error.code).toBe('operation-denied');
  });

  it('a wrong content type → 415 from the server, declared (Prism flags the request and forwards it)', async () => {
    for (const call of [
      { method: 'POST', path: LIST, text: 'company_id=com_xero', headers: { 'content-type': 'text/plain' } },
      {
        method: 'POST',
        path: '/core/syncs/syn_xero_1/cancel',
        text: 'please',
        headers: { 'content-type': 'text/plain' },
      },
    ] satisfies Call[]) {
      const answer = await send(forwarding, call);
      expectServerAnswer(call, answer, 415);
    }
  });

  it('a missing or wrong api_key → 401 from the server, declared', async () => {
    for (const apiKey of ['', 'guess']) {
      const call: Call = { method: 'GET', path: LIST, query: { company_id: COMPANY }, headers: { api_key: apiKey } };
      const answer = await send(forwarding, call);
      expectServerAnswer(call, answer, 401);
      expect(answer.body.error.code).toBe('unauthorized');
    }
  });

  it('a method the path lacks → 405 with Allow (no operation, so Prism has nothing to check it against)', async () => {
    const call: Call = { method: 'PUT', path: '/core/jobs', json: {} };
    const answer = await send(forwarding, call);
    expectServerAnswer(call, answer, 405);
    expect(answer.headers.get('allow')).toBe('GET, HEAD');
    expect(answer.body.error.code).toBe('method-not-allowed');
  });

  it('malformed JSON: Prism parses bodies itself and answers it without forwarding; the server answers 400, a declared status, with a valid error body', async () => {
    const text = '{"company_id": "com_xero", "data": {';
    const viaPrism = await send(forwarding, {
      method: 'POST',
      path: LIST,
      text,
      headers: { 'content-type': 'application/json' },
    });
    expect(viaPrism.status).toBe(400);
    expect(viaPrism.body?.request_id).toBeUndefined();
    const direct = await fetch(`${sandbox.url}${LIST}`, {
      method: 'POST',
      body: text,
      headers: { api_key: API_KEY, 'content-type': 'application/json' },
    });
    const body = await direct.json();
    expect(direct.status).toBe(400);
    expect(Object.keys(deref(SPEC.paths[LIST].post).responses)).toContain('400');
    const validate = (V as unknown as Record<string, Validator>).ErrorResponse as Validator;
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  });

  it('Prism logged no response violation', () => {
    const lines = (proxy: Proxy) =>
      proxy.log
        .join('')
        .split('\n')
        .filter((l) => /Violation: response/.test(l));
    expect(lines(strict)).toEqual([]);
    expect(lines(forwarding)).toEqual([]);
  });
});
