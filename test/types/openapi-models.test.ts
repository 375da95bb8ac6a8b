import { describe, expectTypeOf, it } from 'vitest';
import type { components, paths } from '../../generated/openapi.js';
import type {
  Integration,
  IntegrationCreate,
  InvoiceCreate,
  InvoicePayment,
  InvoicePaymentCreate,
  InvoiceUpdate,
  LineItemWrite,
} from '../../generated/types/index.js';

// Checked by `npm run typecheck` (tsc over test/ against the committed generated/ folder).
type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type ListPage = Json<paths['/accounting/invoice_payments']['get']['responses'][200]>;

describe('generated/openapi.d.ts and generated/types agree', () => {
  it('types a list page of invoice payments with the InvoicePayment model', () => {
    expectTypeOf<ListPage['data'][number]>().toEqualTypeOf<InvoicePayment>();
    expectTypeOf<ListPage['next']>().toEqualTypeOf<string | null>();
    expectTypeOf<components['schemas']['InvoicePayment']>().toEqualTypeOf<InvoicePayment>();
  });

  it('types batch write bodies with the derived Create and Update models', () => {
    type CreateBody = NonNullable<
      paths['/accounting/invoice_payments']['post']['requestBody']
    >['content']['application/json'];
    type UpdateBody = NonNullable<paths['/accounting/invoices']['patch']['requestBody']>['content']['application/json'];
    expectTypeOf<CreateBody['data']>().toEqualTypeOf<InvoicePaymentCreate[]>();
    expectTypeOf<UpdateBody['data']>().toEqualTypeOf<InvoiceUpdate[]>();
    // An accounting update names its record in each element of the batch.
    expectTypeOf<InvoiceUpdate['platform_id']>().toEqualTypeOf<string>();
  });

  it('keeps nested read-only fields out of write bodies', () => {
    type Line = NonNullable<InvoiceCreate['line_items']>[number];
    expectTypeOf<Line>().toEqualTypeOf<LineItemWrite>();
    expectTypeOf<LineItemWrite>().not.toHaveProperty('platform_id');
  });

  it('keeps read-only fields out of create bodies and write-only fields out of reads', () => {
    expectTypeOf<InvoicePaymentCreate>().not.toHaveProperty('platform_id');
    expectTypeOf<InvoicePaymentCreate>().toHaveProperty('amount');
    expectTypeOf<IntegrationCreate>().toHaveProperty('client_secret');
    expectTypeOf<Integration>().not.toHaveProperty('client_secret');
  });
});
