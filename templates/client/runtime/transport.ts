import { ApiError, errorFromResponse, NetworkError, RateLimitError, TimeoutError } from './errors.js';
import type { ClientOptions, RequestOptions } from './options.js';
import { queryString, type QueryStyles } from './query.js';
import { backoffDelay, isRetryableStatus, retryAfterMs, sleep } from './retry.js';

/** What the generated resources tell the transport about one operation of the spec. */
export interface Operation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The spec's path template, e.g. `/accounting/invoices/{id}`. */
  path: string;
  /** Style of each array or object query parameter (scalars need none). */
  query?: QueryStyles;
  /** The model the body's `data` must match, for `validateResponses` (`many`: a list page;
   * `records`: the model of each write job record's `response`). */
  response?: { model: string; many?: boolean; records?: string };
}

/** The values of one call. */
export interface Call {
  path?: Record<string, string>;
  query?: object | undefined;
  body?: unknown;
  options?: RequestOptions | undefined;
  /** Sees the headers of the successful response (a job's Retry-After, say). */
  onHeaders?: (headers: Headers) => void;
}

export interface Transport {
  request<T>(operation: Operation, call: Call): Promise<T>;
}

/** Methods that may be repeated as they are; POST and PATCH only with an Idempotency-Key. */
const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);

/** The one place requests are made: URL and headers, timeouts, retries, typed errors and
 * (optionally) response validation. */
export function createTransport(options: ClientOptions): Transport {
  const settings = resolve(options);
  return {
    async request<T>(operation: Operation, call: Call): Promise<T> {
      const body = await send(settings, operation, call);
      if (settings.validateResponses && operation.response) {
        const { checkResponse } = await import('./validate.js');
        await checkResponse(operation, body);
      }
      return body as T;
    },
  };
}

interface Settings {
  baseUrl: string;
  fetch: typeof fetch;
  headers: Record<string, string>;
  timeoutMs: number;
  retries: number;
  baseMs: number;
  maxMs: number;
  maxRetryAfterMs: number;
  validateResponses: boolean;
}

function resolve(options: ClientOptions): Settings {
  if (!options.baseUrl) throw new TypeError('createClient: baseUrl is required');
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    headers: { ...options.headers, accept: 'application/json', api_key: options.apiKey },
    timeoutMs: options.timeoutMs ?? 30_000,
    retries: options.retries ?? 2,
    baseMs: options.backoff?.baseMs ?? 500,
    maxMs: options.backoff?.maxMs ?? 8_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    validateResponses: options.validateResponses ?? false,
  };
}

/** Attempts the call until it succeeds, fails for good, or runs out of retries. */
async function send(settings: Settings, operation: Operation, call: Call): Promise<unknown> {
  const request = prepare(settings, operation, call);
  const retries = request.retryable ? (call.options?.retries ?? settings.retries) : 0;
  for (let attempt = 0; ; attempt++) {
    const outcome = await attemptOnce(settings, request, call.options);
    if (outcome.ok) {
      call.onHeaders?.(outcome.headers);
      return outcome.body;
    }
    const wait = attempt < retries ? retryWait(settings, outcome.error, attempt) : undefined;
    if (wait === undefined) throw outcome.error;
    await sleep(wait, call.options?.signal);
  }
}

interface PreparedRequest {
  url: string;
  init: RequestInit & { method: string; headers: Record<string, string> };
  retryable: boolean;
}

function prepare(settings: Settings, operation: Operation, call: Call): PreparedRequest {
  const headers = { ...settings.headers, ...call.options?.headers };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const key = idempotencyKey(operation.method, call.options);
  if (key) headers['idempotency-key'] = key;
  const url = settings.baseUrl + fillPath(operation.path, call.path ?? {}) + queryString(call.query, operation.query ?? {});
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  return { url, init: { method: operation.method, headers, ...(body === undefined ? {} : { body }) }, retryable: IDEMPOTENT.has(operation.method) || Boolean(key) };
}

/** One key per call, made before the first attempt, so every retry repeats it. */
function idempotencyKey(method: string, options: RequestOptions | undefined): string | undefined {
  if (IDEMPOTENT.has(method) || options?.idempotencyKey === false) return undefined;
  return options?.idempotencyKey ?? globalThis.crypto.randomUUID();
}

function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') throw new TypeError(`missing path parameter "${name}" for ${template}`);
    return encodeURIComponent(value);
  });
}

type Outcome = { ok: true; body: unknown; headers: Headers } | { ok: false; error: ApiError };

async function attemptOnce(settings: Settings, request: PreparedRequest, options: RequestOptions | undefined): Promise<Outcome> {
  const timeout = AbortSignal.timeout(options?.timeoutMs ?? settings.timeoutMs);
  const signal = options?.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await settings.fetch(request.url, { ...request.init, signal });
    const body = await readBody(response);
    if (response.ok) return { ok: true, body, headers: response.headers };
    return { ok: false, error: errorFromResponse(response, body, retryAfterMs(response.headers.get('retry-after'))) };
  } catch (cause) {
    if (options?.signal?.aborted) throw options.signal.reason;
    return { ok: false, error: transportError(cause, timeout.aborted, request, options?.timeoutMs ?? settings.timeoutMs) };
  }
}

function transportError(cause: unknown, timedOut: boolean, request: PreparedRequest, timeoutMs: number): ApiError {
  const where = `${request.init.method} ${request.url}`;
  if (timedOut) return new TimeoutError({ status: 0, code: 'timeout', message: `${where}: no response within ${timeoutMs} ms`, cause });
  if (cause instanceof ApiError) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new NetworkError({ status: 0, code: 'network-error', message: `${where}: ${reason}`, cause });
}

/** JSON when the response says so (or the body is empty); the text otherwise. */
async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(type)) return text;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ApiError({ status: response.status, code: 'invalid-response', message: `the response is not valid JSON: ${text.slice(0, 120)}`, headers: response.headers, cause });
  }
}

/** How long to wait before the next attempt, or undefined when the error is final. */
function retryWait(settings: Settings, error: ApiError, attempt: number): number | undefined {
  const networkFailure = error.status === 0;
  if (!networkFailure && !isRetryableStatus(error.status)) return undefined;
  const asked = error instanceof RateLimitError ? error.retryAfterMs : retryAfterMs(error.headers?.get('retry-after') ?? null);
  if (asked !== undefined) return asked <= settings.maxRetryAfterMs ? asked : undefined;
  return backoffDelay(attempt, settings.baseMs, settings.maxMs);
}
