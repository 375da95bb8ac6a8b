/** Stoplight Prism's mock server (`prism mock`) on generated/openapi.json: what a front-end team
 * gets before any server exists. Prism answers with the spec's examples, so every entity must
 * answer with records of its own kind, every write with a write job for its own entity, and every
 * error status with its own code — each checked with the generated validators. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as V from '../../generated/validators/standalone.js';
import type { Validator } from '../../generated/validators/issues.ts';
import { ENTITIES } from '../../generated/server/entities.ts';
import { startPrism, stopPrism, type PrismProcess } from '../helpers/prism.ts';

const SPEC_FILE = new URL('../../generated/openapi.json', import.meta.url).pathname;
const SPEC = JSON.parse(readFileSync(SPEC_FILE, 'utf8'));
const COMPANY = 'com_01HX2V9Q8K3M4N5P6R7S8T9V0W';
let mock: PrismProcess;

beforeAll(async () => {
  mock = await startPrism(['mock', SPEC_FILE], 120_000);
}, 120_000);
afterAll(() => mock && stopPrism(mock));

const validator = (name: string) => (V as unknown as Record<string, Validator>)[name]!;
const accounting = Object.values(ENTITIES).filter((e) => e.area === 'accounting');

async function call(method: string, path: string, options: { body?: unknown; prefer?: string } = {}) {
  const response = await fetch(`${mock.url}${path}`, {
    method,
    headers: {
      api_key: 'k',
      ...(options.body ? { 'content-type': 'application/json' } : {}),
      ...(options.prefer ? { prefer: options.prefer } : {}),
    },
    ...(options.body ? { body: JSON.stringify(options.body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as { data: any; error?: { code: string } } };
}

describe('prism mock on the generated spec', () => {
  it.each(accounting.map((e) => [e.name, e.title] as const))(
    'GET /accounting/%s lists valid %s records',
    async (name, title) => {
      const { status, body } = await call('GET', `/accounting/${name}?company_id=${COMPANY}`);
      expect(status).toBe(200);
      expect(body.data.length).toBeGreaterThan(0);
      for (const record of body.data)
        expect(validator(title)(record), `${title}: ${JSON.stringify(validator(title).errors)}`).toBe(true);
    },
  );

  it.each(accounting.filter((e) => SPEC.paths[`/accounting/${e.name}`]?.post).map((e) => [e.name, e.title] as const))(
    'POST /accounting/%s answers a finished write job of %s records, and 202 when asked',
    async (name, title) => {
      const body = requestExample(`/accounting/${name}`, 'post');
      const done = await call('POST', `/accounting/${name}`, { body });
      expect(done.status).toBe(200);
      expect(done.body.data).toMatchObject({ status: 'SUCCESS', failed_count: 0 });
      for (const result of done.body.data.records)
        expect(validator(title)(result.response), JSON.stringify(validator(title).errors)).toBe(true);
      const accepted = await call('POST', `/accounting/${name}`, { body, prefer: 'code=202' });
      expect(accepted.status).toBe(202);
      expect(accepted.body.data).toMatchObject({ status: 'CREATED', records: [] });
    },
  );

  it.each([
    ['401', 'unauthorized'],
    ['404', 'not-found'],
    ['409', 'record-already-exists'],
    ['422', 'idempotency-key-reused'],
  ])('an error status %s answers its own code %s', async (status, code) => {
    const answer = await call('POST', '/accounting/contacts', {
      body: requestExample('/accounting/contacts', 'post'),
      prefer: `code=${status}`,
    });
    expect(answer.status).toBe(Number(status));
    expect(answer.body.error?.code).toBe(code);
    expect(validator('ErrorResponse')(answer.body)).toBe(true);
  });
});

/** The spec's own request body example of an operation (Prism checks the request against the
 * spec before it answers, so the example must be valid). */
function requestExample(path: string, method: string): unknown {
  return SPEC.paths[path][method].requestBody.content['application/json'].example;
}
