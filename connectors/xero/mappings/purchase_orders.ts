/**
 * Xero → ledgerspec PurchaseOrder (`purchase_orders`): Xero's PurchaseOrder
 * (`GET /PurchaseOrders/{PurchaseOrderID}`, `PUT /PurchaseOrders`).
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { Address } from '../../../generated/types/index.js';
import { amount, list, text } from '../../lib/values.js';
import {
  lineItem,
  subTotalBeforeDiscount,
  toXeroLineItem,
  type XeroLineAmountTypes,
  type XeroLineItem,
  type XeroLineItemRequest,
} from '../documents.js';
import { fromXeroRate, toXeroDate, toXeroEnum, toXeroRate, xeroDate } from '../values.js';

export interface XeroPurchaseOrder {
  PurchaseOrderID: string;
  PurchaseOrderNumber?: string;
  Type?: string;
  Reference?: string;
  Contact?: { ContactID?: string; Name?: string };
  Date?: string;
  DateString?: string;
  DeliveryDate?: string;
  DeliveryDateString?: string;
  DeliveryAddress?: string;
  AttentionTo?: string;
  Telephone?: string;
  DeliveryInstructions?: string;
  Status?: string;
  LineAmountTypes?: XeroLineAmountTypes;
  LineItems?: XeroLineItem[];
  SubTotal?: number;
  TotalTax?: number;
  Total?: number;
  TotalDiscount?: number;
  CurrencyCode?: string;
  CurrencyRate?: number;
  SentToContact?: boolean;
  UpdatedDateUTC?: string;
}

type Status = 'Draft' | 'Submitted' | 'Unknown';

/**
 * Xero's purchase order statuses: DRAFT; SUBMITTED (awaiting approval, still a Draft as on
 * invoices); AUTHORISED (approved, the order placed with the supplier) → Submitted. BILLED says a
 * bill was raised from the order, not whether it is paid (and the order does not name the bill to
 * look at), so it is Unknown rather than a guess at PartiallyPaid or Paid. DELETED orders are left
 * out (skip), as the spec wants of deleted documents.
 */
function status(raw: XeroPurchaseOrder): Status | null {
  switch (raw.Status) {
    case undefined:
    case '':
      return null;
    case 'DRAFT':
    case 'SUBMITTED':
      return 'Draft';
    case 'AUTHORISED':
      return 'Submitted';
    default:
      return 'Unknown';
  }
}

/** Xero creates purchase orders DRAFT, SUBMITTED or AUTHORISED; paid, overdue, void and unknown
 * states are not created (Xero's default, DRAFT, applies). */
const TO_XERO_STATUS = { Draft: 'DRAFT', Submitted: 'AUTHORISED' } as const;

/**
 * Xero keeps the delivery address as one free-text block (`DeliveryAddress`, lines separated by
 * line breaks), not in parts: it is the order's one Shipping address, its text the street.
 */
function addresses(raw: XeroPurchaseOrder): Address[] {
  const street = text(raw.DeliveryAddress);
  return street === null
    ? []
    : [{ type: 'Shipping', street, city: null, state: null, postal_code: null, country: null }];
}

const NO_BILLS =
  "Xero's PurchaseOrder does not name the bills raised from it (BILLED says only that one was), and its bills do not name the order.";
const NO_PAYMENT_MODE = 'Xero records no payment method on a purchase order.';
const COMPUTED = 'Xero computes the totals from the lines; they are read-only on its PurchaseOrder.';

export const read = mapRead<'purchase_orders', XeroPurchaseOrder>(
  {
    platform_id: (raw) => raw.PurchaseOrderID,
    contact_id: (raw) => text(raw.Contact?.ContactID),
    currency_id: (raw) => text(raw.CurrencyCode),
    bill_ids: notSupported(NO_BILLS),
    document_number: (raw) => text(raw.PurchaseOrderNumber),
    posted_date: (raw) => xeroDate(raw.Date),
    delivery_date: (raw) => xeroDate(raw.DeliveryDate),
    // Xero quotes foreign per base (1 on base-currency orders); the spec wants base per foreign.
    currency_rate: (raw) => fromXeroRate(raw.CurrencyRate),
    status: (raw) => status(raw),
    payment_mode: notSupported(NO_PAYMENT_MODE),
    // Reference ("additional reference number") is the order's free text; delivery instructions
    // are for the delivery, not a note on the order.
    description: (raw) => text(raw.Reference),
    sub_total: (raw) => subTotalBeforeDiscount(raw),
    total_discount: (raw) => amount(raw.TotalDiscount),
    tax_amount: (raw) => amount(raw.TotalTax),
    total_amount: (raw) => amount(raw.Total),
    addresses: (raw) => addresses(raw),
    line_items: (raw, context) =>
      list(raw.LineItems).map((line) =>
        lineItem(line, raw.LineAmountTypes, { type: 'PurchaseOrder', id: raw.PurchaseOrderID }, context),
      ),
    updated_at: (raw) => xeroDate(raw.UpdatedDateUTC),
  },
  {
    skip: (raw) =>
      raw.Status === 'DELETED' ? 'a DELETED Xero purchase order: deleted documents are left out of reads' : undefined,
  },
);

/** The create body of `PUT /PurchaseOrders` (one purchase order). */
export interface XeroPurchaseOrderRequest {
  Contact?: { ContactID: string };
  Date?: string;
  DeliveryDate?: string;
  PurchaseOrderNumber?: string;
  Reference?: string;
  Status?: string;
  CurrencyCode?: string;
  CurrencyRate?: number;
  DeliveryAddress?: string;
  LineAmountTypes?: XeroLineAmountTypes;
  LineItems?: XeroLineItemRequest[];
}

export const write = mapWrite<'purchase_orders', XeroPurchaseOrderRequest>({
  contact_id: (id) => (id ? { Contact: { ContactID: id } } : undefined),
  currency_id: (code) => (code ? { CurrencyCode: code } : undefined),
  bill_ids: notSupported(NO_BILLS),
  document_number: (number) => (number ? { PurchaseOrderNumber: number } : undefined),
  posted_date: (date) => (date ? { Date: toXeroDate(date) } : undefined),
  delivery_date: (date) => (date ? { DeliveryDate: toXeroDate(date) } : undefined),
  currency_rate: (rate) => {
    const xero = toXeroRate(rate);
    return xero !== undefined ? { CurrencyRate: xero } : undefined;
  },
  status: (value) => {
    const xero = toXeroEnum(TO_XERO_STATUS, value);
    return xero ? { Status: xero } : undefined;
  },
  payment_mode: notSupported(NO_PAYMENT_MODE),
  description: (value) => (value ? { Reference: value } : undefined),
  sub_total: notSupported(COMPUTED),
  total_discount: notSupported(`${COMPUTED} Discounts are sent per line (DiscountAmount).`),
  tax_amount: notSupported(COMPUTED),
  total_amount: notSupported(COMPUTED),
  // Xero has one delivery address, as text: the first address's parts, one per line.
  addresses: (list_) => {
    const first = list_[0];
    if (!first) return undefined;
    const parts = [first.street, first.city, first.state, first.postal_code, first.country].filter(
      (part): part is string => typeof part === 'string' && part !== '',
    );
    return parts.length > 0 ? { DeliveryAddress: parts.join('\n') } : undefined;
  },
  // The lines always come (they are required), and say their amounts are before tax.
  line_items: (lines, _body, context) => ({
    LineAmountTypes: 'Exclusive',
    LineItems: lines.map((line) => toXeroLineItem(line, context)),
  }),
});
