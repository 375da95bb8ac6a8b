import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../generated/server/routes.ts';
import { ENTITIES } from '../../generated/server/entities.ts';
import * as V from '../../generated/validators/standalone.js';
import type { Validator } from '../../generated/validators/issues.ts';
import { CONNECTORS } from '../../sandbox/seed.ts';
import { useSandbox } from './sandbox.ts';

const api = useSandbox();
const validator = (model: string) => (V as unknown as Record<string, Validator>)[model] as Validator;
const companies = CONNECTORS.map((c) => `com_${c.slug.replace(/-/g, '_')}`);
const lists = ROUTES.filter((r) => r.kind === 'list');

describe('every resource over HTTP', () => {
  it('has a list route for every resource that stores records', () => {
    const listed = new Set(lists.map((r) => r.entity));
    const gettable = new Set(ROUTES.filter((r) => r.kind === 'get').map((r) => r.entity));
    expect([...gettable].filter((e) => !listed.has(e))).toEqual([]);
    expect(listed.size).toBeGreaterThanOrEqual(30);
  });

  for (const route of lists) {
    const meta = ENTITIES[route.entity];
    if (!meta) continue;
    const scopes = meta.area === 'accounting' ? companies : [undefined];
    for (const company of scopes) {
      it(`${route.method} ${route.path}${company ? ` (${company})` : ''}: 200, spec-valid records, each readable by ID`, async () => {
        const query = company ? `?company_id=${company}` : '';
        const { status, body } = await api.call(`${route.path}${query}`);
        expect(status).toBe(200);
        expect(route.validators.response?.(body), JSON.stringify(route.validators.response?.errors)).toBe(true);
        expect(body.data.length).toBeGreaterThan(0);
        for (const record of body.data)
          expect(validator(meta.title)(record), JSON.stringify(validator(meta.title).errors)).toBe(true);
        const first = body.data[0][meta.idField];
        const get = ROUTES.find((r) => r.entity === route.entity && r.kind === 'get');
        if (!get) return;
        const one = await api.call(`${get.path.replace('{id}', encodeURIComponent(first))}${query}`);
        expect(one.status).toBe(200);
        expect(one.body.data[meta.idField]).toBe(first);
        expect(get.validators.response?.(one.body)).toBe(true);
      });
    }
  }

  it('seeds one company per connector, each with records for every accounting entity', async () => {
    const { body } = await api.call('/core/companies?sort=name');
    expect(body.data.map((c: { id: string }) => c.id).sort()).toEqual([...companies].sort());
    const accounting = Object.values(ENTITIES).filter((e) => e.area === 'accounting');
    for (const company of companies) {
      for (const meta of accounting) {
        const route = lists.find((r) => r.entity === meta.name);
        const { body: page } = await api.call(`${route?.path}?company_id=${company}&include_total_count=true`);
        expect(page.total_count, `${company} ${meta.name}`).toBeGreaterThan(0);
      }
    }
  });
});
