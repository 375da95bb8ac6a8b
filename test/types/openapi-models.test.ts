import { describe, expectTypeOf, it } from 'vitest';
import type { components, paths } from '../../generated/openapi.js';
import type { Integration, IntegrationCreate, InvoicePayment, InvoicePaymentCreate, InvoiceUpdate } from '../../generated/types/index.js';

// Checked by `npm run typecheck` (tsc over test/ against the committed generated/ folder).
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type ListPage = Json<paths['/accounting/invoice_payments']['get']['responses'][200]>;

describe('generated/openapi.d.ts and generated/types agree', () => {
  it('types a list page of invoice payments with the InvoicePayment model', () => {
    expectTypeOf<ListPage['data'][number]>().toEqualTypeOf<InvoicePayment>();
    expectTypeOf<ListPage['next']>().toEqualTypeOf<string | null>();
    expectTypeOf<components['schemas']['InvoicePayment']>().toEqualTypeOf<InvoicePayment>();
  });

  it('types write bodies with the derived Create and Update models', () => {
    type CreateBody = NonNullable<paths['/accounting/invoice_payments']['post']['requestBody']>['content']['application/json'];
    type UpdateBody = NonNullable<paths['/accounting/invoices/{id}']['patch']['requestBody']>['content']['application/json'];
    expectTypeOf<CreateBody['data']>().toEqualTypeOf<InvoicePaymentCreate>();
    expectTypeOf<UpdateBody['data']>().toEqualTypeOf<InvoiceUpdate>();
  });

  it('keeps read-only fields out of create bodies and write-only fields out of reads', () => {
    expectTypeOf<InvoicePaymentCreate>().not.toHaveProperty('platform_id');
    expectTypeOf<InvoicePaymentCreate>().toHaveProperty('amount');
    expectTypeOf<IntegrationCreate>().toHaveProperty('client_secret');
    expectTypeOf<Integration>().not.toHaveProperty('client_secret');
  });
});
