import { describe, expect, it } from 'vitest';
import connector from '../../../connectors/xero/connector.ts';
import * as bills from '../../../connectors/xero/mappings/bills.ts';
import * as billPayments from '../../../connectors/xero/mappings/bill_payments.ts';
import * as companyInfo from '../../../connectors/xero/mappings/company_info.ts';
import * as invoicePayments from '../../../connectors/xero/mappings/invoice_payments.ts';
import * as invoices from '../../../connectors/xero/mappings/invoices.ts';
import * as journals from '../../../connectors/xero/mappings/journal_entries.ts';
import { missingRequirements } from '../../../generated/connectors/index.ts';

// What the Xero fixtures cannot show: a write body whose timestamps carry an offset (a unified
// fixture holds the read form, always UTC), and rates and fiscal years away from the documented
// values.
const line = { description: 'Consulting', quantity: 2, unit_amount: 50, account_id: 'acc-1', tax_id: 'OUTPUT2' };

describe('Xero writes: dates are the calendar date as written', () => {
  it('invoices and bills send 1 March for 2024-03-01T00:00:00+02:00 (UTC would be 29 February)', () => {
    for (const mapping of [invoices.write, bills.write]) {
      const request = mapping.map({
        contact_id: 'c-1',
        posted_date: '2024-03-01T00:00:00+02:00',
        due_date: '2024-03-31T23:30:00-05:00',
        line_items: [line],
      } as never) as { Date?: string; DueDate?: string };
      expect(request.Date).toBe('2024-03-01');
      expect(request.DueDate).toBe('2024-03-31');
    }
  });

  it('payments and manual journals too', () => {
    for (const mapping of [invoicePayments.write, billPayments.write]) {
      const request = mapping.map({ payment_date: '2024-03-01T00:00:00+02:00', amount: 10 } as never) as {
        Date?: string;
      };
      expect(request.Date).toBe('2024-03-01');
    }
    const journal = journals.write.map({
      description: 'Accrual',
      posted_date: '2024-03-01T00:00:00+02:00',
      journal_lines: [
        { type: 'Debit', net_amount: 10, account_id: 'a' },
        { type: 'Credit', net_amount: 10, account_id: 'b' },
      ],
    } as never) as { Date?: string; Status?: string };
    expect(journal.Date).toBe('2024-03-01');
    expect(journal.Status).toBe('POSTED');
  });
});

describe('Xero currency rates: foreign per base on the wire, base per foreign in the spec', () => {
  it('writes the inverse of the unified rate, to the six significant digits Xero keeps', () => {
    const request = invoices.write.map({
      contact_id: 'c-1',
      currency_id: 'EUR',
      currency_rate: 1.08,
      line_items: [line],
    } as never) as {
      CurrencyRate?: number;
    };
    expect(request.CurrencyRate).toBe(0.925926);
  });

  it('a rate read and written again is the rate Xero had', () => {
    const read = invoices.read.map({ Type: 'ACCREC', InvoiceID: 'i-1', CurrencyCode: 'USD', CurrencyRate: 0.937053 });
    const written = invoices.write.map({
      contact_id: 'c-1',
      currency_rate: read.currency_rate,
      line_items: [line],
    } as never) as {
      CurrencyRate?: number;
    };
    expect(written.CurrencyRate).toBe(0.937053);
  });
});

describe('Xero payment types', () => {
  const payment = (PaymentType: string, Type: string) => ({
    PaymentID: 'p-1',
    PaymentType,
    Status: 'AUTHORISED',
    Invoice: { Type, InvoiceID: 'd-1' },
  });

  it.each([
    ['ARCREDITPAYMENT', 'ACCRECCREDIT'],
    ['AROVERPAYMENTPAYMENT', 'AROVERPAYMENT'],
    ['ARPREPAYMENTPAYMENT', 'ARPREPAYMENT'],
    ['ACCPAYPAYMENT', 'ACCPAY'],
  ])('invoice payments leave out %s', (type, document) => {
    expect(invoicePayments.read.skip(payment(type, document))).toMatch(type);
  });

  it.each([
    ['APCREDITPAYMENT', 'ACCPAYCREDIT'],
    ['APOVERPAYMENTPAYMENT', 'APOVERPAYMENT'],
    ['APPREPAYMENTPAYMENT', 'APPREPAYMENT'],
    ['ACCRECPAYMENT', 'ACCREC'],
  ])('bill payments leave out %s', (type, document) => {
    expect(billPayments.read.skip(payment(type, document))).toMatch(type);
  });

  it('a payment without PaymentType is judged by the paid document', () => {
    expect(invoicePayments.read.skip({ PaymentID: 'p', Invoice: { Type: 'ACCRECCREDIT' } })).toBeDefined();
    expect(invoicePayments.read.skip({ PaymentID: 'p', Invoice: { Type: 'ACCREC' } })).toBeUndefined();
  });
});

describe('Xero fiscal year start', () => {
  it.each([
    [31, 3, 4, 1],
    [30, 6, 7, 1],
    [31, 12, 1, 1],
    [28, 2, 3, 1],
    [15, 5, 5, 16],
  ])('a year ending %i/%i starts %i/%i', (day, month, startMonth, startDay) => {
    const record = companyInfo.read.map({
      OrganisationID: 'o',
      FinancialYearEndDay: day,
      FinancialYearEndMonth: month,
    });
    expect([record.fiscal_year_start_month, record.fiscal_year_start_day]).toEqual([startMonth, startDay]);
  });
});

describe('Xero writeRequires', () => {
  it('a payment without a bank account is denied at /account_id', () => {
    const requires = connector.writeRequires?.invoice_payments ?? [];
    expect(missingRequirements({ invoice_id: 'i', amount: 1, payment_date: '2024-03-01T00:00:00Z' }, requires)).toEqual(
      ['/account_id'],
    );
  });

  it('a manual journal line without an account is denied at its pointer', () => {
    const requires = connector.writeRequires?.journal_entries ?? [];
    const body = { description: 'x', journal_lines: [{ net_amount: 1, account_id: 'a' }, { net_amount: 1 }] };
    expect(missingRequirements(body, requires)).toEqual(['/journal_lines/1/account_id']);
  });
});
