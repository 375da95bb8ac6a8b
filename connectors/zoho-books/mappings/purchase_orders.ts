/**
 * Zoho Books purchase order (`GET /purchaseorders/{purchaseorder_id}`, key `purchaseorder`) →
 * ledgerspec PurchaseOrder (`purchase_orders`), and the unified Create body → `POST /purchaseorders`.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import {
  PURCHASE_ORDER_STATUS,
  documentDiscount,
  readAddress,
  readLineItems,
  writeLineItems,
  type ZohoAddress,
  type ZohoLineItem,
  type ZohoLineItemRequest,
} from '../transactions.js';
import { amount, enumValue, list } from '../../lib/values.js';
import { dateField, zohoDateTime, zohoId, zohoIds, zohoRate, zohoText } from '../values.js';

/** A bill raised against the order, as the order lists it. */
export interface ZohoBooksPurchaseOrderBill {
  bill_id: string | number;
  total?: number;
  balance?: number;
}

/** The Zoho Books purchase order as its API returns it: the fields mapped. */
export interface ZohoBooksPurchaseOrder {
  purchaseorder_id: string | number;
  purchaseorder_number?: string;
  date?: string;
  delivery_date?: string;
  expected_delivery_date?: string;
  status?: string;
  vendor_id?: string | number;
  currency_id?: string | number;
  exchange_rate?: number;
  is_inclusive_tax?: boolean;
  price_precision?: number;
  discount?: number | string;
  discount_type?: string;
  discount_total?: number;
  line_items?: ZohoLineItem[];
  sub_total?: number;
  tax_total?: number;
  total?: number;
  bills?: ZohoBooksPurchaseOrderBill[];
  billing_address?: ZohoAddress;
  delivery_address?: ZohoAddress;
  notes?: string;
  last_modified_time?: string;
}

/**
 * Zoho's status says how far the order is billed; whether it is paid is read off its bills: a
 * fully billed order whose bills have no balance left is Paid, one with some bill paid in part
 * or whole is PartiallyPaid.
 */
function status(raw: ZohoBooksPurchaseOrder) {
  const base = enumValue(PURCHASE_ORDER_STATUS, raw.status, 'Unknown');
  const bills = list(raw.bills);
  if (base !== 'Submitted' || bills.length === 0) return base;
  const settled = (bill: ZohoBooksPurchaseOrderBill) => amount(bill.balance) === 0;
  const touched = (bill: ZohoBooksPurchaseOrderBill) => (amount(bill.balance) ?? 0) < (amount(bill.total) ?? 0);
  if ((raw.status === 'billed' || raw.status === 'closed') && bills.every(settled)) return 'Paid';
  return bills.some(touched) ? 'PartiallyPaid' : base;
}

export const read = mapRead<'purchase_orders', ZohoBooksPurchaseOrder>({
  platform_id: (raw) => zohoId(raw.purchaseorder_id),
  addresses: (raw) => [
    ...readAddress(raw.billing_address, 'Billing'),
    ...readAddress(raw.delivery_address, 'Shipping'),
  ],
  bill_ids: (raw) => zohoIds(list(raw.bills).map((bill) => bill.bill_id)),
  contact_id: (raw) => zohoText(raw.vendor_id),
  currency_id: (raw) => zohoText(raw.currency_id),
  currency_rate: (raw) => zohoRate(raw.exchange_rate),
  delivery_date: (raw) => zohoDateTime(raw.delivery_date || raw.expected_delivery_date),
  description: (raw) => zohoText(raw.notes),
  document_number: (raw) => zohoText(raw.purchaseorder_number),
  line_items: (raw) => readLineItems(raw.line_items, 'PurchaseOrder', zohoText(raw.purchaseorder_id), raw),
  payment_mode: notSupported('Zoho purchase orders carry no payment mode; it is chosen when the bill is paid.'),
  posted_date: (raw) => zohoDateTime(raw.date),
  status: (raw) => status(raw),
  sub_total: (raw) => amount(raw.sub_total),
  tax_amount: (raw) => amount(raw.tax_total),
  total_amount: (raw) => amount(raw.total),
  total_discount: (raw) => documentDiscount(raw),
  updated_at: (raw) => zohoDateTime(raw.last_modified_time),
});

/** The body of `POST /books/v3/purchaseorders`. */
export interface ZohoBooksPurchaseOrderRequest {
  vendor_id?: string;
  currency_id?: string;
  exchange_rate?: number;
  purchaseorder_number?: string;
  date?: string;
  delivery_date?: string;
  notes?: string;
  line_items?: ZohoLineItemRequest[];
}

const COMPUTED = 'Zoho computes the totals from the lines; a create request cannot set them.';

export const write = mapWrite<'purchase_orders', ZohoBooksPurchaseOrderRequest>({
  addresses: notSupported(
    'Zoho takes addresses on a purchase order by ID (billing_address_id, delivery_org_address_id), not inline.',
  ),
  bill_ids: notSupported(
    'Bills are linked to an order from the bill (created from the purchase order), not on the order.',
  ),
  contact_id: (value) => (value === null ? undefined : { vendor_id: value }),
  currency_id: (value) => (value === null ? undefined : { currency_id: value }),
  currency_rate: (value) => (value === null ? undefined : { exchange_rate: value }),
  delivery_date: (value) => dateField('delivery_date', value),
  description: (value) => (value === null ? undefined : { notes: value }),
  // A custom number needs `ignore_auto_number_generation=true` when numbering is automatic.
  document_number: (value) => (value === null ? undefined : { purchaseorder_number: value }),
  line_items: (value) => ({ line_items: writeLineItems(value, { discount: false }) }),
  payment_mode: notSupported('Zoho purchase orders carry no payment mode.'),
  posted_date: (value) => dateField('date', value),
  status: notSupported('Zoho creates purchase orders as drafts; issuing or cancelling is a separate status call.'),
  sub_total: notSupported(COMPUTED),
  tax_amount: notSupported(COMPUTED),
  total_amount: notSupported(COMPUTED),
  total_discount: notSupported(
    'Zoho purchase order lines take no discount; a document discount is a percentage or amount field of its own.',
  ),
});
