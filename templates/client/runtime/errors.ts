/** One offending value of a failed request: where it is (a JSON pointer into the body, or
 * `/query/<name>`, `/path/<name>`, `/header/<name>`) and what is wrong with it. */
export interface ErrorDetail {
  pointer: string;
  message: string;
}

export interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  details?: ErrorDetail[];
  requestId?: string | undefined;
  platformError?: unknown;
  headers?: Headers | undefined;
  /** The response body as read (parsed JSON, else text); undefined when there was none. */
  body?: unknown;
  cause?: unknown;
}

/** Any failed call: an error envelope from the API, or no usable response at all (status 0). */
export class ApiError extends Error {
  /** HTTP status; 0 when no response arrived (network failure, timeout). */
  readonly status: number;
  /** The API's stable error code (`invalid-params`, `not-found`, …) or the client's own
   * (`network-error`, `timeout`). */
  readonly code: string;
  readonly details: ErrorDetail[];
  /** The response's request id (the envelope's `request_id`, else an `x-request-id` header):
   * quote it when asking for support. Undefined when no response arrived. */
  readonly requestId: string | undefined;
  /** The accounting platform's own error body, when the platform refused a write. */
  readonly platformError: unknown;
  readonly headers: Headers | undefined;
  /** The response body as it came (parsed JSON, else text): what to read when an API answers
   * without ledgerspec's error envelope, as a third-party spec's API does. */
  readonly body: unknown;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.platformError = init.platformError;
    this.headers = init.headers;
    this.body = init.body;
  }
}

/** 400: a parameter or body field is missing or invalid; `details` point at each one. */
export class InvalidRequestError extends ApiError {}
/** 401: no api_key, or a wrong one. */
export class AuthenticationError extends ApiError {}
/** 403: the operation is not allowed now (a sync already running, say). */
export class PermissionDeniedError extends ApiError {}
/** 404: no such record or route. */
export class NotFoundError extends ApiError {}
/** 409: the record already exists. */
export class ConflictError extends ApiError {}
/** 422: the accounting platform refused the write; `platformError` holds its answer. */
export class PlatformDeniedError extends ApiError {}
/** 422 `idempotency-key-reused`: the Idempotency-Key was already used with a different request
 * (another body, path, query or API key); nothing was written. Use a new key. */
export class IdempotencyKeyReusedError extends ApiError {}
/** 5xx: the API failed. */
export class ServerError extends ApiError {}

/** 429: too many requests; still failing after the client's retries. */
export class RateLimitError extends ApiError {
  /** How long the API asked to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(init: ApiErrorInit & { retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** No response: the connection failed or was reset (status 0, code `network-error`). */
export class NetworkError extends ApiError {}
/** No response within `timeoutMs` (status 0, code `timeout`). */
export class TimeoutError extends NetworkError {}

/** A 2xx response whose body does not match the spec (only with `validateResponses`). */
export class ResponseValidationError extends ApiError {}

const BY_STATUS: Record<number, typeof ApiError> = {
  400: InvalidRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: PlatformDeniedError,
};

/** Codes whose class is more specific than their status's. */
const BY_CODE: Record<string, typeof ApiError> = {
  'idempotency-key-reused': IdempotencyKeyReusedError,
};

/** The typed error for a non-2xx response, from its error envelope when it has one. */
export function errorFromResponse(response: Response, body: unknown, retryAfterMs: number | undefined): ApiError {
  const envelope = errorEnvelope(body);
  const init: ApiErrorInit = {
    status: response.status,
    code: envelope?.code ?? `http-${response.status}`,
    message: envelope?.message ?? `${response.status} ${response.statusText || 'error'}${bodyExcerpt(body)}`,
    details: envelope?.details ?? [],
    requestId: requestIdOf(body, response.headers),
    platformError: envelope?.platformError,
    headers: response.headers,
    body,
  };
  if (response.status === 429) return new RateLimitError({ ...init, retryAfterMs });
  if (response.status >= 500) return new ServerError(init);
  const byCode = envelope && Object.hasOwn(BY_CODE, envelope.code) ? BY_CODE[envelope.code] : undefined;
  const ErrorClass = byCode ?? BY_STATUS[response.status] ?? ApiError;
  return new ErrorClass(init);
}

/** The start of a body that is not an error envelope, for the message (the whole is `body`). */
function bodyExcerpt(body: unknown): string {
  if (body === undefined) return ' (no body)';
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return `: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`;
}

/** A response's request id: the envelope's `request_id` (the spec puts one in every body, success
 * or error), else an `x-request-id` header, which gateways in front of an API commonly add to
 * answers of their own (a 502 page has no envelope). */
export function requestIdOf(body: unknown, headers: Headers | undefined): string | undefined {
  if (isRecord(body) && typeof body.request_id === 'string') return body.request_id;
  return headers?.get('x-request-id') ?? undefined;
}

interface ParsedEnvelope {
  code: string;
  message: string;
  details: ErrorDetail[];
  platformError: unknown;
}

/** `{ error: { code, message, details, platform_error }, request_id }`, read defensively: an
 * error response may come from a proxy that never heard of the envelope. */
function errorEnvelope(body: unknown): ParsedEnvelope | undefined {
  if (!isRecord(body) || !isRecord(body.error)) return undefined;
  const { code, message, details, platform_error } = body.error;
  if (typeof code !== 'string' || typeof message !== 'string') return undefined;
  return {
    code,
    message,
    details: Array.isArray(details) ? details.filter(isDetail) : [],
    platformError: platform_error ?? undefined,
  };
}

function isDetail(value: unknown): value is ErrorDetail {
  return isRecord(value) && typeof value.pointer === 'string' && typeof value.message === 'string';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
