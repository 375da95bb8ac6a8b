/** The Fastify side of the generated server, the same for every spec: request decoding and
 * validation, authentication, idempotent writes, the envelope, cursors, write jobs, response
 * validation in development and the error envelope. The generated plugin.ts binds it to the
 * route table. Copied verbatim. */
import { randomUUID } from 'node:crypto';
import Fastify, {
  type onRequestHookHandler,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { toIssues, uncollectedErrors, type ValidationIssue, type Validator } from '../validators/issues.js';
import { cursorKey, cursorSecret, decodeCursor, encodeCursor } from './cursor.js';
import { checkBodyShape, DEFAULT_MAX_BODY_DEPTH } from './body-shape.js';
import { fromFastifyError, ServerError, validationError } from './errors.js';
import {
  MemoryIdempotencyStore,
  requestFingerprint,
  type IdempotencyOptions,
  type IdempotencyStore,
  type StoredResponse,
} from './idempotency.js';
import { decodeQuery } from './query.js';
import type { ListResult, RouteSchema, RouteSpec } from './types.js';
import { runWrite, type WriteOptions } from './write-jobs.js';
import { echoRequestId, genReqId, requestIdOf } from './request-id.js';
import { docsRoutes, HIDDEN, type DocsOptions } from './docs-route.js';

export interface ServerOptions<H> {
  /** The implementation: one object of methods per resource (see handlers.ts). */
  handlers: H;
  /** Whether the `api_key` header's value may call the API; false answers 401 unauthorized. */
  authenticate: (apiKey: string, request: FastifyRequest) => boolean | Promise<boolean>;
  /** Check every response against the spec before sending it; an invalid one becomes a 500
   * unknown-error (and is logged). Default: on unless NODE_ENV is production. */
  validateResponses?: boolean;
  /** Largest JSON body accepted, in bytes (413 above). Default 1 MiB. */
  bodyLimit?: number;
  /** Deepest nesting of arrays and objects accepted in a JSON body (400 invalid-params above,
   * before validation). Default 64. */
  maxBodyDepth?: number;
  /** Where Idempotency-Key responses are remembered: a store (shared between processes), the
   * in-memory store's limits (default 24 h, 10,000 keys, 64 MiB), or false to turn replay off. */
  idempotency?: IdempotencyStore | IdempotencyOptions | false;
  /** The key list cursors are signed with (HMAC-SHA256), at least 32 bytes. Default: a random
   * secret per process, so a cursor is valid only on the process that made it: deployments with
   * more than one process (or restarts mid-pagination) must pass the same secret to each. */
  cursorSecret?: string | Uint8Array;
  /** The ID of a new write job. Default: `job_` and a random UUID. */
  newJobId?: () => string;
  /** Request checks before a write job, background writes, and where jobs are kept so
   * /core/jobs can serve them (see write-jobs.ts). Default: background only on
   * `Prefer: respond-async`, jobs kept nowhere. */
  writes?: WriteOptions;
  /** Serve the documentation site (`ledgerspec docs` builds it into generated/docs/) and the
   * spec's openapi.json, without an API key: `true` for `/docs/` and `/docs/openapi.json` from
   * the generated folder, or where to mount them and which files. Default: off. */
  docs?: boolean | DocsOptions;
}

type AnyHandler = (input: Record<string, unknown>) => unknown;

const started = new WeakMap<FastifyRequest, string>();

/** The spec's schemas as Fastify reads them (generated schemas.ts). */
export interface FastifySchemas {
  shared: readonly Record<string, unknown>[];
  routes: Readonly<Record<string, RouteSchema>>;
}

/** The plugin for a route table. Routes are registered in an encapsulated context of their own
 * (JSON the only body type, prototype poisoning refused whatever the host's settings), with their
 * schemas attached. */
export function createPlugin<H>(
  routes: readonly RouteSpec[],
  schemas: FastifySchemas,
): FastifyPluginAsync<ServerOptions<H>> {
  return async (instance, options) => {
    const handlers = options.handlers as unknown as Record<string, Record<string, AnyHandler> | undefined>;
    const missing = routes
      .filter((r) => typeof handlers[r.entity]?.[r.handler] !== 'function')
      .map((r) => `${r.entity}.${r.handler}`);
    if (missing.length > 0) throw new Error(`ledgerspec server: no handler for ${missing.join(', ')}`);
    const context: Context = {
      options,
      handlers,
      validateResponses: options.validateResponses ?? process.env.NODE_ENV !== 'production',
      store: idempotencyStore(options.idempotency),
      cursorSecret: cursorSecret(options.cursorSecret),
      newJobId: options.newJobId ?? (() => `job_${randomUUID().replace(/-/g, '')}`),
      writes: options.writes ?? {},
    };
    jsonOnly(instance, options.bodyLimit ?? 1024 * 1024, options.maxBodyDepth ?? DEFAULT_MAX_BODY_DEPTH);
    instance.setErrorHandler(errorHandler);
    useSchemas(instance, schemas.shared);
    // A hook of the routes, not of the context: the docs routes are public.
    const arrive: onRequestHookHandler = (request, reply, done) => {
      started.set(request, isoNow());
      echoRequestId(request, reply);
      try {
        const refused = authenticate(request, options.authenticate);
        if (refused instanceof Promise)
          refused.then(
            (error) => done(error),
            (error: Error) => done(error),
          );
        else done(refused);
      } catch (error) {
        done(error as Error);
      }
    };
    for (const route of routes) {
      const schema = schemas.routes[route.operationId];
      instance.route({
        method: route.method,
        url: route.url,
        ...(schema ? { schema } : {}),
        onRequest: arrive,
        handler: (request, reply) => serve(context, route, request, reply),
      });
    }
    methodNotAllowed(instance, routes, arrive);
    if (options.docs) docsRoutes(instance, options.docs);
  };
}

/** The shared schemas for the routes' refs, which @fastify/swagger and type providers read.
 *
 * Fastify's own validation is off in this context: validators.js checks every part of a request
 * at once, after decoding the query string by each parameter's style (deepObject filters, comma
 * lists), which Fastify's query parser cannot do, and answers with this API's error envelope.
 *
 * Its response serializer (fast-json-stringify) does not fit either, measured on the sandbox's
 * list endpoint: compiling every route's response schemas when the routes are added took ~3 s of
 * startup (~100 operations × ~8 statuses); its output was no faster than JSON.stringify on these
 * bodies (the spec's objects are open — no `additionalProperties: false` — which it must then walk
 * key by key; ~18 µs against ~23 µs alone, and its concatenated string costs again when Node
 * measures it for Content-Length), and without the open-object fix it drops undeclared fields
 * (`raw_data` sent as `{}`). So responses are JSON.stringify'd, once (the body stored for an
 * Idempotency-Key replay is the one sent). */
function useSchemas(instance: FastifyInstance, shared: FastifySchemas['shared']): void {
  for (const schema of shared) instance.addSchema(schema);
  instance.setValidatorCompiler(() => acceptAll);
  instance.setSerializerCompiler(() => JSON.stringify);
}

const acceptAll = () => true;

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** A known path asked with a method it does not have: 405 method-not-allowed with an Allow
 * header, after authentication and before the body is read. HEAD is allowed wherever GET is. */
function methodNotAllowed(instance: FastifyInstance, routes: readonly RouteSpec[], arrive: onRequestHookHandler): void {
  const byUrl = new Map<string, { path: string; methods: Set<string> }>();
  for (const route of routes) {
    const entry = byUrl.get(route.url) ?? { path: route.path, methods: new Set<string>() };
    entry.methods.add(route.method);
    if (route.method === 'GET') entry.methods.add('HEAD');
    byUrl.set(route.url, entry);
  }
  for (const [url, { path, methods }] of byUrl) {
    const allow = METHODS.filter((m) => methods.has(m)).join(', ');
    const refuse = (request: FastifyRequest) => {
      throw new ServerError('method-not-allowed', `${request.method} is not allowed on ${path}; it allows ${allow}.`, {
        details: [{ pointer: '', message: `allowed methods: ${allow}` }],
        headers: { allow },
      });
    };
    // Hidden from @fastify/swagger: not operations of the spec.
    instance.route({
      method: METHODS.filter((m) => !methods.has(m)),
      url,
      schema: HIDDEN,
      onRequest: [arrive, async (request) => refuse(request)],
      handler: async (request) => refuse(request),
    });
  }
}

function idempotencyStore(option: ServerOptions<unknown>['idempotency']): IdempotencyStore | undefined {
  if (option === false) return undefined;
  if (option && typeof (option as IdempotencyStore).claim === 'function') return option as IdempotencyStore;
  return new MemoryIdempotencyStore(option as IdempotencyOptions | undefined);
}

interface Context {
  options: ServerOptions<unknown>;
  handlers: Record<string, Record<string, AnyHandler> | undefined>;
  validateResponses: boolean;
  store: IdempotencyStore | undefined;
  cursorSecret: Uint8Array;
  newJobId: () => string;
  writes: WriteOptions;
}

/** Only application/json bodies; an empty one is no body (clients send the header on bodiless
 * POSTs); `__proto__` and `constructor` keys are a 400, and so are bodies nested deeper than
 * `maxDepth` or holding numbers out of range (see body-shape.ts). Other content types get
 * Fastify's 415. */
function jsonOnly(instance: FastifyInstance, bodyLimit: number, maxDepth: number): void {
  const parse = instance.getDefaultJsonParser('error', 'error');
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    parse(request, text, (error, parsed) => {
      if (error) return done(error);
      try {
        checkBodyShape(parsed, maxDepth);
      } catch (problem) {
        return done(problem as Error);
      }
      done(null, parsed);
    });
  });
}

