/**
 * Zoho Books vendor credit (`GET /vendorcredits/{vendor_credit_id}`, key `vendor_credit`;
 * `POST /vendorcredits`) → ledgerspec BillCreditNote (`bill_credit_notes`).
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, list } from '../../lib/values.js';
import {
  creditStatus,
  dateField,
  field,
  lineItems,
  lineRequests,
  taxTotal,
  zohoDateTime,
  zohoId,
  zohoIds,
  zohoText,
  type ZohoLineItem,
  type ZohoLineItemRequest,
} from '../values.js';

/** The vendor credit under `vendor_credit` in Zoho's response. */
export interface ZohoBooksVendorCredit {
  vendor_credit_id: string | number;
  vendor_credit_number?: string;
  date?: string;
  status?: string;
  vendor_id?: string | number;
  currency_id?: string | number;
  is_inclusive_tax?: boolean;
  line_items?: ZohoLineItem[];
  taxes?: { tax_amount?: number }[];
  total?: number;
  /** What is left to apply or refund. */
  balance?: number;
  /** The bills the credit was applied to. */
  bills_credited?: { bill_id?: string | number; amount?: number }[];
  notes?: string;
  last_modified_time?: string;
  /** Present on a refund of a vendor credit (`GET /vendorcredits/{id}/refunds/{refund_id}`). */
  vendor_credit_refund_id?: string | number;
}

const COMPUTED = 'Zoho Books computes the totals of a vendor credit from its lines.';

export const read = mapRead<'bill_credit_notes', ZohoBooksVendorCredit>(
  {
    platform_id: (raw) => zohoId(raw.vendor_credit_id),
    contact_id: (raw) => zohoText(raw.vendor_id),
    currency_id: (raw) => zohoText(raw.currency_id),
    bill_ids: (raw) => [...new Set(zohoIds(list(raw.bills_credited).map((bill) => bill.bill_id)))],
    document_number: (raw) => zohoText(raw.vendor_credit_number),
    posted_date: (raw) => zohoDateTime(raw.date),
    status: creditStatus,
    tax_amount: taxTotal,
    total_amount: (raw) => amount(raw.total),
    remaining_credit: (raw) => amount(raw.balance),
    memo: (raw) => zohoText(raw.notes),
    line_items: (raw) =>
      lineItems(raw.line_items, {
        type: 'BillCreditNote',
        id: zohoText(raw.vendor_credit_id),
        inclusive: raw.is_inclusive_tax === true,
      }),
    updated_at: (raw) => zohoDateTime(raw.last_modified_time),
  },
  {
    skip: (raw) =>
      raw.vendor_credit_refund_id !== undefined
        ? 'a refund of a vendor credit (money the vendor paid back), not a vendor credit'
        : undefined,
  },
);

/** `POST /vendorcredits` body. */
export interface ZohoBooksVendorCreditRequest {
  vendor_id?: string;
  vendor_credit_number?: string;
  currency_id?: string;
  date?: string;
  notes?: string;
  line_items?: ZohoLineItemRequest[];
}

export const write = mapWrite<'bill_credit_notes', ZohoBooksVendorCreditRequest>({
  contact_id: (id) => field('vendor_id', id),
  currency_id: (id) => field('currency_id', id),
  bill_ids: notSupported(
    'Zoho applies a vendor credit to bills after creating it (POST /vendorcredits/{id}/bills), or to one bill given as the ?bill_id= query parameter, not in the body.',
  ),
  document_number: (number) => field('vendor_credit_number', number),
  posted_date: (date) => dateField('date', date),
  status: notSupported('Zoho sets a new vendor credit open; /vendorcredits/{id}/status/void changes it afterwards.'),
  tax_amount: notSupported(COMPUTED),
  total_amount: notSupported(COMPUTED),
  memo: (memo) => field('notes', memo),
  line_items: (lines) => ({ line_items: lineRequests(lines) }),
});
