/**
 * Zoho Books bill (`GET /bills/{bill_id}`, `POST /bills`) → ledgerspec Bill (`bills`).
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount } from '../../lib/values.js';
import {
  dateField,
  documentStatus,
  field,
  lineItems,
  lineRequests,
  taxTotal,
  zohoDateTime,
  zohoId,
  zohoIds,
  zohoRate,
  zohoText,
  type ZohoLineItem,
  type ZohoLineItemRequest,
} from '../values.js';

/** The bill under `bill` in Zoho's response. */
export interface ZohoBooksBill {
  bill_id: string | number;
  purchaseorder_ids?: string[];
  vendor_id?: string | number;
  status?: string;
  bill_number?: string;
  date?: string;
  due_date?: string;
  currency_id?: string | number;
  exchange_rate?: number;
  is_inclusive_tax?: boolean;
  line_items?: ZohoLineItem[];
  sub_total?: number;
  /** Sent when the bill has a transaction-level discount. */
  discount_amount?: number;
  tax_total?: number;
  taxes?: { tax_amount?: number }[];
  total?: number;
  balance?: number;
  notes?: string;
  last_modified_time?: string;
}

const COMPUTED = 'Zoho Books computes the totals of a bill from its lines.';

export const read = mapRead<'bills', ZohoBooksBill>({
  platform_id: (raw) => zohoId(raw.bill_id),
  contact_id: (raw) => zohoText(raw.vendor_id),
  account_id: notSupported('Zoho Books posts every bill to its Accounts Payable account; a bill names no account.'),
  currency_id: (raw) => zohoText(raw.currency_id),
  purchase_order_ids: (raw) => zohoIds(raw.purchaseorder_ids),
  document_number: (raw) => zohoText(raw.bill_number),
  posted_date: (raw) => zohoDateTime(raw.date),
  due_date: (raw) => zohoDateTime(raw.due_date),
  currency_rate: (raw) => zohoRate(raw.exchange_rate),
  status: (raw) => documentStatus(raw.status),
  sub_total: (raw) => amount(raw.sub_total),
  total_discount: (raw) => amount(raw.discount_amount),
  tax_amount: taxTotal,
  total_amount: (raw) => amount(raw.total),
  amount_due: (raw) => amount(raw.balance),
  memo: (raw) => zohoText(raw.notes),
  line_items: (raw) =>
    lineItems(raw.line_items, { type: 'Bill', id: zohoText(raw.bill_id), inclusive: raw.is_inclusive_tax === true }),
  updated_at: (raw) => zohoDateTime(raw.last_modified_time),
});

/** `POST /bills` body. */
export interface ZohoBooksBillRequest {
  vendor_id?: string;
  bill_number?: string;
  purchaseorder_ids?: string[];
  currency_id?: string;
  exchange_rate?: number;
  date?: string;
  due_date?: string;
  notes?: string;
  line_items?: ZohoLineItemRequest[];
}

export const write = mapWrite<'bills', ZohoBooksBillRequest>({
  contact_id: (id) => field('vendor_id', id),
  account_id: notSupported('Zoho Books posts every bill to its Accounts Payable account; a bill names no account.'),
  currency_id: (id) => field('currency_id', id),
  purchase_order_ids: (ids) => (ids.length > 0 ? { purchaseorder_ids: ids } : undefined),
  document_number: (number) => field('bill_number', number),
  posted_date: (date) => dateField('date', date),
  due_date: (date) => dateField('due_date', date),
  currency_rate: (rate) => field('exchange_rate', rate),
  status: notSupported(
    'Zoho creates bills open; POST /bills/{id}/status/void (or /open) changes the status afterwards.',
  ),
  sub_total: notSupported(COMPUTED),
  total_discount: notSupported(COMPUTED),
  tax_amount: notSupported(COMPUTED),
  total_amount: notSupported(COMPUTED),
  memo: (memo) => field('notes', memo),
  line_items: (lines) => ({ line_items: lineRequests(lines) }),
});
