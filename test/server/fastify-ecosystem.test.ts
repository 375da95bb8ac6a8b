/** The generated plugin mounted on a host's own Fastify app: @fastify/swagger sees every
 * operation with its schemas, the host's routes keep their own error handling, parsers and
 * (absent) authentication, and Fastify's own validation and error shape never answer for ours. */
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerspecServer } from '../../generated/server/plugin.ts';
import { ROUTES } from '../../generated/server/routes.ts';
import { sandboxHandlers } from '../../sandbox/handlers.ts';
import { seedStore } from '../../sandbox/seed.ts';
import openapi from '../../generated/openapi.json' with { type: 'json' };

const KEY = 'host-key';
let app: FastifyInstance;
let document: any;

beforeAll(async () => {
  app = Fastify();
  // Component names from the shared schemas' `$id` (`ledgerspec.Invoice`), not `def-0`.
  await app.register(swagger, {
    openapi: { info: { title: 'host', version: '1' } },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  app.setErrorHandler(
    (error: Error, _request, reply) => void reply.code(418).send({ host: 'own error shape', message: error.message }),
  );
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post('/host/echo', async (request) => ({ echoed: request.body }));
  app.get('/host/fails', async () => {
    throw new Error('host failure');
  });
  await app.register(ledgerspecServer, {
    handlers: sandboxHandlers(seedStore()),
    authenticate: (key) => key === KEY,
    validateResponses: true,
  });
  await app.ready();
  document = app.swagger();
});

afterAll(() => app.close());

const spec = openapi as any;
const specPath = (url: string) => url.replace(/:([^/]+)/g, '{$1}');

describe('@fastify/swagger over the plugin', () => {
  it('documents every operation of the spec, with its operationId, and nothing else of the plugin', () => {
    const documented = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`),
    );
    const expected = ROUTES.map((r) => `${r.method} ${specPath(r.url)} ${r.operationId}`);
    // The host's own two routes are documented too (without schemas); the 405 routes are hidden.
    expect(documented.sort()).toEqual([...expected, 'POST /host/echo undefined', 'GET /host/fails undefined'].sort());
  });

  it("gives each operation the spec's parameters, body and declared response statuses", () => {
    for (const route of ROUTES) {
      const ours = document.paths[specPath(route.url)][route.method.toLowerCase()];
      const theirs = spec.paths[route.path][route.method.toLowerCase()];
      // The path item's parameters and the operation's (refs to components/parameters followed).
      const declared = [...(spec.paths[route.path].parameters ?? []), ...(theirs.parameters ?? [])];
      const params = declared.map((p: any) => (p.$ref ? spec.components.parameters[p.$ref.split('/').pop()] : p));
      const named = (where: string, list: any[]) =>
        [
          ...new Set(
            list.filter((p) => p.in === where).map((p) => (where === 'header' ? p.name.toLowerCase() : p.name)),
          ),
        ].sort();
      for (const where of ['path', 'query', 'header'])
        expect(named(where, ours.parameters ?? []), `${route.operationId} ${where}`).toEqual(named(where, params));
      expect(Boolean(ours.requestBody), route.operationId).toBe(Boolean(theirs.requestBody));
      expect(Object.keys(ours.responses).sort(), route.operationId).toEqual(Object.keys(theirs.responses).sort());
      const success = ours.responses[String(route.status)];
      expect(success.content['application/json'].schema, route.operationId).toBeTypeOf('object');
    }
  });

  it('resolves every $ref to a component schema of the document', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]*"/g) ?? [];
    expect(refs.length).toBeGreaterThan(100);
    for (const ref of new Set(refs)) {
      const target = JSON.parse(`{${ref}}`).$ref as string;
      expect(target, ref).toMatch(/^#\/components\/schemas\//);
      const [name] = target.slice('#/components/schemas/'.length).split('/');
      expect(document.components.schemas, ref).toHaveProperty([name as string]);
    }
    expect(Object.keys(document.components.schemas)).toContain('ledgerspec.InvoicePayment');
  });
});

describe('on a host app', () => {
  it("keeps the host's error handler for the host's routes", async () => {
    const response = await app.inject({ method: 'GET', url: '/host/fails' });
    expect(response.statusCode).toBe(418);
    expect(response.json()).toEqual({ host: 'own error shape', message: 'host failure' });
  });

  it("keeps the host's content-type parsers and asks no API key on the host's routes", async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/host/echo',
      headers: { 'content-type': 'text/plain' },
      payload: 'plain text',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ echoed: 'plain text' });
  });

  it("answers its own errors with its envelope, not the host's handler nor Fastify's shape", async () => {
    const unauthorized = await app.inject({ method: 'GET', url: '/accounting/invoice_payments?company_id=com_xero' });
    expect(unauthorized.statusCode).toBe(401);
    expect(unauthorized.json().error.code).toBe('unauthorized');
    const text = await app.inject({
      method: 'POST',
      url: '/accounting/invoice_payments',
      headers: { api_key: KEY, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.code).toBe('invalid-params');
  });

  it("validates with its own validators (all problems, its pointers), not Fastify's schema validation", async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/accounting/invoice_payments?company_id=com_xero&limit=500&sort=nope',
      headers: { api_key: KEY },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('invalid-params');
    expect(body.error.details.map((d: { pointer: string }) => d.pointer)).toEqual(
      expect.arrayContaining(['/query/limit', '/query/sort/0']),
    );
    expect(body).not.toHaveProperty('statusCode');
  });

  it('serializes responses as the handler built them, extra properties of open objects included', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/accounting/invoice_payments?company_id=com_xero&select=raw_data&expand=invoice&limit=1',
      headers: { api_key: KEY },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.data[0].raw_data).toMatchObject({ source: 'spec-example', connector: 'xero' });
    expect(body.data[0].invoice.data.platform_id).toBe(body.data[0].invoice_id);
  });
});
