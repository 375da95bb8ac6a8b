import { describe, expectTypeOf, it } from 'vitest';
import { createClient, type Client } from '../../generated/client/index.js';
import type { Contact, Invoice, InvoicePayment, WriteJob } from '../../generated/types/index.js';

// Compile-time checks, run by `npm run typecheck`: every expected error below must stay an
// error, or tsc fails on an unused directive. test/client/type-errors.test.ts also checks that
// each is an error for the reason given (the name in backticks appears in tsc's message).
const client: Client = createClient({ baseUrl: 'http://127.0.0.1:1', apiKey: 'k' });
const never = false as boolean;

describe('client types', () => {
  it('types pages, expanded relations and write jobs from the spec', () => {
    type Page = Awaited<ReturnType<typeof client.accounting.invoicePayments.list<'invoice' | 'contact'>>>;
    expectTypeOf<Page['data'][number]['invoice']>().toEqualTypeOf<{ data: Invoice } | null>();
    expectTypeOf<Page['data'][number]['contact']>().toEqualTypeOf<{ data: Contact } | null>();
    expectTypeOf<Page['next']>().toEqualTypeOf<string | null>();
    type Plain = Awaited<ReturnType<typeof client.accounting.invoicePayments.list<never>>>['data'][number];
    expectTypeOf<Plain>().toEqualTypeOf<InvoicePayment>();
    type Created = Awaited<ReturnType<typeof client.accounting.invoicePayments.create>>['data'];
    expectTypeOf<Created>().toMatchTypeOf<WriteJob>();
  });

  it('types withResponse() like the call itself, with the Response and request id', async () => {
    if (never) {
      const { body, response, requestId } = await client.accounting.invoicePayments
        .get('p1', { company_id: 'c', expand: ['invoice'] })
        .withResponse();
      expectTypeOf(body.data.invoice).toEqualTypeOf<{ data: Invoice } | null>();
      expectTypeOf(response).toEqualTypeOf<Response>();
      expectTypeOf(requestId).toEqualTypeOf<string | undefined>();
      type Written = Awaited<
        ReturnType<ReturnType<typeof client.accounting.invoicePayments.create>['withResponse']>
      >['body']['data'];
      expectTypeOf<Written>().toMatchTypeOf<WriteJob>();
    }
  });

  it('infers the expanded relations from the call', async () => {
    if (never) {
      const page = await client.accounting.invoicePayments.list({ company_id: 'c', expand: ['invoice'] });
      expectTypeOf(page.data[0]!.invoice).toEqualTypeOf<{ data: Invoice } | null>();
      for await (const payment of client.accounting.invoicePayments.iterate({ company_id: 'c', expand: ['contact'] })) {
        expectTypeOf(payment.contact).toEqualTypeOf<{ data: Contact } | null>();
      }
    }
  });

  it('rejects what the spec does not allow', () => {
    if (never) {
      // An unknown filter field:
      // @ts-expect-error `memo` is not filterable
      void client.accounting.invoicePayments.list({ company_id: 'c', filter: { memo: { eq: 'x' } } });
      // A wrong operator for the field's type (gt on a string field):
      // @ts-expect-error `gt` is not an operator of a string filter
      void client.accounting.invoicePayments.list({ company_id: 'c', filter: { document_number: { gt: 'a' } } });
      // A filter value of the wrong type:
      // @ts-expect-error `string` is not a number filter's value
      void client.accounting.invoicePayments.list({ company_id: 'c', filter: { amount: { gt: 'ten' } } });
      // An unknown expand name:
      // @ts-expect-error `supplier` is not a relation of invoice payments
      void client.accounting.invoicePayments.list({ company_id: 'c', expand: ['supplier'] });
      // A field that is not sortable:
      // @ts-expect-error `memo` is not sortable
      void client.accounting.invoicePayments.list({ company_id: 'c', sort: ['memo'] });
      // A read-only field in a create body:
      void client.accounting.invoicePayments.create({
        company_id: 'c',
        // @ts-expect-error `platform_id` is read-only
        data: { platform_id: 'p1', amount: 1, payment_date: '2026-01-01' },
      });
      // An operation the spec does not declare:
      // @ts-expect-error `update` is not an operation of invoice payments
      void client.accounting.invoicePayments.update;
      // A required parameter left out:
      // @ts-expect-error `company_id` is required for accounting reads
      void client.accounting.invoices.list({ limit: 10 });
      // limit is a number:
      // @ts-expect-error `string` is not a valid limit
      void client.accounting.invoices.list({ company_id: 'c', limit: '10' });
    }
  });

  it('accepts what the spec allows', () => {
    if (never) {
      void client.accounting.invoicePayments.list({
        company_id: 'c',
        filter: { amount: { gte: 10, lt: 100 }, document_number: { eq: 'INV-1' } },
        sort: ['-payment_date', 'amount'],
        expand: ['invoice'],
        limit: 10,
      });
      void client.core.companies.list();
      void client.core.syncs.cancel('sync-1');
      void client.accounting.invoices.update('inv-1', { company_id: 'c', data: { memo: 'paid late' } });
    }
  });
});
