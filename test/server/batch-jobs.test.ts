import { describe, expect, it } from 'vitest';
import { useSandbox } from './sandbox.ts';

// The seeds' write contract, against the sandbox over HTTP: batch bodies, one result per record in
// request order, partial failure, background jobs followed at /core/jobs, and writes that go
// through the company's connector (its write mapping, its platform's required fields, its
// simulated platform, its read mapping).
const api = useSandbox({ asyncWrites: ['com_zoho_books'], jobDelayMs: 20 });

const company = 'com_quickbooks_online';
const payment = (amount: number, extra: Record<string, unknown> = {}) => ({
  amount,
  payment_date: '2024-05-02T00:00:00.000Z',
  contact_id: 'quickbooks_online-contacts-1',
  ...extra,
});
const count = async () =>
  (await api.call(`/accounting/invoice_payments?company_id=${company}&include_total_count=true`)).body
    .total_count as number;

async function jobOf(id: string) {
  return (await api.call(`/core/jobs/${id}`)).body.data;
}

async function ended(id: string) {
  for (let i = 0; i < 100; i++) {
    const job = await jobOf(id);
    if (job.status === 'SUCCESS' || job.status === 'FAILED') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`job ${id} did not end`);
}

describe('batch writes', () => {
  it('writes each record on its own: 2 written, 1 refused by the platform with its pointer; the job is FAILED with the counts', async () => {
    const before = await count();
    // QuickBooks needs a customer on every payment (connectors/quickbooks-online writeRequires).
    const data = [payment(10), payment(20, { contact_id: null }), payment(30)];
    const { status, body } = await api.call('/accounting/invoice_payments', {
      method: 'POST',
      json: { company_id: company, data },
    });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ status: 'FAILED', success_count: 2, failed_count: 1 });
    const [first, second, third] = body.data.records;
    expect([first.status, second.status, third.status]).toEqual(['success', 'failed', 'success']);
    expect([first.response.amount, third.response.amount]).toEqual([10, 30]);
    expect(second.response).toBeNull();
    expect(second.error.code).toBe('platform-denied');
    expect(second.error.details).toEqual([{ pointer: '/data/1/contact_id', message: 'required by QuickBooks Online' }]);
    expect(new Set(body.data.records.map((r: { job_id: string }) => r.job_id)).size).toBe(3);
    // The two written records are readable, served through the connector's read mapping with the
    // platform's record as raw_data; the refused one was never stored.
    expect(await count()).toBe(before + 2);
    const read = await api.call(
      `/accounting/invoice_payments/${first.response.platform_id}?company_id=${company}&select=raw_data`,
    );
    expect(read.body.data).toMatchObject({ amount: 10, contact_id: 'quickbooks_online-contacts-1' });
    expect(read.body.data.raw_data).toMatchObject({
      TotalAmt: 10,
      CustomerRef: { value: 'quickbooks_online-contacts-1' },
    });
    // The job is a PUSH job at /core/jobs with the same results.
    const job = await jobOf(body.data.job_id);
    expect(job).toMatchObject({
      job_type: 'PUSH',
      data_model: 'INVOICE_PAYMENTS',
      status: 'FAILED',
      error_code: 'platform-denied',
      records_processed: 3,
    });
    expect(job.records).toEqual(body.data.records);
  });

  it('runs in the background when asked with Prefer: respond-async: 202 CREATED, then SUCCESS at /core/jobs', async () => {
    const before = await count();
    const { status, body } = await api.call('/accounting/invoice_payments', {
      method: 'POST',
      json: { company_id: company, data: [payment(41), payment(42)] },
      headers: { prefer: 'respond-async' },
    });
    expect(status).toBe(202);
    expect(body.data).toMatchObject({ status: 'CREATED', success_count: 0, failed_count: 0, records: [] });
    expect((await jobOf(body.data.job_id)).status).toMatch(/^(CREATED|RUNNING|SUCCESS)$/);
    const job = await ended(body.data.job_id);
    expect(job.status).toBe('SUCCESS');
    expect(job.records.map((r: { response: { amount: number } }) => r.response.amount)).toEqual([41, 42]);
    expect(await count()).toBe(before + 2);
  });

  it('runs every write of a company configured as asynchronous in the background', async () => {
    const invoice = {
      contact_id: 'zoho_books-contacts-1',
      line_items: [{ item_id: 'zoho_books-items-1', description: 'Widget', quantity: 1, unit_amount: 5 }],
    };
    const { status, body } = await api.call('/accounting/invoices', {
      method: 'POST',
      json: { company_id: 'com_zoho_books', data: [invoice] },
    });
    expect(status).toBe(202);
    expect((await ended(body.data.job_id)).status).toBe('SUCCESS');
  });

  it('updates a batch of records named by platform_id, in order', async () => {
    const item = (name: string) => ({ name, code: name.toUpperCase(), type: 'Service' });
    const created = await api.call('/accounting/items', {
      method: 'POST',
      json: { company_id: company, data: [item('first'), item('second')] },
    });
    expect(created.body.data.status).toBe('SUCCESS');
    const ids = created.body.data.records.map((r: { response: { platform_id: string } }) => r.response.platform_id);
    const changes = [
      { platform_id: ids[1], name: 'second, renamed' },
      { platform_id: 'no-such-item', name: 'x' },
      { platform_id: ids[0], name: 'first, renamed' },
    ];
    const { body } = await api.call('/accounting/items', {
      method: 'PATCH',
      json: { company_id: company, data: changes },
    });
    expect(body.data.status).toBe('FAILED');
    expect(body.data.records.map((r: { status: string }) => r.status)).toEqual(['success', 'failed', 'success']);
    expect(body.data.records[1].error).toMatchObject({
      code: 'not-found',
      details: [{ pointer: '/data/1/platform_id' }],
    });
    expect((await api.call(`/accounting/items/${ids[0]}?company_id=${company}`)).body.data.name).toBe('first, renamed');
    expect((await api.call(`/accounting/items/${ids[1]}?company_id=${company}`)).body.data.name).toBe(
      'second, renamed',
    );
  });

  it('refuses a write to an unknown company before any job exists: 404', async () => {
    const { status, body } = await api.call('/accounting/invoice_payments', {
      method: 'POST',
      json: { company_id: 'com_nobody', data: [payment(1)] },
    });
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'not-found', details: [{ pointer: '/company_id' }] });
  });
});
