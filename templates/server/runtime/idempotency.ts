/** Idempotency-Key support: the first response to a key is stored and replayed for every retry
 * carrying the same key, so a retried write is not written twice. Copied verbatim. */

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** Where first responses are kept. `claim` returns the stored (or in-flight) response of a key, or
 * undefined after reserving the key for the caller, who then `complete`s or `release`s it. */
export interface IdempotencyStore {
  claim(key: string): Promise<StoredResponse> | undefined;
  complete(key: string, response: StoredResponse): void;
  release(key: string): void;
}

interface Entry {
  promise: Promise<StoredResponse>;
  resolve: (response: StoredResponse) => void;
  reject: (error: unknown) => void;
  expires: number;
}

/** An in-process store: keys live `ttlMs` (24 hours by default, as the spec promises) and at most
 * `maxKeys` are kept, the oldest dropped first. Concurrent retries wait for the first attempt. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly ttlMs = 24 * 60 * 60 * 1000, private readonly maxKeys = 10_000) {}

  claim(key: string): Promise<StoredResponse> | undefined {
    const existing = this.entries.get(key);
    if (existing && existing.expires > Date.now()) return existing.promise;
    let resolve!: Entry['resolve'];
    let reject!: Entry['reject'];
    const promise = new Promise<StoredResponse>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Waiters that never come must not leave an unhandled rejection behind.
    promise.catch(() => undefined);
    this.entries.delete(key);
    this.entries.set(key, { promise, resolve, reject, expires: Date.now() + this.ttlMs });
    while (this.entries.size > this.maxKeys) this.entries.delete(this.entries.keys().next().value as string);
    return undefined;
  }

  complete(key: string, response: StoredResponse): void {
    this.entries.get(key)?.resolve(response);
  }

  /** The attempt failed in a way a retry may fix (a 5xx): forget it, and let waiters retry too. */
  release(key: string): void {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    entry?.reject(new Error('the first attempt with this Idempotency-Key failed; retry'));
  }
}
