import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  createClient,
  NotFoundError,
  type Client,
  type ClientOptions,
  type Middleware,
} from '../../generated/client/index.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';

// Middleware, withResponse and request ids against the sandbox (the generated Fastify server) on
// loopback, which accepts only the key `fresh-key`.
const VALID_KEY = 'fresh-key';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0, apiKey: VALID_KEY });
});
afterAll(() => sandbox.close());

/** What went over the wire: each request's api_key and the status it got. */
let wire: { apiKey: string | null; status: number }[] = [];
beforeEach(() => {
  wire = [];
});
const recordingFetch: typeof fetch = async (input, init) => {
  const apiKey = (input instanceof Request ? input.headers : new Headers(init?.headers)).get('api_key');
  const response = await fetch(input, init);
  wire.push({ apiKey, status: response.status });
  return response;
};
const clientWith = (options: Partial<ClientOptions> = {}): Client =>
  createClient({ baseUrl: sandbox.url, apiKey: VALID_KEY, fetch: recordingFetch, retries: 0, ...options });

describe('middleware', () => {
  it('runs onRequest in order and onResponse in reverse, each seeing what the one before returned', async () => {
    const events: string[] = [];
    const named = (name: string): Middleware => ({
      onRequest: ({ request, operation, attempt }) => {
        events.push(
          `${name}.request ${operation.operationId} #${attempt} trace=${request.headers.get('x-trace') ?? '-'}`,
        );
        request.headers.set('x-trace', `${request.headers.get('x-trace') ?? ''}${name}`);
      },
      onResponse: ({ response }) => {
        events.push(`${name}.response ${response.status} seen=${response.headers.get('x-seen') ?? '-'}`);
        const replaced = new Response(response.body, response);
        replaced.headers.set('x-seen', `${response.headers.get('x-seen') ?? ''}${name}`);
        return replaced;
      },
    });
    const { response } = await clientWith({ middleware: [named('A'), named('B')] })
      .core.companies.list()
      .withResponse();
    expect(events).toEqual([
      'A.request listCompanies #1 trace=-',
      'B.request listCompanies #1 trace=A',
      'B.response 200 seen=-',
      'A.response 200 seen=B',
    ]);
    expect(response.headers.get('x-seen')).toBe('BA');
  });

  it('gives onError the typed error in reverse order, and throws what it returns', async () => {
    const seen: string[] = [];
    const wrap: Middleware = { onError: ({ error }) => new Error('wrapped', { cause: error }) };
    const log: Middleware = {
      onError: ({ error, operation, attempts, request }) =>
        void seen.push(`${operation.operationId} ${(error as Error).name} ${attempts} ${request?.method}`),
    };
    const error = await clientWith({ middleware: [wrap, log] })
      .core.companies.get('com_missing')
      .catch((e: unknown) => e);
    expect(seen).toEqual(['getCompany NotFoundError 1 GET']);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('wrapped');
    expect((error as Error).cause).toBeInstanceOf(NotFoundError);
  });

  it('lets a hook fail the call with its own exception, untouched and not retried', async () => {
    const broken: Middleware = {
      onRequest: () => {
        throw new RangeError('tracer is down');
      },
    };
    await expect(clientWith({ middleware: [broken], retries: 2 }).core.companies.list()).rejects.toThrow(RangeError);
    expect(wire).toEqual([]);
  });
});

