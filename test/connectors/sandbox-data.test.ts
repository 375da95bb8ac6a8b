import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../generated/client/index.ts';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { PROJECT_DIR } from '../helpers/spec.ts';

// The sandbox serving connector fixtures (LEDGERSPEC_SANDBOX_DATA=connectors), read back through
// the generated client with response validation on.
let sandbox: Sandbox;
const unifiedFixtures = (platform: string, entity: string) => {
  const dir = join(PROJECT_DIR, 'connectors', platform, 'fixtures', entity);
  return readdirSync(dir).filter((f) => f.endsWith('.unified.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { platform_id: string });
};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, apiKey: 'k', data: 'connectors' });
});
afterAll(() => sandbox.close());

describe('sandbox with connector data', () => {
  const client = () => createClient({ baseUrl: sandbox.url, apiKey: 'k', validateResponses: true });

  it.each([
    ['com_xero', 'xero'],
    ['com_zoho_books', 'zoho-books'],
    ['com_quickbooks_online', 'quickbooks-online'],
  ])('%s lists exactly its connector\'s mapped invoices', async (company, platform) => {
    const listed = await client().accounting.invoices.listAll({ company_id: company });
    expect(listed.map((r) => r.platform_id).sort()).toEqual(unifiedFixtures(platform, 'invoices').map((r) => r.platform_id).sort());
  });

  it('returns a record as mapped, with the platform payload as raw_data when selected', async () => {
    const [expected] = unifiedFixtures('codat', 'invoice_payments');
    const { data } = await client().accounting.invoicePayments.get(expected!.platform_id, { company_id: 'com_codat', select: ['raw_data'] });
    const { raw_data: rawData, ...record } = data;
    expect(record).toEqual(expected);
    expect(rawData).toMatchObject({ id: expect.any(String) });
  });
});