/** The 401 for a request whose api_key is missing or refused, undefined when it may call;
 * synchronous when `check` is (no promise per request). */
function authenticate(
  request: FastifyRequest,
  check: ServerOptions<unknown>['authenticate'],
): ServerError | undefined | Promise<ServerError | undefined> {
  const key = request.headers.api_key;
  if (typeof key !== 'string' || key === '')
    return unauthorized('The api_key header is missing.', 'required header is missing');
  const verdict = check(key, request);
  if (typeof verdict === 'boolean') return verdict ? undefined : refusedKey();
  return Promise.resolve(verdict).then((ok) => (ok ? undefined : refusedKey()));
}

function refusedKey(): ServerError {
  return unauthorized('The api_key header is not a valid API key.', 'not a valid API key');
}

function unauthorized(message: string, detail: string): ServerError {
  return new ServerError('unauthorized', message, { details: [{ pointer: '/header/api_key', message: detail }] });
}

/** How often a request waits for an earlier attempt with its key that then fails (5xx) and
 * claims the key again, before giving up with a 500. */
const IDEMPOTENT_ATTEMPTS = 3;

/** Serves one request. With an Idempotency-Key (POST and PATCH): the first request with a key runs
 * and its response is stored; the same request again (same method, path, query, API key and
 * canonical body) gets that response back with `idempotent-replayed: true`, waiting while the
 * first still runs; a different request with the key is a 422 idempotency-key-reused. 5xx
 * responses are not stored, so a retry runs again. */
