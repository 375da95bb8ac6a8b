import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type Client } from '../../generated/client/index.js';
import { createData, document, entities, resourceOf as resourceAt, type EntityInfo } from './helpers/spec-examples.ts';
import { startSpecServer, type SpecServer } from './helpers/spec-server.ts';

// Every resource of the client against a real HTTP server on loopback, with response
// validation on: each call's URL, method and body must be what the spec declares, and each
// answer must pass the generated validators.
let server: SpecServer;
let client: Client;

beforeAll(async () => {
  server = await startSpecServer();
  client = createClient({ baseUrl: server.url, apiKey: 'test-key', validateResponses: true, retries: 0 });
});
afterAll(() => server.close());

const resourceOf = (entity: EntityInfo, from: Client = client) => resourceAt(from, entity);

const scope = (entity: EntityInfo) => (entity.area === 'accounting' ? { company_id: 'company-1' } : {});
const withList = entities.filter((e) => e.name !== 'passthrough');

describe.each(withList)('$area.$name', (entity) => {
  it('lists', async () => {
    const page = await resourceOf(entity).list!({ ...scope(entity), limit: 2 });
    expect(page.data).toHaveLength(2);
    expect(page.data[0][entity.idField]).toBe(`${entity.name}-1`);
    const request = server.requests.at(-1)!;
    expect(request.method).toBe('GET');
    expect(request.url.pathname).toBe(`/${entity.area}/${entity.name}`);
    expect(request.headers.api_key).toBe('test-key');
  });

  it('gets one', async () => {
    const { data } = await resourceOf(entity).get!(`${entity.name} #7`, scope(entity));
    expect(data[entity.idField]).toBe(`${entity.name} #7`);
    expect(server.requests.at(-1)!.url.pathname).toBe(
      `/${entity.area}/${entity.name}/${encodeURIComponent(`${entity.name} #7`)}`,
    );
  });
});

// Which resources have a create is read off a client's shape (making one sends nothing).
const shape = createClient({ baseUrl: 'http://127.0.0.1:1', apiKey: 'unused' });
const creatable = entities.filter((e) => typeof resourceOf(e, shape).create === 'function');

describe.each(creatable)('$area.$name', (entity) => {
  it('creates', async () => {
    const data = createData(entity);
    const body = entity.area === 'accounting' || entity.name === 'syncs' ? { company_id: 'company-1', data } : { data };
    const response = await resourceOf(entity).create!(body);
    const request = server.requests.at(-1)!;
    expect(request.method).toBe('POST');
    // Accounting writes are batches: `create` sends its one record as a batch of one.
    expect(request.body).toEqual(entity.area === 'accounting' ? { ...body, data: [data] } : body);
    expect(request.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    if (entity.area === 'accounting')
      expect(response.data).toMatchObject({ status: 'SUCCESS', success_count: 1, failed_count: 0 });
    else expect(response.data[entity.idField]).toBeTruthy();
  });

  if (entity.area === 'accounting') {
    it('creates many in one request, one result per record in order', async () => {
      const data = createData(entity);
      const response = await resourceOf(entity).createMany!({ company_id: 'company-1', data: [data, data, data] });
      expect(server.requests.at(-1)!.body).toEqual({ company_id: 'company-1', data: [data, data, data] });
      expect(response.data.records).toHaveLength(3);
      expect(response.data.success_count).toBe(3);
    });
  }
});

describe('coverage', () => {
  /** The client methods the spec's operations on an entity call for. */
  function methodsFromSpec(entity: EntityInfo): string[] {
    const methods: string[] = [];
    for (const [path, item] of Object.entries<Record<string, any>>(document.paths)) {
      const [, area, name, id, action] = path.split('/');
      if (area !== entity.area || name !== entity.name) continue;
      for (const verb of Object.keys(item).filter((k) => k !== 'parameters')) {
        const batch = item[verb].requestBody?.content['application/json'].schema.properties?.data?.type === 'array';
        if (action) methods.push(action);
        else if (!id)
          methods.push(
            ...(verb === 'get' ? ['list', 'iterate', 'listAll'] : verb === 'post' ? ['create'] : ['update']),
          );
        else
          methods.push(
            ({ get: 'get', patch: 'update', put: 'update', delete: 'delete' } as Record<string, string>)[verb]!,
          );
        if (batch) methods.push(`${methods.at(-1)!}Many`);
        if (batch && !methods.includes('waitForJob')) methods.push('waitForJob');
      }
    }
    return methods.sort();
  }

  it.each(entities)('$area.$name has exactly the methods its operations call for', (entity) => {
    expect(Object.keys(resourceOf(entity, shape)).sort()).toEqual(methodsFromSpec(entity));
  });
});
