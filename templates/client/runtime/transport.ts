import { ApiError, errorFromResponse, NetworkError, RateLimitError, requestIdOf, TimeoutError } from './errors.js';
import { hooksOf, runOnError, runOnRequest, runOnResponse, type Hooks } from './middleware.js';
import type { ClientOptions, RequestOptions, RetryContext, ShouldRetry } from './options.js';
import { queryString, type QueryStyles } from './query.js';
import { apiPromise, type ApiPromise, type WithResponse } from './result.js';
import { backoffDelay, isRetryableStatus, retryAfterMs, sleep } from './retry.js';

/** What the generated resources tell the transport about one operation of the spec. */
export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The spec's path template, e.g. `/accounting/invoices/{id}`. */
  path: string;
  /** Style of each array or object query parameter (scalars need none). */
  query?: QueryStyles;
  /** Statuses whose response the spec marks `x-retryable: true` (a 500 that may be repeated),
   * retried on top of 429, 502, 503 and 504. */
  retryOn?: readonly number[];
  /** The model the body's `data` must match, for `validateResponses` (`many`: a list page;
   * `records`: the model of each write job record's `response`). */
  response?: { model: string; many?: boolean; records?: string };
}

/** The values of one call. */
export interface Call {
  path?: Record<string, string | number | boolean>;
  query?: object | undefined;
  body?: unknown;
  options?: RequestOptions | undefined;
  /** Sees the headers of the successful response (a job's Retry-After, say). */
  onHeaders?: (headers: Headers) => void;
}

export interface Transport {
  request<T>(operation: Operation, call: Call): ApiPromise<T>;
}

/** How the spec's security scheme carries `apiKey`: the header it names. */
export interface TransportAuth {
  apiKeyHeader?: string;
}

/** Methods that may be repeated as they are; POST and PATCH only with an Idempotency-Key. */
const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);

/** The one place requests are made: URL and headers, middleware, timeouts, retries, typed
 * errors and (optionally) response validation. */
export function createTransport(options: ClientOptions, auth: TransportAuth = {}): Transport {
  const settings = resolve(options, auth.apiKeyHeader ?? 'api_key');
  return {
    request: <T>(operation: Operation, call: Call) =>
      apiPromise(answer(settings, operation, call) as Promise<WithResponse<T>>),
  };
}

/** What is fixed per client, worked out once rather than on every call. */
interface Settings {
  baseUrl: string;
  fetch: typeof fetch;
  /** Attempts are made as Request objects: the middleware sees them, and a fetch of the caller's
   * is promised one. Otherwise the global fetch gets the URL and init, as a hand-written call
   * would, and no Request is built that nobody reads (fetch builds its own). */
  viaRequest: boolean;
  headers: Readonly<Record<string, string>>;
  hooks: Hooks;
  timeoutMs: number;
  retries: number;
  shouldRetry: ShouldRetry | undefined;
  baseMs: number;
  maxMs: number;
  maxRetryAfterMs: number;
  validateResponses: boolean;
}

function resolve(options: ClientOptions, apiKeyHeader: string): Settings {
  if (!options.baseUrl) throw new TypeError('createClient: baseUrl is required');
  const key = options.apiKey === undefined ? {} : { [apiKeyHeader]: options.apiKey };
  const hooks = hooksOf(options.middleware ?? []);
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    viaRequest: hooks.some || options.fetch !== undefined,
    headers: { ...options.headers, accept: 'application/json', ...key },
    hooks,
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 2,
    shouldRetry: options.shouldRetry,
    baseMs: options.backoff?.baseMs ?? 500,
    maxMs: options.backoff?.maxMs ?? 8_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    validateResponses: options.validateResponses ?? false,
  };
}

/** The last request made and how many attempts there were, for onError. */
interface Trace {
  request: Request | undefined;
  attempts: number;
}

async function answer(settings: Settings, operation: Operation, call: Call): Promise<WithResponse<unknown>> {
  const trace: Trace = { request: undefined, attempts: 0 };
  try {
    const success = await send(settings, operation, call, trace);
    if (settings.validateResponses && operation.response) {
      const { checkResponse } = await loadValidation();
      await checkResponse(operation, success);
    }
    return success;
  } catch (error) {
    if (settings.hooks.onError.length === 0) throw error;
    throw await runOnError(settings.hooks, { error, operation, ...trace });
  }
}

/** The response checks, loaded on first use (so that a client without validateResponses never
 * loads the validators) and kept: an `import()` per call costs a module-loader round trip. */
