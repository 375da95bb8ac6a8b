import type { ApiError } from './errors.js';
import type { Middleware } from './middleware.js';
import type { Operation } from './transport.js';

/** Settings of a client, fixed when it is created. */
export interface ClientOptions {
  /** Where the API lives, e.g. `https://api.example.com` or `http://127.0.0.1:4010`. */
  baseUrl: string;
  /** Sent on every request in the header of the spec's API-key security scheme (`api_key`
   * unless the generated createClient says otherwise). createClient requires it when the spec's
   * security requires that scheme; without it no such header is sent. */
  apiKey?: string;
  /** The fetch to use (default: the global one); handy for proxies or tests. It is called with a
   * Request (and an init holding the attempt's signal). */
  fetch?: typeof fetch;
  /** Hooks around every attempt (logging, tracing, auth refresh): `onRequest` in this order,
   * `onResponse` and `onError` in reverse order (see middleware.ts). */
  middleware?: Middleware[];
  /** Time allowed per attempt before it fails with a TimeoutError (default 30 000 ms; Infinity:
   * no timeout, so fetch gets no signal unless the call passes one). */
  timeoutMs?: number;
  /** Extra attempts after a retryable failure (default 2, so 3 attempts in all). Retryable: no
   * response (network failure, timeout), 429, 502, 503, 504, and the statuses the spec marks
   * `x-retryable: true` for the operation (`retryOn`). */
  retries?: number;
  /** Decides instead of the rule above whether a failed attempt is tried again (still within
   * `retries`, and never for a POST or PATCH sent without an Idempotency-Key). */
  shouldRetry?: ShouldRetry;
  /** Exponential backoff between attempts: `baseMs · 2^attempt`, capped at `maxMs`, half of it
   * jittered (defaults 500 ms and 8 000 ms). A Retry-After from the API wins over it. */
  backoff?: { baseMs?: number; maxMs?: number };
  /** A Retry-After longer than this is not waited for: the error is thrown (default 60 000 ms). */
  maxRetryAfterMs?: number;
  /** Check every 2xx body against the spec with the generated validators (default false); a
   * mismatch throws ResponseValidationError. The validators load on first use. */
  validateResponses?: boolean;
  /** Headers added to every request. */
  headers?: Record<string, string>;
}

/** Settings of one call, overriding the client's. */
export interface RequestOptions {
  /** Cancels the call (and its retries); the call rejects with the signal's reason. */
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Extra attempts for this call; 0 turns retries off. */
  retries?: number;
  /** This call's own retry rule (see ClientOptions.shouldRetry). */
  shouldRetry?: ShouldRetry;
  /** For POST and PATCH: the Idempotency-Key (default: a fresh UUID per call, reused on each of
   * its retries). `false` sends none, and then the call is never retried. */
  idempotencyKey?: string | false;
  headers?: Record<string, string>;
}

/** What a retry rule is told about a failed attempt. */
export interface RetryContext {
  /** The attempt that failed, counting from 1. */
  attempt: number;
  operation: Operation;
  /** What the default rule decides (spec-marked status, 429, 502–504 or no response). */
  retryable: boolean;
}

/** True to try again (after the backoff, or Retry-After when it is within maxRetryAfterMs). */
export type ShouldRetry = (error: ApiError, context: RetryContext) => boolean;