describe('token refresh on 401', () => {
  /** Sends the current key; on a 401 gets a new one and repeats the request once with it. */
  function refreshing(keys: string[]) {
    const state = { key: keys[0]!, refreshes: 0 };
    const middleware: Middleware = {
      onRequest: ({ request }) => void request.headers.set('api_key', state.key),
      onResponse: async ({ request, response, fetch }) => {
        if (response.status !== 401) return undefined;
        state.refreshes += 1;
        state.key = keys[state.refreshes] ?? state.key;
        const again = request.clone();
        again.headers.set('api_key', state.key);
        return fetch(again);
      },
    };
    return { state, middleware };
  }

  it('refreshes an expired key once, repeats the request, and uses the new key afterwards', async () => {
    const { state, middleware } = refreshing(['expired-key', VALID_KEY]);
    const client = clientWith({ apiKey: 'expired-key', middleware: [middleware] });
    const first = await client.core.companies.list();
    const second = await client.core.companies.get(first.data[0]!.id);
    expect(second.data.id).toBe(first.data[0]!.id);
    expect(state.refreshes).toBe(1);
    expect(wire).toEqual([
      { apiKey: 'expired-key', status: 401 },
      { apiKey: VALID_KEY, status: 200 },
      { apiKey: VALID_KEY, status: 200 },
    ]);
  });

  it('repeats a write with its body and Idempotency-Key after the refresh', async () => {
    const { middleware } = refreshing(['expired-key', VALID_KEY]);
    const seenKeys: (string | null)[] = [];
    const watch: Middleware = {
      onResponse: ({ request }) => void seenKeys.push(request.headers.get('idempotency-key')),
    };
    const job = await clientWith({ apiKey: 'expired-key', middleware: [watch, middleware] }).accounting.items.create({
      company_id: 'com_quickbooks_online',
      data: { name: 'Desk lamp', code: 'LAMP', type: 'Inventory' },
    });
    expect(job.data.status).toBe('SUCCESS');
    expect(job.data.records[0]?.response?.name).toBe('Desk lamp');
    expect(wire.map((w) => w.status)).toEqual([401, 200]);
    expect(seenKeys).toHaveLength(1);
    expect(seenKeys[0]).toMatch(UUID);
  });

  it('gives up after one refresh when the new key is refused too', async () => {
    const { state, middleware } = refreshing(['expired-key', 'also-wrong']);
    const error = await clientWith({ apiKey: 'expired-key', middleware: [middleware], retries: 2 })
      .core.companies.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(state.refreshes).toBe(1);
    expect(wire.map((w) => w.status)).toEqual([401, 401]);
  });
});

describe('withResponse and request ids', () => {
  it('gives the body, the Response with its headers, and the request id of a success', async () => {
    const client = clientWith();
    const { body, response, requestId } = await client.core.companies.list({ limit: 1 }).withResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(body.data).toHaveLength(1);
    expect(requestId).toMatch(UUID);
    expect(requestId).toBe(body.request_id);
    // Awaiting the call itself gives the same body shape, with a request id of its own.
    const plain = await client.core.companies.list({ limit: 1 });
    expect(plain.data[0]?.id).toBe(body.data[0]?.id);
    expect(plain.request_id).not.toBe(requestId);
  });

  it('shows a replayed write by its header', async () => {
    const client = clientWith();
    const body = {
      company_id: 'com_quickbooks_online',
      data: { name: 'Office chair', code: 'CHAIR', type: 'Inventory' as const },
    };
    const key = `chair-${Date.now()}`;
    const first = await client.accounting.items.create(body, { idempotencyKey: key }).withResponse();
    const again = await client.accounting.items.create(body, { idempotencyKey: key }).withResponse();
    expect(first.response.headers.get('idempotent-replayed')).toBeNull();
    expect(again.response.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.data.job_id).toBe(first.body.data.job_id);
  });

  it('puts the request id on an error, one per request', async () => {
    const client = clientWith();
    const errors = await Promise.all(
      [client.core.companies.get('com_missing'), client.core.companies.get('com_missing')].map((call) =>
        call.catch((e: unknown) => e as NotFoundError),
      ),
    );
    for (const error of errors) {
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.requestId).toMatch(UUID);
    }
    expect(errors[0]!.requestId).not.toBe(errors[1]!.requestId);
  });

  it('rejects withResponse() with the typed error, and only there', async () => {
    const error = await clientWith()
      .core.companies.get('com_missing')
      .withResponse()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).requestId).toMatch(UUID);
  });
});