async function serve(context: Context, route: RouteSpec, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const input = parseRequest(route, request);
  const store = context.store;
  const key = route.idempotent && store ? input.idempotencyKey : undefined;
  if (!key || !store) return send(reply, stored(await respond(context, route, input)));
  const fingerprint = requestFingerprint({
    method: request.method,
    path: request.url.split('?')[0] ?? '',
    query: input.query,
    apiKey: String(request.headers.api_key ?? ''),
    body: input.body,
  });
  for (let attempt = 1; ; attempt++) {
    const claim = await store.claim(key, fingerprint);
    if (claim.outcome === 'mismatch') {
      throw new ServerError(
        'idempotency-key-reused',
        `The Idempotency-Key ${JSON.stringify(key)} was already used with a different request.`,
        {
          details: [
            {
              pointer: '/header/idempotency-key',
              message: 'already used with another method, path, query, API key or body',
            },
          ],
        },
      );
    }
    if (claim.outcome === 'replay') {
      const earlier = await claim.response.then(
        (r) => r,
        () => undefined,
      );
      if (earlier) {
        reply.header('idempotent-replayed', 'true');
        return send(reply, earlier);
      }
      // The attempt we waited for failed and let the key go: claim it again.
      if (attempt >= IDEMPOTENT_ATTEMPTS)
        throw new ServerError('unknown-error', 'Earlier attempts with this Idempotency-Key failed; retry.');
      continue;
    }
    const answer = await respond(context, route, input);
    const response = stored(answer);
    if (response.status >= 500 || nothingWrittenYetRetryable(answer.body)) await store.release(key, fingerprint);
    else await store.complete(key, fingerprint, response);
    return send(reply, response);
  }
}