let validation: Promise<typeof import('./validate.js')> | undefined;
function loadValidation(): Promise<typeof import('./validate.js')> {
  validation ??= import('./validate.js');
  return validation;
}

/** Attempts the call until it succeeds, fails for good, or runs out of retries. */
async function send(
  settings: Settings,
  operation: Operation,
  call: Call,
  trace: Trace,
): Promise<WithResponse<unknown>> {
  const prepared = prepare(settings, operation, call);
  const retries = prepared.repeatable ? (call.options?.retries ?? settings.retries) : 0;
  const shouldRetry = call.options?.shouldRetry ?? settings.shouldRetry;
  for (let attempt = 1; ; attempt++) {
    trace.attempts = attempt;
    const outcome = await attemptOnce(settings, operation, prepared, call.options, trace);
    if (outcome.ok) {
      call.onHeaders?.(outcome.response.headers);
      return outcome;
    }
    const wait =
      attempt <= retries
        ? retryWait(
            settings,
            outcome.error,
            { attempt, operation, retryable: isRetryable(operation, outcome.error) },
            shouldRetry,
          )
        : undefined;
    if (wait === undefined) throw outcome.error;
    await sleep(wait, call.options?.signal);
  }
}

interface PreparedRequest {
  url: string;
  method: string;
  headers: Readonly<Record<string, string>>;
  body: string | undefined;
  repeatable: boolean;
}

function prepare(settings: Settings, operation: Operation, call: Call): PreparedRequest {
  const key = idempotencyKey(operation.method, call.options);
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  return {
    url: settings.baseUrl + fillPath(operation.path, call.path) + queryString(call.query, operation.query ?? {}),
    method: operation.method,
    headers: callHeaders(settings.headers, call.options?.headers, body !== undefined, key),
    body,
    repeatable: IDEMPOTENT.has(operation.method) || Boolean(key),
  };
}

/** The client's headers, shared as they are when the call adds none (fetch copies them anyway). */
function callHeaders(
  common: Readonly<Record<string, string>>,
  extra: Record<string, string> | undefined,
  json: boolean,
  key: string | undefined,
): Readonly<Record<string, string>> {
  if (!extra && !json && !key) return common;
  const headers = { ...common, ...extra };
  if (json) headers['content-type'] = 'application/json';
  if (key) headers['idempotency-key'] = key;
  return headers;
}

/** One key per call, made before the first attempt, so every retry repeats it. */
function idempotencyKey(method: string, options: RequestOptions | undefined): string | undefined {
  if (IDEMPOTENT.has(method) || options?.idempotencyKey === false) return undefined;
  return options?.idempotencyKey ?? globalThis.crypto.randomUUID();
}

function fillPath(template: string, values: Record<string, string | number | boolean> = {}): string {
  if (!template.includes('{')) return template;
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') throw new TypeError(`missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(String(value));
  });
}

type Outcome = ({ ok: true } & WithResponse<unknown>) | { ok: false; error: ApiError };

/** What an attempt's failure to get an answer becomes: the caller's abort reason as it is, a
 * typed error otherwise (TimeoutError when the attempt's own timeout fired). */
type Failure = (cause: unknown, target: Target) => unknown;

/** What a failure message names: the request that failed (its method and URL). */
interface Target {
  method: string;
  url: string;
}

/** One attempt (through the middleware, when there is any). A failure to get an answer becomes a
 * typed error the retry rule weighs; the caller's abort and a hook's own exception end the call
 * as they are. */
async function attemptOnce(
  settings: Settings,
  operation: Operation,
  prepared: PreparedRequest,
  options: RequestOptions | undefined,
  trace: Trace,
): Promise<Outcome> {
  const timeoutMs = options?.timeoutMs ?? settings.timeoutMs;
  const timeout = deadline(timeoutMs);
  const signal = eitherSignal(options?.signal, timeout?.signal);
  const failure: Failure = (cause, target) => {
    if (options?.signal?.aborted) return options.signal.reason;
    const timedOut = timeout?.signal.aborted ?? false;
    return cause instanceof ApiError ? cause : transportError(cause, timedOut, target, timeoutMs);
  };
  try {
    const response = settings.viaRequest
      ? await exchange(settings, operation, prepared, { signal, failure, trace })
      : await fetchDirect(settings, prepared, signal, failure);
    const text = await response
      .text()
      .catch((cause: unknown) => Promise.reject(failure(cause, trace.request ?? prepared)));
    const body = parseBody(text, response);
    if (response.ok) return { ok: true, body, response, requestId: requestIdOf(body, response.headers) };
    return { ok: false, error: errorFromResponse(response, body, retryAfterMs(response.headers.get('retry-after'))) };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error };
    throw error;
  } finally {
    timeout?.clear();
  }
}

