import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  createClient,
  IdempotencyKeyReusedError,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  PlatformDeniedError,
  type Client,
} from '../../generated/client/index.js';
import { startSandbox, type Sandbox } from '../../sandbox/server.ts';
import { entities, resourceOf as resourceAt, type EntityInfo } from './helpers/spec-examples.ts';

// The generated client against the generated server: the sandbox on loopback, with response
// validation on at both ends.
let sandbox: Sandbox;
let client: Client;
const COMPANY = 'com_xero';
// Xero takes an invoice only with a contact and at least one line (its connector's writeRequires).
const LINE = { description: 'Consulting', quantity: 1, unit_amount: 100 };

beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0, apiKey: 'client-test' });
  client = createClient({ baseUrl: sandbox.url, apiKey: 'client-test', validateResponses: true, retries: 0 });
});
afterAll(() => sandbox.close());

const resourceOf = (entity: EntityInfo) => resourceAt(client, entity);

describe('every resource through the client', () => {
  const listed = entities.filter((e) => e.name !== 'passthrough');
  it.each(listed)('$area.$name: list, then get the first record', async (entity) => {
    const scope = entity.area === 'accounting' ? { company_id: COMPANY } : {};
    const page = await resourceOf(entity).list!(scope);
    expect(page.data.length).toBeGreaterThan(0);
    const id = page.data[0][entity.idField];
    const { data } = await resourceOf(entity).get!(id, scope);
    expect(data[entity.idField]).toBe(id);
  });
});

describe('reads', () => {
  it('iterates every invoice of a company one page at a time', async () => {
    const { data: all } = await client.accounting.invoices.list({ company_id: COMPANY, limit: 200 });
    const seen: string[] = [];
    for await (const invoice of client.accounting.invoices.iterate({ company_id: COMPANY, limit: 1 }))
      seen.push(invoice.platform_id);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen).toEqual(all.map((i) => i.platform_id));
  });

  it('filters, sorts and expands as asked', async () => {
    const { data: all } = await client.accounting.invoicePayments.list({ company_id: COMPANY, limit: 200 });
    const threshold = [...all].map((p) => p.amount ?? 0).sort((a, b) => a - b)[1]!;
    const expected = all
      .filter((p) => (p.amount ?? 0) >= threshold)
      .sort((a, b) => (b.payment_date ?? '').localeCompare(a.payment_date ?? ''));
    const page = await client.accounting.invoicePayments.list({
      company_id: COMPANY,
      filter: { amount: { gte: threshold } },
      sort: ['-payment_date'],
      expand: ['invoice'],
    });
    expect(page.data.map((p) => p.platform_id)).toEqual(expected.map((p) => p.platform_id));
    for (const payment of page.data) expect(payment.invoice?.data.platform_id).toBe(payment.invoice_id);
  });
});

describe('writes', () => {
  it('creates an invoice: a SUCCESS job whose record is then readable', async () => {
    const {
      data: [contact],
    } = await client.accounting.contacts.list({ company_id: COMPANY, limit: 1 });
    const job = await client.accounting.invoices.create({
      company_id: COMPANY,
      data: {
        contact_id: contact!.platform_id,
        due_date: '2026-12-31T00:00:00Z',
        line_items: [LINE],
        memo: 'from the client test',
      },
    });
    expect(job.data.status).toBe('SUCCESS');
    const created = job.data.records[0]!.response!;
    const { data } = await client.accounting.invoices.get(created.platform_id, {
      company_id: COMPANY,
      expand: ['contact'],
    });
    expect(data.memo).toBe('from the client test');
    expect(data.contact?.data.platform_id).toBe(contact!.platform_id);
  });

  it('a retried create with the same Idempotency-Key writes once', async () => {
    const body = {
      company_id: COMPANY,
      data: { contact_id: 'xero-contacts-1', due_date: null, line_items: [LINE], memo: 'once' },
    };
    const first = await client.accounting.invoices.create(body, { idempotencyKey: 'client-test-once' });
    const again = await client.accounting.invoices.create(body, { idempotencyKey: 'client-test-once' });
    expect(again.data.records[0]!.response!.platform_id).toBe(first.data.records[0]!.response!.platform_id);
    const all = await client.accounting.invoices.listAll({ company_id: COMPANY, limit: 200 });
    expect(all.filter((i) => i.memo === 'once')).toHaveLength(1);
  });

  it('a key reused with another body is an IdempotencyKeyReusedError, not a replay', async () => {
    const body = {
      company_id: COMPANY,
      data: { contact_id: 'xero-contacts-1', due_date: null, line_items: [LINE], memo: 'first' },
    };
    await client.accounting.invoices.create(body, { idempotencyKey: 'client-test-reused' });
    const error = await client.accounting.invoices
      .create({ ...body, data: { ...body.data, memo: 'second' } }, { idempotencyKey: 'client-test-reused' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdempotencyKeyReusedError);
    expect(error).not.toBeInstanceOf(PlatformDeniedError);
    expect((error as IdempotencyKeyReusedError).status).toBe(422);
    expect((error as IdempotencyKeyReusedError).code).toBe('idempotency-key-reused');
  });

  it('moves a sync along and refuses to cancel it once it has finished', async () => {
    const created = await client.core.syncs.create({
      company_id: 'com_zoho_books',
      data: { data_models: ['INVOICES'] },
    });
    let sync = created.data;
    for (let i = 0; i < 5 && sync.status !== 'SUCCESS'; i++) sync = (await client.core.syncs.get(sync.id)).data;
    expect(sync.status).toBe('SUCCESS');
    await expect(client.core.syncs.cancel(sync.id)).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});

describe('errors', () => {
  it('surfaces the server’s error envelopes as typed errors', async () => {
    await expect(client.accounting.invoices.get('no-such-invoice', { company_id: COMPANY })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const invalid = await client.accounting.invoices.list({ company_id: COMPANY, limit: 500 }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidRequestError);
    expect((invalid as InvalidRequestError).details.map((d) => d.pointer)).toContain('/query/limit');
    const wrongKey = createClient({ baseUrl: sandbox.url, apiKey: 'wrong' });
    await expect(wrongKey.core.companies.list()).rejects.toBeInstanceOf(AuthenticationError);
  });
});
