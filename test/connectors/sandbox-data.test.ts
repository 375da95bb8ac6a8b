import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { camelCase } from 'change-case';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../generated/client/index.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';

// The sandbox serving connector fixtures (LEDGERSPEC_SANDBOX_DATA=connectors), read back through
// the generated client with response validation on.
let sandbox: Sandbox;
const unifiedFixtures = (platform: string, entity: string) => {
  const dir = join(PROJECT_DIR, 'connectors', platform, 'fixtures', entity);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.unified.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { platform_id: string } | null);
};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: 'k', data: 'connectors' });
});
afterAll(() => sandbox.close());

describe('sandbox with connector data', () => {
  const client = () => createClient({ baseUrl: sandbox.url, apiKey: 'k', validateResponses: true });

  // Every connector company gets its connector's mapped fixtures for every entity it maps.
  const served = readdirSync(join(PROJECT_DIR, 'connectors'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'lib')
    .flatMap((d) =>
      readdirSync(join(PROJECT_DIR, 'connectors', d.name, 'fixtures'))
        .sort()
        .map((entity) => [d.name, entity] as const),
    );
  it.each(served)('%s: the company lists exactly the mapped %s fixtures', async (platform, entity) => {
    const resource = (
      client().accounting as unknown as Record<
        string,
        { listAll(query: { company_id: string }): Promise<{ platform_id: string }[]> }
      >
    )[camelCase(entity)];
    const listed = await resource!.listAll({ company_id: `com_${platform.replaceAll('-', '_')}` });
    const expected = unifiedFixtures(platform, entity).flatMap((record) =>
      record === null ? [] : [record.platform_id],
    );
    // Each platform record once, however many fixtures show it (see sandbox/connector-fixtures.ts).
    expect(listed.map((r) => r.platform_id).sort()).toEqual([...new Set(expected)].sort());
  });

  it('returns a record as mapped, with the platform payload as raw_data when selected', async () => {
    const [expected] = unifiedFixtures('codat', 'invoice_payments').filter((record) => record !== null);
    const { data } = await client().accounting.invoicePayments.get(expected!.platform_id, {
      company_id: 'com_codat',
      select: ['raw_data'],
    });
    const { raw_data: rawData, ...record } = data;
    expect(record).toEqual(expected);
    expect(rawData).toMatchObject({ id: expect.any(String) });
  });
});
