/**
 * Zoho Books sales order (`GET /salesorders/{salesorder_id}`, key `salesorder`) → ledgerspec
 * SalesOrder (`sales_orders`), and the unified Create body → `POST /salesorders`.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import {
  SALES_ORDER_PAID_STATUS,
  SALES_ORDER_STATUS,
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

/** The Zoho Books sales order as its API returns it: the fields mapped. */
export interface ZohoBooksSalesOrder {
  salesorder_id: string | number;
  salesorder_number?: string;
  date?: string;
  shipment_date?: string;
  status?: string;
  /** `unpaid`, `partially_paid` or `paid`: how far the order's invoices are paid. */
  paid_status?: string;
  customer_id?: string | number;
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
  invoices?: { invoice_id: string }[];
  billing_address?: ZohoAddress;
  shipping_address?: ZohoAddress;
  notes?: string;
  last_modified_time?: string;
}

export const read = mapRead<'sales_orders', ZohoBooksSalesOrder>({
  platform_id: (raw) => zohoId(raw.salesorder_id),
  addresses: (raw) => [
    ...readAddress(raw.billing_address, 'Billing'),
    ...readAddress(raw.shipping_address, 'Shipping'),
  ],
  contact_id: (raw) => zohoText(raw.customer_id),
  currency_id: (raw) => zohoText(raw.currency_id),
  currency_rate: (raw) => zohoRate(raw.exchange_rate),
  delivery_date: (raw) => zohoDateTime(raw.shipment_date),
  description: (raw) => zohoText(raw.notes),
  document_number: (raw) => zohoText(raw.salesorder_number),
  invoice_ids: (raw) => zohoIds(list(raw.invoices).map((invoice) => invoice.invoice_id)),
  line_items: (raw) => readLineItems(raw.line_items, 'SalesOrder', zohoText(raw.salesorder_id), raw),
  payment_mode: notSupported('Zoho sales orders carry no payment mode; it is chosen when the invoice is paid.'),
  posted_date: (raw) => zohoDateTime(raw.date),
  // Payment progress first (a paid order is Paid whatever its invoicing state), then the order's own.
  status: (raw) =>
    (raw.paid_status ? SALES_ORDER_PAID_STATUS[raw.paid_status] : undefined) ??
    enumValue(SALES_ORDER_STATUS, raw.status, 'Unknown'),
  sub_total: (raw) => amount(raw.sub_total),
  tax_amount: (raw) => amount(raw.tax_total),
  total_amount: (raw) => amount(raw.total),
  total_discount: (raw) => documentDiscount(raw),
  updated_at: (raw) => zohoDateTime(raw.last_modified_time),
});

/** The body of `POST /books/v3/salesorders`. */
export interface ZohoBooksSalesOrderRequest {
  customer_id?: string;
  currency_id?: string;
  exchange_rate?: number;
  salesorder_number?: string;
  date?: string;
  shipment_date?: string;
  notes?: string;
  line_items?: ZohoLineItemRequest[];
}

const COMPUTED = 'Zoho computes the totals from the lines; a create request cannot set them.';

export const write = mapWrite<'sales_orders', ZohoBooksSalesOrderRequest>({
  addresses: notSupported(
    'Zoho takes addresses on a sales order by ID (billing_address_id, shipping_address_id), not inline.',
  ),
  contact_id: (value) => (value === null ? undefined : { customer_id: value }),
  currency_id: (value) => (value === null ? undefined : { currency_id: value }),
  currency_rate: (value) => (value === null ? undefined : { exchange_rate: value }),
  delivery_date: (value) => dateField('shipment_date', value),
  description: (value) => (value === null ? undefined : { notes: value }),
  // A custom number needs `ignore_auto_number_generation=true` when numbering is automatic.
  document_number: (value) => (value === null ? undefined : { salesorder_number: value }),
  invoice_ids: notSupported(
    'Invoices are linked to a sales order from the invoice side (POST /invoices/mapwithorder or /invoices/fromsalesorder).',
  ),
  line_items: (value) => ({ line_items: writeLineItems(value, { discount: true }) }),
  payment_mode: notSupported('Zoho sales orders carry no payment mode.'),
  posted_date: (value) => dateField('date', value),
  status: notSupported('Zoho creates sales orders as drafts; confirming or voiding is a separate status call.'),
  sub_total: notSupported(COMPUTED),
  tax_amount: notSupported(COMPUTED),
  total_amount: notSupported(COMPUTED),
  total_discount: notSupported(
    'Zoho takes discounts per line (sent with the lines) or as a percentage on the document.',
  ),
});
