/** Settings of a client, fixed when it is created. */
export interface ClientOptions {
  /** Where the API lives, e.g. `https://api.example.com` or `http://127.0.0.1:4010`. */
  baseUrl: string;
  /** Sent in the `api_key` header of every request. */
  apiKey: string;
  /** The fetch to use (default: the global one); handy for proxies, tracing or tests. */
  fetch?: typeof fetch;
  /** Time allowed per attempt before it fails with a TimeoutError (default 30 000 ms). */
  timeoutMs?: number;
  /** Extra attempts after a retryable failure (default 2, so 3 attempts in all). */
  retries?: number;
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
  retries?: number;
  /** For POST and PATCH: the Idempotency-Key (default: a fresh UUID per call, reused on each of
   * its retries). `false` sends none, and then the call is never retried. */
  idempotencyKey?: string | false;
  headers?: Record<string, string>;
}
