/** The plugin's optional docs route: the site `ledgerspec docs` builds and openapi.json, without
 * an API key, nothing outside the site folder; off by default. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../generated/server/plugin.ts';
import { sandboxHandlers } from '../../sandbox/handlers.ts';
import { seedStore } from '../../sandbox/seed.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';

const work = mkdtempSync(join(tmpdir(), 'ledgerspec-docs-route-'));
const site = join(work, 'site');
let withDocs: FastifyInstance;
let without: FastifyInstance;
const urls = { withDocs: '', without: '' };

beforeAll(async () => {
  mkdirSync(join(site, 'assets'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>API</title>');
  writeFileSync(join(site, 'assets', 'site.css'), 'body { margin: 0 }');
  writeFileSync(join(site, '.secret'), 'hidden');
  writeFileSync(join(work, 'outside.txt'), 'not part of the site');
  symlinkSync(join(work, 'outside.txt'), join(site, 'link.txt'));
  const options = { handlers: sandboxHandlers(seedStore()), authenticate: (key: string) => key === 'k' };
  withDocs = await createServer({ ...options, docs: { dir: site } });
  without = await createServer(options);
  urls.withDocs = await withDocs.listen({ host: '127.0.0.1', port: 0 });
  urls.without = await without.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await Promise.all([withDocs.close(), without.close()]);
  rmSync(work, { recursive: true, force: true });
});

const get = (base: string, path: string) => fetch(base + path, { redirect: 'manual' });

describe('docs route', () => {
  it('serves openapi.json (the generated one by default) without an API key', async () => {
    const response = await get(urls.withDocs, '/docs/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual(
      JSON.parse(readFileSync(join(PROJECT_DIR, 'generated/openapi.json'), 'utf8')),
    );
  });

  it('serves the site: index.html at /docs/, assets with their types, /docs redirected', async () => {
    const index = await get(urls.withDocs, '/docs/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>API</title>');
    const css = await get(urls.withDocs, '/docs/assets/site.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toBe('body { margin: 0 }');
    const bare = await get(urls.withDocs, '/docs');
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/docs/');
  });

  it.each([
    ['a missing file', '/docs/nope.html'],
    ['a dotfile', '/docs/.secret'],
    ['an encoded ..', '/docs/..%2foutside.txt'],
    ['a double-encoded ..', '/docs/%2e%2e/outside.txt'],
    ['a symbolic link out of the folder', '/docs/link.txt'],
  ])('answers %s with the 404 envelope', async (_what, path) => {
    const response = await get(urls.withDocs, path);
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error.code).toBe('not-found');
    expect(JSON.stringify(body)).not.toContain('not part of the site');
  });

  it('is off by default', async () => {
    for (const path of ['/docs/openapi.json', '/docs/']) expect((await get(urls.without, path)).status).toBe(404);
  });

  it('still asks the API key on the API routes', async () => {
    expect((await get(urls.withDocs, '/accounting/invoice_payments?company_id=com_xero')).status).toBe(401);
  });
});