/** The longest delay a timer takes (about 24.8 days): a longer one would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** An attempt's timeout: aborts with a TimeoutError DOMException (as AbortSignal.timeout does) after
 * `ms`, unless cleared first; none for Infinity (or anything past a timer's range). A timer cleared
 * when the attempt ends, because AbortSignal.timeout's timer (and the weak reference behind it)
 * outlives each attempt by the whole timeout: costly when calls are many and quick. */
function deadline(ms: number): { signal: AbortSignal; clear(): void } | undefined {
  if (!(ms <= MAX_TIMER_MS)) return undefined;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    ms,
  );
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

/** The signal an attempt is sent with: the caller's, the timeout's, both, or none (a signal costs
 * fetch something, so none is passed when nothing can abort). */
function eitherSignal(caller: AbortSignal | undefined, timeout: AbortSignal | undefined): AbortSignal | undefined {
  return caller && timeout ? AbortSignal.any([caller, timeout]) : (caller ?? timeout);
}

/** Without middleware and with the global fetch: the URL and init straight to fetch. */
function fetchDirect(
  settings: Settings,
  prepared: PreparedRequest,
  signal: AbortSignal | undefined,
  failure: Failure,
): Promise<Response> {
  const { url, method, headers, body } = prepared;
  const init = body === undefined ? { method, headers, signal } : { method, headers, body, signal };
  return settings.fetch(url, init).catch((cause: unknown) => Promise.reject(failure(cause, prepared)));
}

/** With middleware or a fetch of the caller's: a Request through onRequest, fetch and
 * onResponse. */
async function exchange(
  settings: Settings,
  operation: Operation,
  prepared: PreparedRequest,
  attempt: { signal: AbortSignal | undefined; failure: Failure; trace: Trace },
): Promise<Response> {
  const { signal, failure, trace } = attempt;
  const { url, method, headers, body } = prepared;
  const fetchOnce = (request: Request): Promise<Response> =>
    settings.fetch(request, { signal }).catch((cause: unknown) => Promise.reject(failure(cause, request)));
  const context = { operation, attempt: trace.attempts };
  const request = await runOnRequest(settings.hooks, {
    ...context,
    request: new Request(url, body === undefined ? { method, headers } : { method, headers, body }),
  });
  trace.request = request;
  // onResponse hooks get the unsent original, so they can still copy it (body included); without
  // such a hook nobody reads it again, and the copy (a third Request per call) is spared.
  const sent = settings.hooks.onResponse.length > 0 ? request.clone() : request;
  return runOnResponse(settings.hooks, { ...context, request, response: await fetchOnce(sent), fetch: fetchOnce });
}

function transportError(cause: unknown, timedOut: boolean, target: Target, timeoutMs: number): ApiError {
  const where = `${target.method} ${target.url}`;
  if (timedOut)
    return new TimeoutError({
      status: 0,
      code: 'timeout',
      message: `${where}: no response within ${timeoutMs} ms`,
      cause,
    });
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new NetworkError({ status: 0, code: 'network-error', message: `${where}: ${reason}`, cause });
}

/** JSON when the response says so (or the body is empty); the text otherwise. */
function parseBody(text: string, response: Response): unknown {
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(type)) return text;
  try {
    return JSON.parse(text);
  } catch (cause) {
    const requestId = requestIdOf(undefined, response.headers);
    throw new ApiError({
      status: response.status,
      code: 'invalid-response',
      message: `the response is not valid JSON: ${text.slice(0, 120)}`,
      headers: response.headers,
      requestId,
      cause,
    });
  }
}

/** The default rule: no response at all, a status that may recover, or one the spec marks
 * retryable for this operation. */
function isRetryable(operation: Operation, error: ApiError): boolean {
  return error.status === 0 || isRetryableStatus(error.status) || (operation.retryOn?.includes(error.status) ?? false);
}

/** How long to wait before the next attempt, or undefined when the error is final. */
function retryWait(
  settings: Settings,
  error: ApiError,
  context: RetryContext,
  shouldRetry: ShouldRetry | undefined,
): number | undefined {
  if (!(shouldRetry ? shouldRetry(error, context) : context.retryable)) return undefined;
  const asked =
    error instanceof RateLimitError ? error.retryAfterMs : retryAfterMs(error.headers?.get('retry-after') ?? null);
  if (asked !== undefined) return asked <= settings.maxRetryAfterMs ? asked : undefined;
  return backoffDelay(context.attempt - 1, settings.baseMs, settings.maxMs);
}
