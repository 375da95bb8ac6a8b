import { describe, expect, it } from 'vitest';
import { write as writeInvoice } from '../../../connectors/zoho-books/mappings/invoices.ts';
import { write as writeBillPayment } from '../../../connectors/zoho-books/mappings/bill_payments.ts';
import { read as readJournal, write as writeJournal } from '../../../connectors/zoho-books/mappings/journal_entries.ts';
import { trackingIds, zohoRate, zohoText } from '../../../connectors/zoho-books/values.ts';

describe('zoho-books value rules', () => {
  it('writes the calendar date as written, whatever the offset (spec: Dates without a time)', () => {
    const request = writeInvoice.map({
      contact_id: '1',
      line_items: [],
      posted_date: '2024-03-01T00:00:00+02:00',
      due_date: '2024-03-31T23:30:00-05:00',
    });
    expect(request).toMatchObject({ date: '2024-03-01', due_date: '2024-03-31' });
    expect(writeBillPayment.map({ amount: 10, payment_date: '2024-03-01T00:00:00+14:00' })).toMatchObject({
      date: '2024-03-01',
    });
  });

  it('reads rates base per foreign as Zoho quotes them; 0 is no rate', () => {
    expect(zohoRate(1.23)).toBe(1.23);
    expect(zohoRate(0)).toBeNull();
  });

  it('reads IDs sent as numbers as strings, and a blank placeholder as nothing', () => {
    expect(zohoText(982000000567114)).toBe('982000000567114');
    expect(zohoText(' ')).toBeNull();
  });

  it('reads a documented tag of nulls or zeros as no tag', () => {
    expect(
      trackingIds([
        { tag_id: null, tag_option_id: null },
        { tag_id: 0, tag_option_id: 0 },
      ]),
    ).toEqual([]);
    expect(trackingIds([{ tag_id: 982000000009070, tag_option_id: 982000000002670 }])).toEqual([
      '982000000009070_982000000002670',
    ]);
  });

  it('reads a journal line side it does not know as Unknown, and refuses to write one', () => {
    const entry = readJournal.map({
      journal_id: '1',
      line_items: [{ line_id: '2', debit_or_credit: 'memo', amount: 5 }],
    });
    expect(entry.journal_lines?.[0]?.type).toBe('Unknown');
    expect(() =>
      writeJournal.map({ posted_date: '2024-03-01T00:00:00Z', journal_lines: [{ type: 'Unknown', net_amount: 5 }] }),
    ).toThrow(/cannot be written/);
  });
});
