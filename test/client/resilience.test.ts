import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  createClient,
  InvalidRequestError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
  ServerError,
  TimeoutError,
  type Client,
} from '../../generated/client/index.js';
import { errorEnvelope, startSpecServer, type SpecServer } from './helpers/spec-server.ts';

let server: SpecServer;
beforeAll(async () => {
  server = await startSpecServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

/** Tiny backoff so retry tests are quick; Retry-After tests show the client waiting longer. */
const clientWith = (options: Partial<Parameters<typeof createClient>[0]> = {}): Client =>
  createClient({ baseUrl: server.url, apiKey: 'k', backoff: { baseMs: 1, maxMs: 5 }, ...options });

const invoiceBody = {
  company_id: 'c1',
  data: { contact_id: 'contact-1', due_date: '2026-01-05T00:00:00Z', line_items: [] },
};
const unavailable = { status: 503, body: errorEnvelope('unknown-error', 'try again') };

describe('pagination', () => {
  it('iterates across pages, following each next cursor', async () => {
    server.recordsPerList = 7;
    const ids: string[] = [];
    for await (const invoice of clientWith().accounting.invoices.iterate({ company_id: 'c1', limit: 3 }))
      ids.push(invoice.platform_id);
    expect(ids).toEqual([
      'invoices-1',
      'invoices-2',
      'invoices-3',
      'invoices-4',
      'invoices-5',
      'invoices-6',
      'invoices-7',
    ]);
    expect(server.requests.map((r) => r.url.searchParams.get('cursor'))).toEqual([null, '3', '6']);
    expect(
      server.requests.every(
        (r) => r.url.searchParams.get('limit') === '3' && r.url.searchParams.get('company_id') === 'c1',
      ),
    ).toBe(true);
  });

  it('reads a page only when the loop gets there', async () => {
    server.recordsPerList = 9;
    for await (const invoice of clientWith().accounting.invoices.iterate({ company_id: 'c1', limit: 3 })) {
      if (invoice.platform_id === 'invoices-2') break;
    }
    expect(server.requests).toHaveLength(1);
  });

  it('collects every page with listAll', async () => {
    server.recordsPerList = 4;
    const all = await clientWith().core.companies.listAll({ limit: 1 });
    expect(all.map((c) => c.id)).toEqual(['companies-1', 'companies-2', 'companies-3', 'companies-4']);
    expect(server.requests).toHaveLength(4);
  });
});

describe('query parameters', () => {
  it('writes filters as deepObject, sort/expand as comma lists', async () => {
    await clientWith().accounting.invoicePayments.list({
      company_id: 'c1',
      filter: { amount: { gte: 10, lt: 100 }, contact_id: { in: ['a', 'b'] } },
      sort: ['-payment_date', 'amount'],
      expand: ['invoice', 'contact'],
      include_total_count: true,
    });
    const query = server.requests[0]!.url.searchParams;
    expect(Object.fromEntries(query)).toEqual({
      company_id: 'c1',
      'filter[amount][gte]': '10',
      'filter[amount][lt]': '100',
      'filter[contact_id][in]': 'a,b',
      sort: '-payment_date,amount',
      expand: 'invoice,contact',
      include_total_count: 'true',
    });
  });

  it('returns expanded relations as { data }', async () => {
    const page = await clientWith({ validateResponses: true }).accounting.invoicePayments.list({
      company_id: 'c1',
      expand: ['invoice'],
    });
    expect(page.data[0]!.invoice?.data.platform_id).toBe('invoices-1');
  });
});

describe('retries', () => {
  it('retries a 503 and then succeeds', async () => {
    server.script(unavailable);
    const page = await clientWith().core.companies.list();
    expect(page.data).toHaveLength(5);
    expect(server.requests).toHaveLength(2);
  });

  it('retries network failures (a reset connection)', async () => {
    server.script('reset', 'reset');
    await clientWith().core.companies.get('co-1');
    expect(server.requests).toHaveLength(3);
  });

  it('gives up after `retries` extra attempts with the typed error', async () => {
    server.script(unavailable, unavailable, unavailable);
    const error = await clientWith({ retries: 2 })
      .core.companies.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(3);
  });

  it('waits as long as Retry-After says', async () => {
    server.script({ status: 429, body: errorEnvelope('rate-limited', 'slow down'), headers: { 'retry-after': '1' } });
    await clientWith().core.companies.list();
    const [first, second] = server.requests;
    // A lower bound only: the backoff alone (1–5 ms) would come back far sooner.
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(950);
  });

  it('does not wait for a Retry-After beyond maxRetryAfterMs, and says how long was asked', async () => {
    server.script({
      status: 429,
      body: errorEnvelope('rate-limited', 'come back later'),
      headers: { 'retry-after': '3600' },
    });
    const error = await clientWith()
      .core.companies.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(3_600_000);
    expect(server.requests).toHaveLength(1);
  });

  it('sends one Idempotency-Key per POST call and repeats it on every retry', async () => {
    server.script(unavailable, { status: 502 });
    await clientWith().accounting.invoices.create(invoiceBody);
    await clientWith().accounting.invoices.create(invoiceBody);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(4);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys.slice(0, 3)).size).toBe(1);
    expect(keys[3]).not.toBe(keys[0]);
  });

  it('uses the caller’s Idempotency-Key, and never retries a POST sent without one', async () => {
    server.script(unavailable);
    await clientWith().accounting.invoices.create(invoiceBody, { idempotencyKey: 'order-42' });
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual(['order-42', 'order-42']);
    server.requests.length = 0;
    server.script(unavailable);
    await expect(
      clientWith().accounting.invoices.create(invoiceBody, { idempotencyKey: false }),
    ).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers['idempotency-key']).toBeUndefined();
  });

  it('does not retry a 400', async () => {
    server.script({ status: 400, body: errorEnvelope('invalid-params', 'bad') });
    await expect(clientWith().core.companies.list()).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.requests).toHaveLength(1);
  });
});