/** Per-record errors a retry may fix. */
const TRANSIENT = new Set(['unknown-error', 'rate-limited']);

/** A write job that wrote nothing and failed for a reason a retry may fix (the platform timed out)
 * is not remembered, like a 5xx: the retry with the same key runs again, and cannot write twice. */
function nothingWrittenYetRetryable(body: unknown): boolean {
  const job = (
    body as
      { data?: { status?: unknown; records?: { status?: unknown; error?: { code?: unknown } | null }[] } } | undefined
  )?.data;
  if (job?.status !== 'FAILED' || !Array.isArray(job.records)) return false;
  return (
    job.records.every((r) => r.status === 'failed') && job.records.some((r) => TRANSIENT.has(String(r.error?.code)))
  );
}

/** A response as it is sent and stored: the body serialized once, so a replay is byte-identical. */
function stored(response: { status: number; body: unknown; headers?: Record<string, string> }): StoredResponse {
  const headers = response.headers && Object.keys(response.headers).length > 0 ? { headers: response.headers } : {};
  return { status: response.status, body: JSON.stringify(response.body), ...headers };
}

function send(reply: FastifyReply, response: StoredResponse): void {
  reply
    .code(response.status)
    .headers(response.headers ?? {})
    .header('content-type', 'application/json; charset=utf-8')
    .send(response.body);
}

type Input = Record<string, unknown> & { query: Record<string, unknown>; idempotencyKey: string | undefined };

/** Path, query, headers and body, decoded and validated together: every problem is reported at
 * once, each with its pointer (`/query/limit`, `/path/id`, `/header/idempotency-key`, `/data/amount`). */
function parseRequest(route: RouteSpec, request: FastifyRequest): Input {
  const found: { prefix: string; issue: ValidationIssue }[] = [];
  const path = { ...(request.params as Record<string, string>) };
  const query = decodeQuery(request.url, route.query);
  let uncollected =
    check(found, route.validators.path, path, '/path') +
    check(found, route.validators.query, query, '/query') +
    check(found, route.validators.headers, request.headers, '/header');
  const body = request.body;
  if (route.validators.body) {
    if (body === undefined)
      found.push({
        prefix: '',
        issue: {
          pointer: '',
          message: 'the request body is missing',
          keyword: 'required',
          expected: 'a JSON body',
          found: 'nothing',
        },
      });
    else uncollected += check(found, route.validators.body, body, '');
  }
  if (found.length > 0) throw validationError(found, uncollected);
  const header = request.headers['idempotency-key'];
  const bodyCompany = body && typeof body === 'object' ? (body as Record<string, unknown>).company_id : undefined;
  const company =
    typeof query.company_id === 'string' ? query.company_id : typeof bodyCompany === 'string' ? bodyCompany : undefined;
  return {
    query,
    path,
    body,
    companyId: company,
    idempotencyKey: typeof header === 'string' ? header : undefined,
    route,
    request,
  };
}

/** Validates one part of the request, adding its issues to `found`; returns how many more errors
 * the validator counted beyond those it kept. */
function check(
  found: { prefix: string; issue: ValidationIssue }[],
  validator: Validator | undefined,
  value: unknown,
  prefix: string,
): number {
  if (!validator || validator(value)) return 0;
  for (const issue of toIssues(validator.errors ?? [], value)) found.push({ prefix, issue });
  return uncollectedErrors(validator);
}

/** Runs the handler and builds the response, errors included, so it can be stored for replay. */
async function respond(
  context: Context,
  route: RouteSpec,
  input: Input,
): Promise<{ status: number; body: Record<string, unknown>; headers?: Record<string, string> }> {
  const request = input.request as FastifyRequest;
  try {
    const handler = context.handlers[route.entity]?.[route.handler] as AnyHandler;
    // For lists, the key this list's cursors are signed with (see cursor.ts); an HMAC, so made
    // only when a cursor is read or written (a first page with no next page needs none).
    let key: string | undefined;
    const hash = () => (key ??= cursorKey(context.cursorSecret, route.operationId, input.query));
    const page = route.reply === 'list' ? pageOf(input.query, hash) : undefined;
    const job =
      route.reply === 'job'
        ? await runWrite({ writes: context.writes, newJobId: context.newJobId, request }, route, handler, input)
        : undefined;
    if (page) input.page = page;
    const result = job ? job.data : await handler(input);
    const body = envelope(request, payload(route, input.query, hash, page, result));
    if (context.validateResponses && route.validators.response && !route.validators.response(body)) {
      const issues = toIssues(route.validators.response.errors ?? [], body);
      request.log.error(
        { operationId: route.operationId, issues },
        'handler returned a response that does not match the spec',
      );
      throw new ServerError('unknown-error', 'The server produced an invalid response.');
    }
    return { status: job?.status ?? route.status, body };
  } catch (error) {
    const e = fromFastifyError(error);
    if (e.status >= 500 && !(error instanceof ServerError)) request.log.error({ err: error }, 'handler failed');
    return { status: e.status, body: errorBody(request, e), headers: e.headers };
  }
}

