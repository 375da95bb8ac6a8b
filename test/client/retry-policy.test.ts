import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient,
  ResponseValidationError,
  ServerError,
  type Client,
  type ClientOptions,
  type RetryContext,
} from '../../generated/client/index.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { startSpecServer, type SpecServer } from './helpers/spec-server.ts';

// The spec marks which 500s may be repeated (x-retryable on the response: ServerError yes,
// ServerErrorNotRetryable on createPassthrough no). The sandbox (the generated Fastify server)
// answers 500 when a handler throws, so each test breaks a handler for its first `failures` calls.
const broken = { failures: 0, calls: 0 };
function failing<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => R {
  return (...args) => {
    broken.calls += 1;
    if (broken.calls <= broken.failures) throw new Error('the platform connection dropped');
    return handler(...args);
  };
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({
    host: '127.0.0.1',
    port: 0,
    apiKey: 'k',
    override: (handlers) => ({
      ...handlers,
      companies: {
        ...handlers.companies,
        list: failing(handlers.companies.list),
        update: failing(handlers.companies.update),
      },
      passthrough: { ...handlers.passthrough, create: failing(handlers.passthrough.create) },
    }),
  });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  broken.calls = 0;
  broken.failures = 0;
});

const clientWith = (options: Partial<ClientOptions> = {}): Client =>
  createClient({ baseUrl: sandbox.url, apiKey: 'k', backoff: { baseMs: 1, maxMs: 5 }, ...options });
const passthrough = { data: { method: 'GET' as const, path: '/api.xro/2.0/Accounts' } };

describe('500s the spec marks retryable', () => {
  it('retries a read and answers with the attempt that worked', async () => {
    broken.failures = 2;
    const page = await clientWith().core.companies.list();
    expect(page.data.length).toBeGreaterThan(0);
    expect(broken.calls).toBe(3);
  });

  it('retries a write, repeating its Idempotency-Key', async () => {
    broken.failures = 1;
    const keys: (string | null)[] = [];
    const client = clientWith({
      middleware: [{ onRequest: ({ request }) => void keys.push(request.headers.get('idempotency-key')) }],
    });
    const updated = await client.core.companies.update('com_xero', { data: { name: 'Xero Books Ltd' } });
    expect(updated.data.name).toBe('Xero Books Ltd');
    expect(broken.calls).toBe(2);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('stops after `retries` and throws the ServerError with its request id', async () => {
    broken.failures = 5;
    const error = await clientWith({ retries: 1 })
      .core.companies.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 500, code: 'unknown-error' });
    expect((error as ServerError).requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(broken.calls).toBe(2);
  });
});

describe('500s the spec does not mark retryable', () => {
  it('does not repeat a passthrough call, though it carries an Idempotency-Key', async () => {
    broken.failures = 1;
    const error = await clientWith({ retries: 3 })
      .core.passthrough.create(passthrough)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(broken.calls).toBe(1);
  });
});

describe('per-call settings', () => {
  it('turns retries off with retries: 0', async () => {
    broken.failures = 1;
    await expect(clientWith({ retries: 3 }).core.companies.list({}, { retries: 0 })).rejects.toBeInstanceOf(
      ServerError,
    );
    expect(broken.calls).toBe(1);
  });

  it('lets a call decide with its own shouldRetry, told what the spec would have decided', async () => {
    broken.failures = 1;
    const asked: RetryContext[] = [];
    const created = await clientWith({ shouldRetry: () => false }).core.passthrough.create(passthrough, {
      shouldRetry: (error, context) => {
        asked.push(context);
        return error.code === 'unknown-error';
      },
    });
    expect(created.data.method).toBe('GET');
    expect(broken.calls).toBe(2);
    expect(asked.map((c) => [c.attempt, c.operation.operationId, c.retryable])).toEqual([
      [1, 'createPassthrough', false],
    ]);
  });

  it('uses the client-wide shouldRetry when the call has none', async () => {
    broken.failures = 1;
    await expect(
      clientWith({ shouldRetry: (error) => error.status !== 500 }).core.companies.list(),
    ).rejects.toBeInstanceOf(ServerError);
    expect(broken.calls).toBe(1);
  });
});

describe('request ids where no envelope says one', () => {
  let server: SpecServer;
  beforeAll(async () => {
    server = await startSpecServer();
  });
  afterAll(() => server.close());

  it("takes a gateway's x-request-id from an error without an envelope", async () => {
    server.script({
      status: 502,
      body: 'Bad gateway',
      headers: { 'content-type': 'text/html', 'x-request-id': 'gw-7f3a' },
    });
    const error = await createClient({ baseUrl: server.url, apiKey: 'k', retries: 0 })
      .core.companies.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, code: 'http-502', requestId: 'gw-7f3a' });
  });

  it('puts the envelope request id on a ResponseValidationError', async () => {
    server.script({
      status: 200,
      body: { data: [{ id: 42 }], request_id: 'req-invalid-page', request_timestamp: 't', response_timestamp: 't' },
    });
    const error = await createClient({ baseUrl: server.url, apiKey: 'k', validateResponses: true })
      .core.companies.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error).toMatchObject({ status: 200, requestId: 'req-invalid-page' });
  });
});
