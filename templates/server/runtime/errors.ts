/** The error envelope: stable codes, their HTTP statuses, and the mapping from validation issues
 * and Fastify's own errors. Copied verbatim into every generated server. */
import type { ValidationIssue } from '../validators/issues.js';

export type ErrorCode =
  | 'missing-params'
  | 'invalid-params'
  | 'unauthorized'
  | 'operation-denied'
  | 'not-found'
  | 'method-not-allowed'
  | 'record-already-exists'
  | 'idempotency-key-reused'
  | 'rate-limited'
  | 'platform-denied'
  | 'unknown-error';

export const STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  'missing-params': 400,
  'invalid-params': 400,
  unauthorized: 401,
  'operation-denied': 403,
  'not-found': 404,
  'method-not-allowed': 405,
  'record-already-exists': 409,
  'platform-denied': 422,
  'idempotency-key-reused': 422,
  'rate-limited': 429,
  'unknown-error': 500,
};

export interface ErrorDetail {
  pointer: string;
  message: string;
}

/** Throw from a handler (or anywhere in the request) to answer with the error envelope. */
export class ServerError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];
  readonly platformError: Record<string, unknown> | null;
  /** Extra response headers (Retry-After for rate-limited). */
  readonly headers: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      details?: ErrorDetail[];
      status?: number;
      platformError?: Record<string, unknown> | null;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = 'ServerError';
    this.code = code;
    this.status = options.status ?? STATUS_OF[code];
    this.details = options.details ?? [];
    this.platformError = options.platformError ?? null;
    this.headers = options.headers ?? {};
  }
}

/** Most issues listed in an invalid-params or missing-params answer; the message says how many
 * more there were ("and 15,900 more"), so a body with thousands of bad items gets a short answer. */
export const MAX_REPORTED_ISSUES = 100;

/** Issues found in one part of the request → 400, `missing-params` when every issue is a missing
 * value, `invalid-params` otherwise. `prefix` places the pointers (`/query`, `/path`, '' for the
 * body). The first MAX_REPORTED_ISSUES become details; `uncollected` counts the errors the
 * validators found beyond those they keep (MAX_COLLECTED_ERRORS), for the "and N more". */
export function validationError(
  issues: readonly { prefix: string; issue: ValidationIssue }[],
  uncollected = 0,
): ServerError {
  const missing = issues.every(({ issue }) => issue.keyword === 'required');
  const details = issues.slice(0, MAX_REPORTED_ISSUES).map(({ prefix, issue }) => ({
    pointer: `${prefix}${issue.pointer}`,
    message: `${issue.message}: expected ${issue.expected}, found ${issue.found}`,
  }));
  const first = details[0];
  const more = issues.length - details.length + uncollected;
  const message = missing
    ? 'A required parameter or field is missing.'
    : 'The request has an invalid parameter or field.';
  const tail = more > 0 ? ` (and ${more} more; the first ${details.length} are in details)` : '';
  return new ServerError(
    missing ? 'missing-params' : 'invalid-params',
    first ? `${message} ${first.pointer}: ${first.message}${tail}` : message,
    { details },
  );
}

/** A Fastify error (a parser's, the body limit's, a content-type's) as a ServerError: its 4xx
 * status kept, with the code that fits it. Anything else is unknown-error. */
export function fromFastifyError(error: unknown): ServerError {
  if (error instanceof ServerError) return error;
  const status =
    typeof (error as { statusCode?: unknown })?.statusCode === 'number'
      ? (error as { statusCode: number }).statusCode
      : 500;
  const message = error instanceof Error ? error.message : 'Unexpected error.';
  if (status === 401) return new ServerError('unauthorized', message);
  if (status === 404) return new ServerError('not-found', message);
  if (status === 429) return new ServerError('rate-limited', message);
  // Malformed JSON, poisoned keys (400), a body over the limit (413), a content type other than
  // JSON (415): the request's fault, so invalid-params, with those statuses kept. Any other 4xx
  // Fastify may raise becomes a 400, a status every operation declares.
  if (status === 415)
    return new ServerError('invalid-params', message, {
      status,
      details: [{ pointer: '/header/content-type', message: 'only application/json bodies are accepted' }],
    });
  if (status >= 400 && status < 500)
    return new ServerError('invalid-params', message, {
      status: status === 413 ? 413 : 400,
      details: [{ pointer: '', message }],
    });
  return new ServerError('unknown-error', 'An unexpected error occurred.');
}
