import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSpecServer, type SpecServer } from './helpers/spec-server.ts';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));

// `npm run build`, then a plain Node ESM program outside the project that depends on the
// package (linked into its node_modules, as `npm install` would) and imports its exports.
let server: SpecServer;
let app: string;

beforeAll(async () => {
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT, stdio: 'pipe' });
  server = await startSpecServer();
  app = mkdtempSync(join(tmpdir(), 'ledgerspec-consumer-'));
  mkdirSync(join(app, 'node_modules'));
  symlinkSync(PROJECT, join(app, 'node_modules', 'ledgerspec'), 'dir');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module', private: true }));
});
afterAll(async () => {
  await server.close();
  rmSync(app, { recursive: true, force: true });
});

/** Runs `source` as the program's main.mjs, asynchronously: the API it calls lives in this
 * process and must keep answering meanwhile. */
async function run(source: string): Promise<{ stdout: string; stderr: string }> {
  writeFileSync(join(app, 'main.mjs'), source);
  return promisify(execFile)(process.execPath, ['main.mjs'], { cwd: app, encoding: 'utf8', env: { ...process.env, API_URL: server.url } });
}

describe('the built package', () => {
  it('serves ledgerspec/client to a plain Node ESM program', async () => {
    const result = await run(`
      import { createClient, NotFoundError } from 'ledgerspec/client';
      const client = createClient({ baseUrl: process.env.API_URL, apiKey: 'k', validateResponses: true });
      const page = await client.accounting.invoices.list({ company_id: 'c1', limit: 2 });
      console.log(page.data.map((i) => i.platform_id).join(','), typeof NotFoundError);
    `);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('invoices-1,invoices-2 function');
  });

  it('serves ledgerspec/validators and ledgerspec/types', async () => {
    const result = await run(`
      import { isInvoice, validateInvoicePayment } from 'ledgerspec/validators';
      import * as types from 'ledgerspec/types';
      const check = validateInvoicePayment({ platform_id: 'p', amount: 'ten' });
      console.log(isInvoice({}), check.ok, check.ok ? '' : check.issues[0].pointer, Object.keys(types).length);
    `);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('false false /amount 0');
  });

  it('serves ledgerspec/server: the Fastify app answers over HTTP', async () => {
    const result = await run(`
      import { createServer, ROUTES, ServerError } from 'ledgerspec/server';
      const handlers = {};
      for (const route of ROUTES) (handlers[route.entity] ??= {})[route.handler] = () => { throw new ServerError('not-found', 'nothing here'); };
      const app = await createServer({ handlers, authenticate: (key) => key === 'k' });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = app.server.address();
      const base = 'http://127.0.0.1:' + port;
      const denied = await fetch(base + '/core/companies');
      const missing = await fetch(base + '/core/companies/c1', { headers: { api_key: 'k' } });
      console.log(ROUTES.length > 90, denied.status, (await denied.json()).error.code, missing.status, (await missing.json()).error.code);
      await app.close();
    `);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('true 401 unauthorized 404 not-found');
  });

  it('keeps everything else private', async () => {
    const result = await run(`import('ledgerspec/generated/client/index.js').then(() => console.log('open'), (e) => console.log(e.code));`);
    expect(result.stdout.trim()).toBe('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });
});
