import { describe, expect, it } from 'vitest';
import { read, write } from '../../../connectors/codat/mappings/invoice_payments.ts';

// Codat-specific behaviour the fixtures cannot show: a Create body is a unified record, whose
// timestamps conformance always gives in UTC.
describe('codat invoice payments', () => {
  it('writes the calendar date as written, whatever the offset', () => {
    const request = write.map({
      amount: 10,
      payment_date: '2024-03-01T00:00:00+02:00',
      allocations: [
        {
          amount: 10,
          allocated_on_date: '2024-03-01T00:00:00+02:00',
          links: [{ type: 'Invoice', id: 'inv-1', amount: -10 }],
        },
      ],
    });
    expect(request.date).toBe('2024-03-01T00:00:00');
    expect(request.lines?.[0]?.allocatedOnDate).toBe('2024-03-01T00:00:00');
  });

  it('reads a rate as Codat documents it (base units per foreign unit), not inverted', () => {
    const record = read.map({
      id: 'p',
      totalAmount: 20,
      currency: 'USD',
      currencyRate: 0.781,
      date: '2024-03-01T00:00:00',
    });
    expect(record.currency_rate).toBe(0.781);
  });

  it('leaves refunds (negative totalAmount) out of invoice payments', () => {
    expect(
      read.skip({
        id: 'r',
        totalAmount: -5,
        date: '2024-03-01',
        lines: [{ amount: -5, links: [{ type: 'CreditNote', id: 'cn', amount: 5 }] }],
      }),
    ).toMatch(/refund/);
  });
});

describe('codat signed amounts on writes', () => {
  it('signs a pushed bank transaction by its direction', async () => {
    const { write } = await import('../../../connectors/codat/mappings/bank_transactions.ts');
    const out = write.map({
      account_id: 'acc',
      amount: 12.5,
      transaction_date: '2024-03-01T00:00:00+02:00',
      debit_or_credit: 'Credit',
    });
    expect(out).toEqual({ accountId: 'acc', transactions: [{ date: '2024-03-01T00:00:00', amount: -12.5 }] });
    expect(() =>
      write.map({ account_id: 'acc', amount: 5, transaction_date: '2024-03-01', debit_or_credit: 'Unknown' }),
    ).toThrow(/Debit|Credit/);
  });

  it('signs pushed journal lines by their side', async () => {
    const { write } = await import('../../../connectors/codat/mappings/journal_entries.ts');
    const out = write.map({
      posted_date: '2024-03-01T00:00:00Z',
      currency_id: 'GBP',
      journal_lines: [
        { account_id: 'a', type: 'Debit', net_amount: 10 },
        { account_id: 'b', type: 'Credit', net_amount: 10 },
      ],
    });
    expect(out.journalLines?.map((line) => line.netAmount)).toEqual([10, -10]);
  });
});
