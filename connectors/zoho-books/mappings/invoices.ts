/**
 * Zoho Books invoice (`GET /invoices/{invoice_id}`, key `invoice`) → ledgerspec Invoice
 * (`invoices`), and the unified Create body → `POST /invoices`.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import {
  INVOICE_STATUS,
  documentDiscount,
  readLineItems,
  writeLineItems,
  type ZohoLineItem,
  type ZohoLineItemRequest,
} from '../transactions.js';
import { amount, enumValue } from '../../lib/values.js';
import { dateField, zohoDateTime, zohoId, zohoIds, zohoRate, zohoText } from '../values.js';

/** The Zoho Books invoice as its API returns it: the fields mapped. */
export interface ZohoBooksInvoice {
  invoice_id: string | number;
  invoice_number?: string;
  date?: string;
  due_date?: string;
  status?: string;
  customer_id?: string | number;
  currency_id?: string | number;
  exchange_rate?: number;
  discount?: number | string;
  discount_type?: string;
  discount_total?: number;
  is_inclusive_tax?: boolean;
  price_precision?: number;
  line_items?: ZohoLineItem[];
  sub_total?: number;
  tax_total?: number;
  total?: number;
  balance?: number;
  /** Set when the invoice was raised from a sales order. */
  salesorder_id?: string | number;
  notes?: string;
  last_modified_time?: string;
}

export const read = mapRead<'invoices', ZohoBooksInvoice>({
  platform_id: (raw) => zohoId(raw.invoice_id),
  account_id: notSupported(
    'Zoho posts every invoice to its Accounts Receivable account; the invoice names no account.',
  ),
  amount_due: (raw) => amount(raw.balance),
  contact_id: (raw) => zohoText(raw.customer_id),
  currency_id: (raw) => zohoText(raw.currency_id),
  currency_rate: (raw) => zohoRate(raw.exchange_rate),
  document_number: (raw) => zohoText(raw.invoice_number),
  due_date: (raw) => zohoDateTime(raw.due_date),
  line_items: (raw) => readLineItems(raw.line_items, 'Invoice', zohoText(raw.invoice_id), raw),
  memo: (raw) => zohoText(raw.notes),
  posted_date: (raw) => zohoDateTime(raw.date),
  sales_order_ids: (raw) => zohoIds([raw.salesorder_id]),
  status: (raw) => enumValue(INVOICE_STATUS, raw.status, 'Unknown'),
  sub_total: (raw) => amount(raw.sub_total),
  tax_amount: (raw) => amount(raw.tax_total),
  total_amount: (raw) => amount(raw.total),
  total_discount: (raw) => documentDiscount(raw),
  updated_at: (raw) => zohoDateTime(raw.last_modified_time),
});

/** The body of `POST /books/v3/invoices`. */
export interface ZohoBooksInvoiceRequest {
  customer_id?: string;
  currency_id?: string;
  exchange_rate?: number;
  invoice_number?: string;
  date?: string;
  due_date?: string;
  notes?: string;
  line_items?: ZohoLineItemRequest[];
}

const COMPUTED = 'Zoho computes the totals from the lines; a create request cannot set them.';

export const write = mapWrite<'invoices', ZohoBooksInvoiceRequest>({
  account_id: notSupported(
    'Zoho posts every invoice to its Accounts Receivable account; the request takes no account.',
  ),
  contact_id: (value) => (value === null ? undefined : { customer_id: value }),
  currency_id: (value) => (value === null ? undefined : { currency_id: value }),
  currency_rate: (value) => (value === null ? undefined : { exchange_rate: value }),
  // A custom number needs `ignore_auto_number_generation=true` on the request when the
  // organisation numbers invoices automatically.
  document_number: (value) => (value === null ? undefined : { invoice_number: value }),
  due_date: (value) => dateField('due_date', value),
  line_items: (value) => ({ line_items: writeLineItems(value, { discount: true }) }),
  memo: (value) => (value === null ? undefined : { notes: value }),
  posted_date: (value) => dateField('date', value),
  sales_order_ids: notSupported(
    'Zoho links invoices to sales orders by a separate call (POST /invoices/mapwithorder) or by creating the invoice from the order.',
  ),
  status: notSupported('Zoho creates invoices as drafts; sending, marking sent or voiding are separate status calls.'),
  sub_total: notSupported(COMPUTED),
  tax_amount: notSupported(COMPUTED),
  total_amount: notSupported(COMPUTED),
  total_discount: notSupported(
    'Zoho takes discounts per line (sent with the lines) or as a percentage on the document.',
  ),
});