/** The page a list request asks for; a cursor this server did not sign for this list and query is
 * a 400 at /query/cursor. */
function pageOf(query: Record<string, unknown>, hash: () => string): { offset: number; limit: number } {
  const limit = typeof query.limit === 'number' ? query.limit : 50;
  if (typeof query.cursor !== 'string') return { offset: 0, limit };
  const offset = decodeCursor(query.cursor, hash());
  if (offset === undefined) {
    throw new ServerError('invalid-params', 'The cursor is not valid for this query.', {
      details: [
        {
          pointer: '/query/cursor',
          message: 'not a cursor this server issued for this list with these filters and sort',
        },
      ],
    });
  }
  return { offset, limit };
}

/** The handler's result in the operation's response shape (without the envelope fields). */
function payload(
  route: RouteSpec,
  query: Record<string, unknown>,
  hash: () => string,
  page: { offset: number; limit: number } | undefined,
  result: unknown,
): Record<string, unknown> {
  if (route.reply === 'list' && page) {
    const list = result as ListResult<unknown>;
    const next = list.has_more ? encodeCursor(page.offset + page.limit, hash()) : null;
    const prev = page.offset > 0 ? encodeCursor(Math.max(0, page.offset - page.limit), hash()) : null;
    const total =
      query.include_total_count === true && typeof list.total_count === 'number'
        ? { total_count: list.total_count }
        : {};
    return { data: list.data, next, prev, ...total };
  }
  return { data: result };
}

/** Adds the envelope's fields to a body built for this response. */
function envelope(request: FastifyRequest, body: Record<string, unknown>): Record<string, unknown> {
  const now = isoNow();
  body.request_id = requestIdOf(request);
  body.request_timestamp = started.get(request) ?? now;
  body.response_timestamp = now;
  return body;
}

let lastMs = 0;
let lastIso = '';

/** The time as ISO 8601, formatted once per millisecond (every response carries it twice). */
function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

function errorBody(request: FastifyRequest, error: ServerError): Record<string, unknown> {
  return envelope(request, {
    error: { code: error.code, message: error.message, details: error.details, platform_error: error.platformError },
  });
}

/** Any error as the error envelope; 5xx are logged. Set by the plugin for its routes; set it on
 * the root instance too for errors outside them. */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const e = fromFastifyError(error);
  if (e.status >= 500) request.log.error({ err: error }, 'request failed');
  echoRequestId(request, reply);
  reply.code(e.status).headers(e.headers).send(errorBody(request, e));
}

/** The 404 envelope for a route the spec does not have: `app.setNotFoundHandler(notFoundHandler)`. */
export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0] ?? '';
  const e = new ServerError('not-found', `No route ${request.method} ${path}.`, {
    details: [{ pointer: '', message: 'no such route' }],
  });
  echoRequestId(request, reply);
  reply.code(404).send(errorBody(request, e));
}

export interface CreateServerOptions<H> extends ServerOptions<H> {
  /** Fastify's own options (logger, …); ledgerspec's safety settings win. */
  fastify?: FastifyServerOptions;
}

/** A Fastify app serving the plugin, with the 404 and error envelopes at the root, request IDs
 * that are the caller's `x-request-id` or UUIDs, and prototype poisoning refused. */
export async function buildServer<H>(
  plugin: FastifyPluginAsync<ServerOptions<H>>,
  options: CreateServerOptions<H>,
): Promise<FastifyInstance> {
  const { fastify, ...pluginOptions } = options;
  const app = Fastify({
    ...fastify,
    genReqId,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
  });
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  await app.register(plugin, pluginOptions);
  return app;
}
