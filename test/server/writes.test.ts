import { describe, expect, it } from 'vitest';
import { useSandbox } from './sandbox.ts';

const api = useSandbox();
// Written through the Xero connector: what comes back is what Xero's mappings make of it.
const record = {
  amount: 42.5,
  payment_date: '2024-05-02T00:00:00.000Z',
  invoice_id: 'xero-invoices-2',
  account_id: 'xero-accounts-1',
};
const payment = { company_id: 'com_xero', data: [record] };

describe('writes', () => {
  it('an accounting create answers a SUCCESS write job whose record is then readable', async () => {
    const { status, body } = await api.call('/accounting/invoice_payments', { method: 'POST', json: payment });
    expect(status).toBe(200);
    expect(body.data.status).toBe('SUCCESS');
    expect(body.data.job_id).toMatch(/^job_/);
    expect(body.data).toMatchObject({ success_count: 1, failed_count: 0 });
    const [result] = body.data.records;
    expect(result.status).toBe('success');
    expect(result.error).toBeNull();
    expect(result.response).toMatchObject(record);
    const id = result.response.platform_id;
    // The write job is a PUSH job at /core/jobs, with its per-record results.
    const job = await api.call(`/core/jobs/${body.data.job_id}`);
    expect(job.body.data).toMatchObject({
      job_type: 'PUSH',
      data_model: 'INVOICE_PAYMENTS',
      status: 'SUCCESS',
      company_id: 'com_xero',
      records: [{ status: 'success' }],
    });
    const read = await api.call(`/accounting/invoice_payments/${id}?company_id=com_xero&expand=invoice`);
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ ...record, platform_id: id });
    expect(read.body.data.invoice.data.platform_id).toBe('xero-invoices-2');
    const listed = await api.call(`/accounting/invoice_payments?company_id=com_xero&filter[memo][eq]=x`);
    expect(listed.status).toBe(400);
  });

  it('updates and deletes through write jobs', async () => {
    const line = {
      item_id: 'zoho_books-items-1',
      account_id: 'zoho_books-accounts-1',
      description: 'Widget',
      quantity: 2,
      unit_amount: 10,
    };
    const invoice = {
      contact_id: 'zoho_books-contacts-1',
      posted_date: '2024-05-02T00:00:00Z',
      due_date: '2024-06-01T00:00:00Z',
      line_items: [line],
    };
    const created = await api.call('/accounting/invoices', {
      method: 'POST',
      json: { company_id: 'com_zoho_books', data: [invoice] },
    });
    expect(created.body.data.records[0].error).toBeNull();
    const id = created.body.data.records[0].response.platform_id;
    const updated = await api.call('/accounting/invoices', {
      method: 'PATCH',
      json: { company_id: 'com_zoho_books', data: [{ platform_id: id, memo: 'Changed' }] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data.records[0].response.memo).toBe('Changed');
    const deleted = await api.call(`/accounting/invoices/${id}?company_id=com_zoho_books`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(deleted.body.data.records[0].response.platform_id).toBe(id);
    expect((await api.call(`/accounting/invoices/${id}?company_id=com_zoho_books`)).status).toBe(404);
  });

  it('core creates answer 201 with the record', async () => {
    const { status, body } = await api.call('/core/invite_links', {
      method: 'POST',
      json: { company_id: 'com_xero', data: { company_name: 'New Co', integrations: ['XERO'] } },
    });
    expect(status).toBe(201);
    expect(body.data).toMatchObject({ company_id: 'com_xero', company_name: 'New Co', status: 'ACTIVE' });
    expect((await api.call(`/core/invite_links/${body.data.id}`)).body.data.id).toBe(body.data.id);
  });

  it('replays an Idempotency-Key: same status and body, written once', async () => {
    const headers = { 'idempotency-key': 'test-key-1' };
    const count = async () =>
      (await api.call('/accounting/invoice_payments?company_id=com_quickbooks_online&include_total_count=true')).body
        .total_count;
    const before = await count();
    const input = {
      ...payment,
      company_id: 'com_quickbooks_online',
      data: [{ ...record, invoice_id: null, account_id: null, contact_id: 'quickbooks_online-contacts-1' }],
    };
    const first = await api.call('/accounting/invoice_payments', { method: 'POST', json: input, headers });
    const again = await api.call('/accounting/invoice_payments', { method: 'POST', json: input, headers });
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await count()).toBe(before + 1);
    const fresh = await api.call('/accounting/invoice_payments', {
      method: 'POST',
      json: input,
      headers: { 'idempotency-key': 'test-key-2' },
    });
    expect(fresh.body.data.job_id).not.toBe(first.body.data.job_id);
    expect(await count()).toBe(before + 2);
  });

  it('a sync moves CREATED → RUNNING → SUCCESS over reads, with its jobs; a finished sync cannot be cancelled', async () => {
    const created = await api.call('/core/syncs', {
      method: 'POST',
      json: { company_id: 'com_xero', data: { data_models: ['INVOICES', 'CONTACTS'] } },
    });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ status: 'CREATED', integration_type: 'XERO', full_sync: false });
    const id = created.body.data.id;
    const busy = await api.call('/core/syncs', {
      method: 'POST',
      json: { company_id: 'com_xero', data: { data_models: ['BILLS'] } },
    });
    expect(busy.status).toBe(403);
    expect(busy.body.error.code).toBe('operation-denied');
    expect((await api.call(`/core/syncs/${id}`)).body.data.status).toBe('RUNNING');
    expect((await api.call('/core/companies/com_xero')).body.data.sync_status).toBe('RUNNING');
    const done = await api.call(`/core/syncs/${id}`);
    expect(done.body.data.status).toBe('SUCCESS');
    expect(done.body.data.data_model_results.map((r: any) => [r.data_model, r.status, r.total_count])).toEqual([
      ['INVOICES', 'SUCCESS', 3],
      ['CONTACTS', 'SUCCESS', 3],
    ]);
    const jobs = await api.call(`/core/jobs?filter[sync_id][eq]=${id}&expand=sync`);
    expect(jobs.body.data.map((j: any) => [j.data_model, j.status, j.sync.data.id])).toEqual([
      ['INVOICES', 'SUCCESS', id],
      ['CONTACTS', 'SUCCESS', id],
    ]);
    const cancel = await api.call(`/core/syncs/${id}/cancel`, { method: 'POST' });
    expect(cancel.status).toBe(403);
    expect(cancel.body.error.code).toBe('operation-denied');
  });

  it('cancels a running sync', async () => {
    const created = await api.call('/core/syncs', {
      method: 'POST',
      json: { company_id: 'com_codat', data: { data_models: ['BILLS'] } },
    });
    const cancel = await api.call(`/core/syncs/${created.body.data.id}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(cancel.status).toBe(200);
    expect(cancel.body.data.status).toBe('CANCELLED');
    expect((await api.call(`/core/syncs/${created.body.data.id}`)).body.data.status).toBe('CANCELLED');
  });

  it('passthrough echoes the request', async () => {
    const data = {
      method: 'POST',
      path: '/api.xro/2.0/Invoices',
      query: { page: '2' },
      headers: { 'x-trace': 'abc' },
      body: { Invoices: [] },
    };
    const { status, body } = await api.call('/core/passthrough', { method: 'POST', json: { data } });
    expect(status).toBe(201);
    expect(body.data.response).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: { echo: data },
    });
  });

  it('disconnects a company', async () => {
    const { status, body } = await api.call('/core/companies/com_codat/disconnect', { method: 'POST' });
    expect(status).toBe(200);
    expect(body.data.connection_status).toBe('DISCONNECTED');
  });
});
