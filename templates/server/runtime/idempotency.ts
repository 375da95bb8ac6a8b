/** Idempotency-Key support, as Stripe and the IETF Idempotency-Key draft define it: the first
 * response to a key is stored and replayed for every retry of the *same* request; the key reused
 * with a different request (another method, path, query, API key or body) is refused, never
 * replayed. Copied verbatim. */
import { createHash } from 'node:crypto';
import { canonical } from './cursor.js';

/** A response as stored and replayed: the status, the exact JSON text sent and any extra
 * headers (Retry-After). */
export interface StoredResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** What a store says about a key: `first` — the caller runs the request and then `complete`s or
 * `release`s the key; `replay` — the same request was seen, here is its response (a promise that
 * waits while the first attempt still runs, and rejects if that attempt is released); `mismatch` —
 * the key belongs to a different request. */
export type Claim =
  { outcome: 'first' } | { outcome: 'replay'; response: Promise<StoredResponse> } | { outcome: 'mismatch' };

/** Where first responses are kept, by Idempotency-Key, each with the fingerprint of its request
 * (see `requestFingerprint`). Pass your own to share keys between processes. */
export interface IdempotencyStore {
  claim(key: string, fingerprint: string): Claim | Promise<Claim>;
  complete(key: string, fingerprint: string, response: StoredResponse): void | Promise<void>;
  /** The attempt failed in a way a retry may fix (a 5xx): forget the key; waiters try again. */
  release(key: string, fingerprint: string): void | Promise<void>;
}

export interface IdempotencyOptions {
  /** How long a key is remembered, from its first use. Default 24 hours. */
  ttlMs?: number;
  /** Most keys kept; the oldest stored response is dropped first. Default 10,000. */
  maxKeys?: number;
  /** Most bytes of stored responses (JSON text, key and fingerprint), oldest dropped first.
   * Default 64 MiB. A single response larger than this is not stored. */
  maxBytes?: number;
  /** The clock, for tests. */
  now?: () => number;
}

export const IDEMPOTENCY_DEFAULTS = {
  ttlMs: 24 * 60 * 60 * 1000,
  maxKeys: 10_000,
  maxBytes: 64 * 1024 * 1024,
} as const;

/** What makes two requests "the same" for a key: SHA-256 over the method, the path, the query, a
 * hash of the API key and the body in canonical form (object keys sorted, so key order and
 * whitespace do not matter; array order does). */
export function requestFingerprint(request: {
  method: string;
  path: string;
  query: unknown;
  apiKey: string;
  body: unknown;
}): string {
  const apiKey = createHash('sha256').update(request.apiKey).digest('hex');
  const text = canonical([
    request.method.toUpperCase(),
    request.path,
    request.query ?? {},
    apiKey,
    request.body ?? null,
  ]);
  return createHash('sha256').update(text).digest('hex');
}

interface Pending {
  fingerprint: string;
  promise: Promise<StoredResponse>;
  resolve: (response: StoredResponse) => void;
  reject: (error: unknown) => void;
  expires: number;
}

interface Done {
  fingerprint: string;
  response: StoredResponse;
  bytes: number;
  expires: number;
}

/** An in-process store, bounded in keys and bytes. Requests still running are never evicted (they
 * count toward `maxKeys`); finished ones are dropped oldest first once either bound is exceeded, and
 * when they expire. A dropped key is new again: a retry after that runs the request again. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly pending = new Map<string, Pending>();
  /** Insertion order is completion order: the first entry is the oldest. */
  private readonly done = new Map<string, Done>();
  private storedBytes = 0;
  private readonly ttlMs: number;
  private readonly maxKeys: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(options: IdempotencyOptions = {}) {
    this.ttlMs = options.ttlMs ?? IDEMPOTENCY_DEFAULTS.ttlMs;
    this.maxKeys = options.maxKeys ?? IDEMPOTENCY_DEFAULTS.maxKeys;
    this.maxBytes = options.maxBytes ?? IDEMPOTENCY_DEFAULTS.maxBytes;
    this.now = options.now ?? Date.now;
  }

  /** Keys held (running and stored) and bytes stored, after dropping expired keys. */
  stats(): { keys: number; bytes: number } {
    this.expire();
    return { keys: this.pending.size + this.done.size, bytes: this.storedBytes };
  }

  claim(key: string, fingerprint: string): Claim {
    this.expire();
    const running = this.pending.get(key);
    if (running)
      return running.fingerprint === fingerprint
        ? { outcome: 'replay', response: running.promise }
        : { outcome: 'mismatch' };
    const stored = this.done.get(key);
    if (stored && stored.expires <= this.now()) this.drop(key, stored);
    else if (stored)
      return stored.fingerprint === fingerprint
        ? { outcome: 'replay', response: Promise.resolve(stored.response) }
        : { outcome: 'mismatch' };
    let resolve!: Pending['resolve'];
    let reject!: Pending['reject'];
    const promise = new Promise<StoredResponse>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Waiters that never come must not leave an unhandled rejection behind.
    promise.catch(() => undefined);
    this.pending.set(key, { fingerprint, promise, resolve, reject, expires: this.now() + this.ttlMs });
    this.evict();
    return { outcome: 'first' };
  }

  complete(key: string, fingerprint: string, response: StoredResponse): void {
    const running = this.pending.get(key);
    if (!running || running.fingerprint !== fingerprint) return;
    this.pending.delete(key);
    running.resolve(response);
    const bytes = Buffer.byteLength(response.body) + Buffer.byteLength(key) + fingerprint.length;
    if (bytes > this.maxBytes || running.expires <= this.now()) return;
    this.done.set(key, { fingerprint, response, bytes, expires: running.expires });
    this.storedBytes += bytes;
    this.evict();
  }

  release(key: string, fingerprint: string): void {
    const running = this.pending.get(key);
    if (!running || running.fingerprint !== fingerprint) return;
    this.pending.delete(key);
    running.reject(new Error('the first attempt with this Idempotency-Key failed; retry'));
  }

  private drop(key: string, entry: Done): void {
    this.done.delete(key);
    this.storedBytes -= entry.bytes;
  }

  /** Drops expired keys: stored ones from the oldest on, running ones (a request that never
   * finished) wherever they are. */
  private expire(): void {
    const now = this.now();
    for (const [key, entry] of this.done) {
      if (entry.expires > now) break;
      this.drop(key, entry);
    }
    for (const [key, entry] of this.pending) {
      if (entry.expires > now) continue;
      this.pending.delete(key);
      entry.reject(new Error('the first attempt with this Idempotency-Key did not finish in time'));
    }
  }

  private evict(): void {
    for (const [key, entry] of this.done) {
      if (this.done.size + this.pending.size <= this.maxKeys && this.storedBytes <= this.maxBytes) break;
      this.drop(key, entry);
    }
  }
}
