import { describe, expect, it } from 'vitest';
import { MemoryIdempotencyStore, requestFingerprint, type StoredResponse } from '../../generated/server/idempotency.ts';
import { createServer } from '../../generated/server/plugin.ts';
import { sandboxHandlers } from '../../sandbox/handlers.ts';
import { seedStore } from '../../sandbox/seed.ts';
import { useSandbox } from './sandbox.ts';

/** Lets a test hold the invoice payment create handler until it says so. */
const gate = {
  calls: 0,
  fail: false,
  entered: undefined as (() => void) | undefined,
  open: Promise.resolve() as Promise<void>,
};
const api = useSandbox({
  override: (handlers) => ({
    ...handlers,
    invoice_payments: {
      ...handlers.invoice_payments,
      create: async (input) => {
        gate.calls += 1;
        gate.entered?.();
        await gate.open;
        if (gate.fail) {
          gate.fail = false;
          throw new Error('the platform timed out');
        }
        return handlers.invoice_payments.create(input);
      },
    },
  }),
});

const PAYMENTS = '/accounting/invoice_payments';
// A batch of one payment Xero accepts (its connector requires the invoice and the account).
const record = (memo: string) => ({
  amount: 10,
  payment_date: '2024-05-02T00:00:00Z',
  memo,
  invoice_id: 'xero-invoices-1',
  account_id: 'xero-accounts-1',
});
const body = (memo: string, company = 'com_xero') => ({ company_id: company, data: [record(memo)] });
const post = (key: string, json: unknown, path = PAYMENTS) =>
  api.call(path, { method: 'POST', json, headers: { 'idempotency-key': key } });
const count = async (company = 'com_xero') =>
  (await api.call(`${PAYMENTS}?company_id=${company}&include_total_count=true&limit=1`)).body.total_count as number;

function expectReused(response: { status: number; body: any; headers: Headers }) {
  expect(response.status).toBe(422);
  expect(response.body.error.code).toBe('idempotency-key-reused');
  expect(response.body.error.details[0].pointer).toBe('/header/idempotency-key');
  expect(response.headers.get('idempotent-replayed')).toBeNull();
}

