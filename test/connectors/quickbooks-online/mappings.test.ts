import { describe, expect, it } from 'vitest';
import connector from '../../../connectors/quickbooks-online/connector.ts';
import * as billPayments from '../../../connectors/quickbooks-online/mappings/bill_payments.ts';
import * as bills from '../../../connectors/quickbooks-online/mappings/bills.ts';
import * as invoicePayments from '../../../connectors/quickbooks-online/mappings/invoice_payments.ts';
import * as invoices from '../../../connectors/quickbooks-online/mappings/invoices.ts';
import * as journalEntries from '../../../connectors/quickbooks-online/mappings/journal_entries.ts';
import { missingRequirements } from '../../../generated/connectors/index.ts';

// What fixtures cannot show: a unified record read from QBO always carries midnight-UTC dates, so
// the spec's "calendar date as written" rule for writes with an offset is checked here.
const offset = '2024-03-01T00:00:00+02:00';

describe('QuickBooks Online writes keep the calendar date as written', () => {
  it('invoices: TxnDate and DueDate', () => {
    const request = invoices.write.map({
      contact_id: '1',
      line_items: [{ sub_total: 10 }],
      posted_date: offset,
      due_date: '2024-03-31T23:30:00-05:00',
    } as never);
    expect(request).toMatchObject({ TxnDate: '2024-03-01', DueDate: '2024-03-31' });
  });

  it('bills, payments, bill payments and journal entries: TxnDate', () => {
    expect(
      bills.write.map({
        contact_id: '1',
        line_items: [{ sub_total: 10, account_id: '7' }],
        posted_date: offset,
      } as never),
    ).toMatchObject({ TxnDate: '2024-03-01' });
    expect(invoicePayments.write.map({ amount: 5, payment_date: offset } as never)).toMatchObject({
      TxnDate: '2024-03-01',
    });
    expect(billPayments.write.map({ amount: 5, payment_date: offset } as never)).toMatchObject({
      TxnDate: '2024-03-01',
    });
    expect(journalEntries.write.map({ journal_lines: [], posted_date: offset } as never)).toMatchObject({
      TxnDate: '2024-03-01',
    });
  });
});

describe('QuickBooks Online rates and statuses', () => {
  it('writes ExchangeRate in the direction it reads it (home per foreign = base per foreign)', () => {
    const request = invoicePayments.write.map({
      amount: 100,
      payment_date: '2024-03-04T00:00:00Z',
      currency_id: 'EUR',
      currency_rate: 1.0842,
    } as never);
    expect(request).toMatchObject({ ExchangeRate: 1.0842, CurrencyRef: { value: 'EUR' } });
    expect(invoicePayments.read.map({ Id: '1', TotalAmt: 100, ExchangeRate: 1.0842 } as never).currency_rate).toBe(
      1.0842,
    );
  });

  it('a zero-amount payment is Void only with the "Voided" note QBO injects', () => {
    expect(
      invoicePayments.read.map({ Id: '1', TotalAmt: 0, PrivateNote: 'Voided - wrong customer' } as never).status,
    ).toBe('Void');
    expect(
      invoicePayments.read.map({
        Id: '2',
        TotalAmt: 0,
        PrivateNote: 'Created by QB Online to link credits to charges.',
      } as never).status,
    ).toBe('Posted');
    expect(
      invoicePayments.read.map({ Id: '3', TotalAmt: 10, PrivateNote: 'Voided cheque replaced' } as never).status,
    ).toBe('Posted');
  });

  it('refuses to create a journal entry that is not posted', () => {
    expect(() =>
      journalEntries.write.map({ journal_lines: [], posted_date: offset, status: 'Draft' } as never),
    ).toThrow(/Draft/);
  });
});

describe('QuickBooks Online create requirements', () => {
  it('a payment without a customer is missing /contact_id', () => {
    expect(
      missingRequirements({ amount: 5, payment_date: offset }, connector.writeRequires?.invoice_payments ?? []),
    ).toEqual(['/contact_id']);
  });

  it('a journal line without an account is reported at its index', () => {
    const body = {
      journal_lines: [
        { type: 'Debit', account_id: '1' },
        { type: 'Credit', account_id: null },
      ],
    };
    expect(missingRequirements(body, connector.writeRequires?.journal_entries ?? [])).toEqual([
      '/journal_lines/1/account_id',
    ]);
  });
});
