import { describe, expect, it } from 'vitest';
import { useSandbox } from './sandbox.ts';

const api = useSandbox();
const ids = (body: { data: { platform_id: string }[] }) => body.data.map((r) => r.platform_id);
const payments = (query: string) => api.call(`/accounting/invoice_payments?company_id=com_xero&${query}`);

describe('lists: filters, sort, expand, select, cursors', () => {
  it('filters a number with gte, sorts by date descending and expands the invoice', async () => {
    const { status, body } = await payments('filter[amount][gte]=20&sort=-payment_date&expand=invoice');
    expect(status).toBe(200);
    expect(ids(body)).toEqual(['xero-invoice_payments-3', 'xero-invoice_payments-2']);
    expect(body.data.map((p: any) => p.invoice.data.platform_id)).toEqual(['xero-invoices-3', 'xero-invoices-2']);
    expect(body.data[0].contact).toBeUndefined();
  });

  it('takes `in` as a comma list and sorts ascending, expanding two relations', async () => {
    const { body } = await payments(
      'filter[invoice_id][in]=xero-invoices-3,xero-invoices-1&sort=amount&expand=invoice,contact',
    );
    expect(ids(body)).toEqual(['xero-invoice_payments-1', 'xero-invoice_payments-3']);
    expect(body.data.map((p: any) => [p.invoice.data.platform_id, p.contact.data.platform_id])).toEqual([
      ['xero-invoices-1', 'xero-contacts-1'],
      ['xero-invoices-3', 'xero-contacts-3'],
    ]);
  });

  it('combines a date range, ne and a multi-key sort', async () => {
    const { body } = await payments(
      'filter[payment_date][gt]=2023-03-01T00:00:00Z&filter[payment_date][lte]=2023-03-15T00:00:00Z&filter[amount][ne]=33&sort=-amount,payment_date',
    );
    expect(ids(body)).toEqual(['xero-invoice_payments-2']);
  });

  it('matches text with contains, case-insensitively, and eq on another company', async () => {
    const { body } = await api.call(
      '/accounting/invoice_payments?company_id=com_zoho_books&filter[payment_mode][contains]=CAS&filter[contact_id][eq]=zoho_books-contacts-2',
    );
    expect(ids(body)).toEqual(['zoho_books-invoice_payments-2']);
  });

  it('expands an ID array as { data: [...] } and leaves raw_data out unless selected', async () => {
    const plain = await api.call(
      '/accounting/invoices?company_id=com_xero&expand=sales_orders&sort=-total_amount&limit=1',
    );
    expect(ids(plain.body)).toEqual(['xero-invoices-3']);
    expect(plain.body.data[0].sales_orders).toEqual({ data: [] });
    expect(plain.body.data[0].raw_data).toBeUndefined();
  });

  it('includes raw_data with select=raw_data, in expanded records too', async () => {
    const { body } = await payments('select=raw_data&expand=invoice&limit=1&sort=amount');
    expect(body.data[0].raw_data).toEqual({ source: 'spec-example', connector: 'xero', id: 'xero-invoice_payments-1' });
    expect(body.data[0].invoice.data.raw_data).toMatchObject({ id: 'xero-invoices-1' });
  });

  it('pages with opaque cursors and counts on request', async () => {
    const first = await payments('sort=amount&limit=2&include_total_count=true');
    expect(ids(first.body)).toEqual(['xero-invoice_payments-1', 'xero-invoice_payments-2']);
    expect(first.body.total_count).toBe(3);
    expect(first.body.prev).toBeNull();
    expect(typeof first.body.next).toBe('string');
    const second = await payments(`sort=amount&limit=2&cursor=${first.body.next}`);
    expect(ids(second.body)).toEqual(['xero-invoice_payments-3']);
    expect(second.body.next).toBeNull();
    expect(second.body.total_count).toBeUndefined();
    const back = await payments(`sort=amount&limit=2&cursor=${second.body.prev}`);
    expect(ids(back.body)).toEqual(ids(first.body));
  });

  it('refuses a cursor from another query', async () => {
    const first = await payments('sort=amount&limit=1');
    const other = await payments(`sort=-amount&limit=1&cursor=${first.body.next}`);
    expect(other.status).toBe(400);
    expect(other.body.error.code).toBe('invalid-params');
    expect(other.body.error.details[0].pointer).toBe('/query/cursor');
  });

  it("scopes accounting reads by company: another company's record is not found", async () => {
    const { status, body } = await api.call('/accounting/invoices/xero-invoices-1?company_id=com_codat');
    expect(status).toBe(404);
    expect(body.error.code).toBe('not-found');
    const unknown = await api.call('/accounting/invoices?company_id=com_nope');
    expect(unknown.status).toBe(404);
  });

  it('filters core resources by enum and expands across core relations', async () => {
    const { body } = await api.call(
      '/core/companies?filter[integration_type][in]=XERO,ZOHO_BOOKS&sort=name&expand=invite_link',
    );
    expect(body.data.map((c: any) => c.id)).toEqual(['com_zoho_books', 'com_xero']);
    expect(body.data.map((c: any) => c.invite_link.data.id)).toEqual(['ilk_zoho_books_1', 'ilk_xero_1']);
  });
});
