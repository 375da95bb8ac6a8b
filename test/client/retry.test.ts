import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableStatus, retryAfterMs } from '../../generated/client/runtime/retry.js';
import { queryString } from '../../generated/client/runtime/query.js';

describe('backoff', () => {
  it('doubles per attempt, jitters within the upper half of each step, and caps', () => {
    expect(backoffDelay(0, 500, 8000, () => 0)).toBe(250);
    expect(backoffDelay(0, 500, 8000, () => 1)).toBe(500);
    expect(backoffDelay(3, 500, 8000, () => 0.5)).toBe(3000);
    expect(backoffDelay(10, 500, 8000, () => 1)).toBe(8000);
  });

  it('retries only the statuses that may recover', () => {
    expect([429, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 404, 409, 422, 500, 501].some(isRetryableStatus)).toBe(false);
  });
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-21T10:00:00Z');
  it('reads delay-seconds and HTTP dates', () => {
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('Sat, 21 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sat, 21 Nov 2026 09:00:00 GMT', now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-1', now)).toBeUndefined();
  });
});

describe('query strings', () => {
  it('leaves out undefined values and encodes what needs encoding', () => {
    expect(queryString({ a: undefined, b: 'x y&z', c: false }, {})).toBe('?b=x+y%26z&c=false');
    expect(queryString({}, {})).toBe('');
  });
  it('writes each style as declared', () => {
    const styles = { sort: 'comma', tag: 'repeat', filter: 'deepObject' } as const;
    const text = queryString(
      { sort: ['-a', 'b'], tag: ['x', 'y'], filter: { at: { gte: new Date('2026-01-01T00:00:00Z') } } },
      styles,
    );
    expect(decodeURIComponent(text)).toBe('?sort=-a,b&tag=x&tag=y&filter[at][gte]=2026-01-01T00:00:00.000Z');
  });
});