describe('Idempotency-Key over HTTP', () => {
  it('replays the identical request, byte for byte, written once', async () => {
    const before = await count();
    const first = await post('same-request', body('one'));
    // The same JSON with its keys in another order is the same request.
    const again = await post('same-request', {
      data: [
        {
          account_id: 'xero-accounts-1',
          invoice_id: 'xero-invoices-1',
          memo: 'one',
          payment_date: '2024-05-02T00:00:00Z',
          amount: 10,
        },
      ],
      company_id: 'com_xero',
    });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await count()).toBe(before + 1);
  });

  it('refuses the key with another body (422 idempotency-key-reused), writing nothing', async () => {
    const first = await post('other-body', body('first'));
    expect(first.status).toBe(200);
    const before = await count();
    expectReused(await post('other-body', body('second')));
    expectReused(await post('other-body', { ...body('first'), data: [{ ...record('first'), amount: 11 }] }));
    expect(await count()).toBe(before);
    // The original request still replays.
    expect((await post('other-body', body('first'))).headers.get('idempotent-replayed')).toBe('true');
  });

  it('refuses the key on another path, another company or another operation', async () => {
    expect((await post('other-path', body('x'))).status).toBe(200);
    expectReused(
      await post(
        'other-path',
        { company_id: 'com_xero', data: [{ amount: 10, payment_date: '2024-05-02T00:00:00Z', memo: 'x' }] },
        '/accounting/bill_payments',
      ),
    );
    expectReused(await post('other-path', body('x', 'com_codat')));
    expectReused(
      await api.call('/core/syncs/syn_xero_1/cancel', { method: 'POST', headers: { 'idempotency-key': 'other-path' } }),
    );
  });

  it('stores error responses too: the same failing request replays its 4xx', async () => {
    const first = await post('unknown-company', body('x', 'com_nope'));
    expect(first.status).toBe(404);
    const again = await post('unknown-company', body('x', 'com_nope'));
    expect(again.status).toBe(404);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('does not store a job that wrote nothing and failed for a transient reason: the retry runs again', async () => {
    gate.fail = true;
    const failed = await post('after-5xx', body('5xx'));
    expect(failed.status).toBe(200);
    expect(failed.body.data).toMatchObject({
      status: 'FAILED',
      success_count: 0,
      records: [{ status: 'failed', error: { code: 'unknown-error' } }],
    });
    const retried = await post('after-5xx', body('5xx'));
    expect(retried.status).toBe(200);
    expect(retried.body.data.status).toBe('SUCCESS');
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('lets concurrent retries wait for the first attempt, and refuses a different concurrent request at once', async () => {
    let open!: () => void;
    const entered = new Promise<void>((resolve) => (gate.entered = resolve));
    gate.open = new Promise<void>((resolve) => (open = resolve));
    const callsBefore = gate.calls;
    const first = post('concurrent', body('concurrent'));
    await entered;
    const retry = post('concurrent', body('concurrent'));
    const different = await post('concurrent', body('not the same'));
    expectReused(different);
    open();
    const [a, b] = await Promise.all([first, retry]);
    expect(a.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(gate.calls - callsBefore).toBe(1);
    gate.entered = undefined;
  });
});

describe('Idempotency-Key and the API key', () => {
  it('refuses a key reused by another API key, never replaying its response', async () => {
    const app = await createServer({
      handlers: sandboxHandlers(seedStore()),
      authenticate: (key) => key === 'alice' || key === 'bob',
    });
    try {
      const send = (apiKey: string) =>
        app.inject({
          method: 'POST',
          url: PAYMENTS,
          headers: { api_key: apiKey, 'idempotency-key': 'shared', 'content-type': 'application/json' },
          payload: JSON.stringify(body('alice')),
        });
      const alice = await send('alice');
      expect(alice.statusCode).toBe(200);
      const bob = await send('bob');
      expect(bob.statusCode).toBe(422);
      expect(bob.json().error.code).toBe('idempotency-key-reused');
      expect(bob.body).not.toContain(alice.json().data.job_id);
      expect((await send('alice')).headers['idempotent-replayed']).toBe('true');
    } finally {
      await app.close();
    }
  });
});

describe('MemoryIdempotencyStore', () => {
  const response = (text: string, status = 200): StoredResponse => ({ status, body: text });
  const fp = (n: number) => requestFingerprint({ method: 'POST', path: '/x', query: {}, apiKey: 'k', body: { n } });

  it('fingerprints method, path, query, API key and canonical body', () => {
    const base = { method: 'POST', path: '/a', query: { company_id: 'c' }, apiKey: 'k', body: { a: 1, b: [1, 2] } };
    expect(requestFingerprint(base)).toBe(requestFingerprint({ ...base, body: { b: [1, 2], a: 1 } }));
    for (const change of [
      { method: 'PATCH' },
      { path: '/b' },
      { query: { company_id: 'd' } },
      { apiKey: 'j' },
      { body: { a: 1, b: [2, 1] } },
    ]) {
      expect(requestFingerprint({ ...base, ...change })).not.toBe(requestFingerprint(base));
    }
  });

  it('replays, refuses a mismatch, and forgets a key after its time to live', async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore({ ttlMs: 1000, now: () => now });
    expect(store.claim('k', fp(1))).toEqual({ outcome: 'first' });
    store.complete('k', fp(1), response('{"a":1}'));
    const replay = store.claim('k', fp(1));
    expect(replay.outcome).toBe('replay');
    expect(await (replay as { response: Promise<StoredResponse> }).response).toEqual(response('{"a":1}'));
    expect(store.claim('k', fp(2))).toEqual({ outcome: 'mismatch' });
    now = 999;
    expect(store.claim('k', fp(1)).outcome).toBe('replay');
    now = 1000;
    expect(store.stats()).toEqual({ keys: 0, bytes: 0 });
    expect(store.claim('k', fp(2))).toEqual({ outcome: 'first' });
  });

  it('keeps at most maxKeys, dropping the oldest stored response first', () => {
    const store = new MemoryIdempotencyStore({ maxKeys: 3 });
    for (let i = 1; i <= 5; i++) {
      store.claim(`k${i}`, fp(i));
      store.complete(`k${i}`, fp(i), response(`{"i":${i}}`));
    }
    expect(store.stats().keys).toBe(3);
    expect(store.claim('k1', fp(99))).toEqual({ outcome: 'first' });
    expect(store.claim('k5', fp(5)).outcome).toBe('replay');
  });

  it('keeps at most maxBytes of stored responses, dropping the oldest first, and stores none larger than that', () => {
    const store = new MemoryIdempotencyStore({ maxBytes: 1000 });
    const big = (n: number) => response(JSON.stringify({ pad: 'x'.repeat(300), n }));
    for (let i = 1; i <= 4; i++) {
      store.claim(`k${i}`, fp(i));
      store.complete(`k${i}`, fp(i), big(i));
    }
    const { keys, bytes } = store.stats();
    expect(bytes).toBeLessThanOrEqual(1000);
    expect(keys).toBe(2);
    expect(store.claim('k1', fp(1))).toEqual({ outcome: 'first' });
    expect(store.claim('k4', fp(4)).outcome).toBe('replay');
    store.claim('huge', fp(9));
    store.complete('huge', fp(9), response('x'.repeat(2000)));
    expect(store.claim('huge', fp(9))).toEqual({ outcome: 'first' });
    expect(store.stats().bytes).toBeLessThanOrEqual(1000);
  });

  it('never evicts a request still running; a released key lets its waiters claim it again', async () => {
    const store = new MemoryIdempotencyStore({ maxKeys: 1 });
    store.claim('running', fp(1));
    store.claim('other', fp(2));
    const waiter = store.claim('running', fp(1));
    expect(waiter.outcome).toBe('replay');
    store.release('running', fp(1));
    await expect((waiter as { response: Promise<StoredResponse> }).response).rejects.toThrow(/failed; retry/);
    expect(store.claim('running', fp(1))).toEqual({ outcome: 'first' });
  });

  it('defaults to 24 hours, 10,000 keys and 64 MiB', async () => {
    const { IDEMPOTENCY_DEFAULTS } = await import('../../generated/server/idempotency.ts');
    expect(IDEMPOTENCY_DEFAULTS).toEqual({ ttlMs: 86_400_000, maxKeys: 10_000, maxBytes: 64 * 1024 * 1024 });
  });
});
