/**
 * Codat → ledgerspec PurchaseOrder (`purchase_orders`).
 *
 * Codat's PurchaseOrder (`GET /companies/{companyId}/data/purchaseOrders/{purchaseOrderId}`):
 * status Draft, Open (sent, awaiting goods or a bill), Closed (completed) or Void; `shipTo` holds
 * the delivery address. Codat does not list the bills raised against an order (a bill names its
 * orders in `purchaseOrderRefs`, read as the bill's purchase_order_ids).
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { PurchaseOrder } from '../../../generated/types/index.js';
import { amount, enumValue, text, calendarDay } from '../../lib/values.js';
import { documentTotals, lineItems, toLineItems, toSubTotal, type CodatLineItem } from '../lines.js';
import { codatDate, isDeleted, rate, sourceDate, type CodatMetadata } from '../values.js';
import { address, toAddress, type CodatAddress } from './contacts.js';

/** The Codat PurchaseOrder as its API returns it. */
export interface CodatPurchaseOrder {
  id: string;
  purchaseOrderNumber?: string | null;
  issueDate?: string | null;
  paymentDueDate?: string | null;
  expectedDeliveryDate?: string | null;
  deliveryDate?: string | null;
  note?: string | null;
  shipTo?: {
    contact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
    address?: CodatAddress | null;
  } | null;
  supplierRef?: { id: string; supplierName?: string | null } | null;
  status?: string | null;
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
const STATUSES: Readonly<Record<string, NonNullable<PurchaseOrder['status']>>> = {
  Draft: 'Draft',
  Open: 'Submitted',
  Closed: 'Unknown',
  Void: 'Void',
  Unknown: 'Unknown',
};

const NO_BILLS =
  "Codat's purchase order does not list its bills (a bill names its orders: the bill's purchase_order_ids).";
const NO_PAYMENT_MODE = "Codat's purchase order has no payment method.";

function totals(raw: CodatPurchaseOrder) {
  return documentTotals(raw.lineItems, raw.subTotal, raw.totalTaxAmount, raw.totalAmount, raw.totalDiscount);
}

export const read = mapRead<'purchase_orders', CodatPurchaseOrder>({
  addresses: (raw) => {
    const delivery = address(raw.shipTo?.address);
    return delivery ? [delivery] : [];
  },
  bill_ids: notSupported(NO_BILLS),
  contact_id: (raw) => text(raw.supplierRef?.id),
  currency_id: (raw) => text(raw.currency),
  // Base units per unit of the order's currency already (see `rate`).
  currency_rate: (raw) => rate(raw.currencyRate),
  // When delivery is expected (deliveryDate is when it happened).
  delivery_date: (raw) => calendarDay(raw.expectedDeliveryDate),
  description: (raw) => text(raw.note),
  document_number: (raw) => text(raw.purchaseOrderNumber),
  line_items: (raw) => lineItems(raw.lineItems, { type: 'PurchaseOrder', tax: raw.totalTaxAmount }),
  payment_mode: notSupported(NO_PAYMENT_MODE),
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

/** The body of POST /companies/{companyId}/connections/{connectionId}/push/purchaseOrders. */
export interface CodatPurchaseOrderRequest {
  purchaseOrderNumber?: string;
  issueDate?: string;
  expectedDeliveryDate?: string;
  note?: string;
  shipTo?: { address?: CodatAddress };
  supplierRef?: { id: string };
  status?: string;
  currency?: string;
  currencyRate?: number;
  lineItems?: CodatLineItem[];
  totalDiscount?: number;
  subTotal?: number;
  totalTaxAmount?: number;
  totalAmount?: number;
}

const CODAT_STATUSES: Readonly<Record<NonNullable<PurchaseOrder['status']>, string | undefined>> = {
  Draft: 'Draft',
  Submitted: 'Open',
  PartiallyPaid: 'Open',
  Overdue: 'Open',
  Paid: undefined,
  Void: 'Void',
  Unknown: undefined,
};

export const write = mapWrite<'purchase_orders', CodatPurchaseOrderRequest>({
  // Codat takes one delivery address.
  addresses: (value) => {
    const delivery = value.find((entry) => entry.type === 'Shipping') ?? value[0];
    return delivery ? { shipTo: { address: { ...toAddress(delivery), type: 'Delivery' } } } : undefined;
  },
  bill_ids: notSupported(NO_BILLS),
  contact_id: (value) => (value === null ? undefined : { supplierRef: { id: value } }),
  currency_id: (value) => (value === null ? undefined : { currency: value }),
  currency_rate: (value) => (value === null ? undefined : { currencyRate: value }),
  // Calendar dates as written, without a zone (Codat reads them as the business's local dates).
  delivery_date: (value) => (value === null ? undefined : { expectedDeliveryDate: codatDate(value) }),
  description: (value) => (value === null ? undefined : { note: value }),
  document_number: (value) => (value === null ? undefined : { purchaseOrderNumber: value }),
  line_items: (value) => ({ lineItems: toLineItems(value) }),
  payment_mode: notSupported(NO_PAYMENT_MODE),
  posted_date: (value) => (value === null ? undefined : { issueDate: codatDate(value) }),
  status: (value) => (value === null || !CODAT_STATUSES[value] ? undefined : { status: CODAT_STATUSES[value] }),
  // Codat's subTotal is after discount.
  sub_total: (value, body) => (value === null ? undefined : { subTotal: toSubTotal(value, body) }),
  tax_amount: (value) => (value === null ? undefined : { totalTaxAmount: value }),
  total_amount: (value) => (value === null ? undefined : { totalAmount: value }),
  total_discount: (value) => (value === null ? undefined : { totalDiscount: value }),
});