describe('timeouts and cancellation', () => {
  it('raises TimeoutError when no answer comes in time', async () => {
    server.script('hang');
    const error = await clientWith({ timeoutMs: 150, retries: 0 })
      .core.companies.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as TimeoutError).code).toBe('timeout');
    expect((error as TimeoutError).status).toBe(0);
  });

  it('retries a GET that timed out', async () => {
    server.script('hang');
    const page = await clientWith({ timeoutMs: 150 }).core.companies.list();
    expect(page.data).toHaveLength(5);
    expect(server.requests).toHaveLength(2);
  });

  it('stops at once when the caller aborts, retries included', async () => {
    server.script('hang');
    const controller = new AbortController();
    const call = clientWith({ timeoutMs: 10_000 }).core.companies.list({}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user gave up')), 50);
    await expect(call).rejects.toThrow('user gave up');
    expect(server.requests).toHaveLength(1);
  });

  it('has no timeout with timeoutMs: Infinity: fetch gets no signal, unless the call passes one', async () => {
    const signals: (AbortSignal | null | undefined)[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      signals.push(init?.signal);
      return fetch(input, init);
    };
    const client = clientWith({ timeoutMs: Infinity, fetch: recordingFetch });
    const page = await client.core.companies.list();
    expect(page.data).toHaveLength(5);
    expect(signals).toEqual([undefined]);

    server.script('hang');
    const controller = new AbortController();
    const call = client.core.companies.list({}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user gave up')), 50);
    await expect(call).rejects.toThrow('user gave up');
    expect(signals[1]).toBe(controller.signal);
  });

  it('raises NetworkError when nothing listens', async () => {
    const closed = createClient({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k', retries: 0 });
    const error = await closed.core.companies.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as NetworkError).code).toBe('network-error');
  });
});

describe('typed errors', () => {
  it('turns a 400 error envelope into InvalidRequestError with its details', async () => {
    const details = [
      { pointer: '/data/amount', message: 'must be a number' },
      { pointer: '/query/company_id', message: 'is required' },
    ];
    server.script({
      status: 400,
      body: { ...errorEnvelope('invalid-params', 'The request has invalid values.', details), request_id: 'req_abc' },
    });
    const error = await clientWith()
      .accounting.invoices.create(invoiceBody)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid-params',
      message: 'The request has invalid values.',
      details,
      requestId: 'req_abc',
    });
  });

  it.each([
    [401, 'unauthorized', AuthenticationError],
    [404, 'not-found', NotFoundError],
    [500, 'unknown-error', ServerError],
  ] as const)('maps %i to its class', async (status, code, ErrorClass) => {
    server.script({ status, body: errorEnvelope(code, 'no') });
    const error = await clientWith({ retries: 0 })
      .core.companies.get('x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as ApiError).code).toBe(code);
  });

  it('still raises a typed error when a proxy answers without the envelope', async () => {
    server.script({ status: 502, body: undefined }, { status: 502, body: undefined }, { status: 502, body: undefined });
    const error = await clientWith()
      .core.companies.list()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'http-502' });
  });
});

describe('response validation', () => {
  const broken = {
    status: 200,
    body: {
      data: [{ id: 42 }],
      next: null,
      prev: null,
      request_id: 'r',
      request_timestamp: 't',
      response_timestamp: 't',
    },
  };

  it('is off by default', async () => {
    server.script(broken);
    const page = await clientWith().core.companies.list();
    expect(page.data).toEqual([{ id: 42 }]);
  });

  it('rejects a body that does not match the spec, naming the pointer', async () => {
    server.script(broken);
    const error = await clientWith({ validateResponses: true })
      .core.companies.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const pointers = (error as ResponseValidationError).details.map((d) => d.pointer);
    expect(pointers).toContain('/data/0/id');
  });

  it('checks the records of a write job against the entity', async () => {
    const job = {
      job_id: 'j',
      status: 'SUCCESS',
      records: [{ job_id: 'j', status: 'success', response: { platform_id: 7 }, error: null }],
    };
    server.script({
      status: 200,
      body: { data: job, request_id: 'r', request_timestamp: 't', response_timestamp: 't' },
    });
    const error = await clientWith({ validateResponses: true })
      .accounting.invoices.create(invoiceBody)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).details.map((d) => d.pointer)).toContain(
      '/data/records/0/response/platform_id',
    );
  });
});
