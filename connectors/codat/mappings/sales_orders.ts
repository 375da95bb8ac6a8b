/**
 * Codat → ledgerspec SalesOrder (`sales_orders`).
 *
 * Codat's SalesOrder (`GET /companies/{companyId}/data/salesOrders/{salesOrderId}`): status Draft,
 * Open, Closed or Void, `invoicingStatus` for how far it has been invoiced, `shipTo` for the
 * delivery address. Read only: Codat has no push for sales orders, so the connector exports no
 * write mapping. Codat does not list the invoices raised from an order (an invoice names its
 * orders in `salesOrderRefs`, read as the invoice's sales_order_ids).
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import type { SalesOrder } from '../../../generated/types/index.js';
import { amount, enumValue, text, calendarDay } from '../../lib/values.js';
import { documentTotals, lineItems, type CodatLineItem } from '../lines.js';
import { isDeleted, rate, sourceDate, type CodatMetadata } from '../values.js';
import { address, type CodatAddress } from './contacts.js';

/** The Codat SalesOrder as its API returns it. */
export interface CodatSalesOrder {
  id: string;
  salesOrderNumber?: string | null;
  customerPurchaseOrderNumber?: string | null;
  issueDate?: string | null;
  expectedDeliveryDate?: string | null;
  note?: string | null;
  shipTo?: {
    contact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
    address?: CodatAddress | null;
  } | null;
  customerRef?: { id: string; companyName?: string | null } | null;
  status?: string | null;
  invoicingStatus?: string | null;
  currency?: string | null;
  currencyRate?: number | null;
  lineItems?: CodatLineItem[] | null;
  totalDiscount?: number | null;
  subTotal?: number | null;
  totalTaxAmount?: number | null;
  totalAmount?: number | null;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

/** Codat's status; Closed (completed) says nothing about payment, so it does not map. */
const STATUSES: Readonly<Record<string, NonNullable<SalesOrder['status']>>> = {
  Draft: 'Draft',
  Open: 'Submitted',
  Closed: 'Unknown',
  Void: 'Void',
  Unknown: 'Unknown',
};

function totals(raw: CodatSalesOrder) {
  return documentTotals(raw.lineItems, raw.subTotal, raw.totalTaxAmount, raw.totalAmount, raw.totalDiscount);
}

export const read = mapRead<'sales_orders', CodatSalesOrder>({
  addresses: (raw) => {
    const delivery = address(raw.shipTo?.address);
    return delivery ? [delivery] : [];
  },
  contact_id: (raw) => text(raw.customerRef?.id),
  currency_id: (raw) => text(raw.currency),
  // Base units per unit of the order's currency already (see `rate`).
  currency_rate: (raw) => rate(raw.currencyRate),
  delivery_date: (raw) => calendarDay(raw.expectedDeliveryDate),
  description: (raw) => text(raw.note),
  document_number: (raw) => text(raw.salesOrderNumber),
  invoice_ids: notSupported(
    "Codat's sales order does not list its invoices (an invoice names its orders: the invoice's sales_order_ids).",
  ),
  line_items: (raw) => lineItems(raw.lineItems, { type: 'SalesOrder', tax: raw.totalTaxAmount }),
  payment_mode: notSupported("Codat's sales order has no payment method."),
  platform_id: (raw) => raw.id,
  posted_date: (raw) => calendarDay(raw.issueDate),
  // An order deleted on the platform (Codat keeps returning it, flagged) no longer counts.
  status: (raw) => (isDeleted(raw.metadata) ? 'Void' : enumValue(STATUSES, raw.status, 'Unknown')),
  // Codat's subTotal is after discount: the discount is added back.
  sub_total: (raw) => totals(raw).sub_total,
  tax_amount: (raw) => totals(raw).tax_amount,
  total_amount: (raw) => amount(raw.totalAmount),
  // totalDiscount, else the sum of the lines' discounts.
  total_discount: (raw) => totals(raw).total_discount,
  updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
});
