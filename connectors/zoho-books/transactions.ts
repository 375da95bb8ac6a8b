/**
 * What Zoho Books' sales and purchase documents (invoices, sales orders, purchase orders, purchase
 * receives) share: line items with reporting tags, billing/shipping addresses, document discounts,
 * and the request-side line items.
 */
import type { Address, AllocationLine, LineItem } from '../../generated/types/index.js';
import { amount } from '../lib/values.js';
import {
  address,
  lineDiscount,
  tagRequests,
  trackingIds,
  zohoList,
  zohoText,
  type ZohoAddress,
  type ZohoTag,
  type ZohoTagRequest,
} from './values.js';

export type { ZohoAddress };

/** A line of an invoice, sales order or purchase order as Zoho returns it. */
export interface ZohoLineItem {
  line_item_id?: string | number;
  item_id?: string | number;
  item_order?: number;
  name?: string;
  description?: string;
  unit?: string;
  quantity?: number;
  rate?: number;
  bcy_rate?: number;
  /** A number (an amount) or a percentage string such as "10%". */
  discount?: number | string;
  discount_amount?: number;
  account_id?: string | number;
  tax_id?: string | number;
  tax_name?: string;
  tax_type?: string;
  tax_percentage?: number | string;
  /** rate × quantity less the line discount; tax included when the document is tax-inclusive. */
  item_total?: number;
  project_id?: string | number;
  tags?: ZohoTag[];
}

/** The document-level facts line amounts depend on. */
export interface ZohoLineContext {
  is_inclusive_tax?: boolean;
  price_precision?: number;
}

type LineOwner = NonNullable<LineItem['line_item_type']>;

/** Rounds to the document's precision, without float noise (5.6875 → 5.69). */
export function roundMoney(value: number, precision = 2): number {
  const factor = 10 ** precision;
  return Math.round((value + Number.EPSILON) * factor) / factor;
}

/**
 * The unified lines of a document. Zoho sends a line's tax rate, not its tax amount, so the tax is
 * computed from `item_total` and `tax_percentage` at the document's precision (Zoho's default
 * line-level rounding); on tax-inclusive documents `item_total` already contains it.
 */
export function readLineItems(
  lines: ZohoLineItem[] | ZohoLineItem | undefined,
  owner: LineOwner,
  ownerId: string | null,
  context: ZohoLineContext,
): LineItem[] {
  return zohoList(lines).map((line) => {
    const itemTotal = amount(line.item_total);
    // No tax on the line is no tax; a tax whose percentage Zoho did not send is unknown, not 0.
    const percentage = zohoText(line.tax_id) === null ? 0 : amount(line.tax_percentage);
    const tax = percentage === null ? null : lineTax(itemTotal, percentage, context);
    const subTotal =
      itemTotal === null || tax === null
        ? itemTotal
        : context.is_inclusive_tax
          ? roundMoney(itemTotal - tax, context.price_precision)
          : itemTotal;
    return {
      platform_id: zohoText(line.line_item_id),
      line_item_type: owner,
      line_item_type_id: ownerId,
      item_id: zohoText(line.item_id),
      description: zohoText(line.description) ?? zohoText(line.name),
      account_id: zohoText(line.account_id),
      quantity: amount(line.quantity),
      unit_amount: amount(line.rate),
      sub_total: subTotal,
      tax_amount: tax,
      total_amount: subTotal === null || tax === null ? null : roundMoney(subTotal + tax, context.price_precision),
      total_discount: lineDiscount(line),
      tax_id: zohoText(line.tax_id),
      project_id: zohoText(line.project_id),
      tracking_category_ids: trackingIds(line.tags),
    };
  });
}

function lineTax(itemTotal: number | null, percentage: number, context: ZohoLineContext): number | null {
  if (itemTotal === null) return null;
  const tax = context.is_inclusive_tax ? (itemTotal * percentage) / (100 + percentage) : (itemTotal * percentage) / 100;
  return roundMoney(tax, context.price_precision);
}

/** The document's discount: Zoho's `discount_total` (or the computed `discount_amount` sales
 * orders send) when sent; otherwise the sum of line discounts on item-level documents; an
 * entity-level `discount` may be a percentage, so only 0 is unambiguous there. */
export function documentDiscount(document: {
  discount_total?: number;
  discount_amount?: number;
  discount?: number | string;
  discount_type?: string;
  line_items?: ZohoLineItem[];
}): number | null {
  const explicit = amount(document.discount_total) ?? amount(document.discount_amount);
  if (explicit !== null) return explicit;
  if (document.discount_type === 'item_level') {
    return zohoList(document.line_items).reduce((sum, line) => sum + (lineDiscount(line) ?? 0), 0);
  }
  return amount(document.discount) === 0 ? 0 : null;
}

/** One unified address, or none when Zoho sent the address with every field empty. */
export function readAddress(raw: ZohoAddress | undefined, type: 'Billing' | 'Shipping'): Address[] {
  const unified = address(raw, type);
  return unified === null ? [] : [unified];
}

/** A line as Zoho's create requests take it (`POST /invoices`, `/salesorders`, `/purchaseorders`). */
export interface ZohoLineItemRequest {
  item_id?: string;
  description?: string;
  account_id?: string;
  quantity?: number;
  rate?: number;
  discount?: number;
  tax_id?: string;
  project_id?: string;
  tags?: ZohoTagRequest[];
}

/**
 * Request lines from unified ones. Null fields are left out rather than sent as null (Zoho rejects
 * null IDs); Zoho computes line totals and tax itself, so only the inputs are sent. `discount` is
 * sent as an amount, and only where the document type takes one (purchase orders do not).
 */
export function writeLineItems(lines: LineItem[], options: { discount: boolean }): ZohoLineItemRequest[] {
  return lines.map((line) => {
    const request: ZohoLineItemRequest = {};
    if (line.item_id) request.item_id = line.item_id;
    if (line.description) request.description = line.description;
    if (line.account_id) request.account_id = line.account_id;
    if (typeof line.quantity === 'number') request.quantity = line.quantity;
    if (typeof line.unit_amount === 'number') request.rate = line.unit_amount;
    if (options.discount && typeof line.total_discount === 'number' && line.total_discount !== 0)
      request.discount = line.total_discount;
    if (line.tax_id) request.tax_id = line.tax_id;
    if (line.project_id) request.project_id = line.project_id;
    const tags = tagRequests(line.tracking_category_ids);
    if (tags.length > 0) request.tags = tags;
    return request;
  });
}

type DocumentStatus = 'Draft' | 'Submitted' | 'PartiallyPaid' | 'Paid' | 'Overdue' | 'Void' | 'Unknown';

/** Invoice `status`. `sent`, `viewed`, `unpaid` and `approved` are all issued and awaiting
 * payment (Submitted); an invoice waiting for approval has not been issued yet (Draft). */
export const INVOICE_STATUS: Readonly<Record<string, DocumentStatus>> = {
  draft: 'Draft',
  pending_approval: 'Draft',
  approved: 'Submitted',
  sent: 'Submitted',
  viewed: 'Submitted',
  unpaid: 'Submitted',
  partially_paid: 'PartiallyPaid',
  paid: 'Paid',
  overdue: 'Overdue',
  void: 'Void',
};

/** Sales order `status` (order and invoicing progress). Payment progress is in `paid_status`,
 * which takes precedence (see SALES_ORDER_PAID_STATUS). */
export const SALES_ORDER_STATUS: Readonly<Record<string, DocumentStatus>> = {
  draft: 'Draft',
  pending_approval: 'Draft',
  approved: 'Submitted',
  open: 'Submitted',
  confirmed: 'Submitted',
  partially_invoiced: 'Submitted',
  invoiced: 'Submitted',
  closed: 'Submitted',
  overdue: 'Overdue',
  void: 'Void',
};

export const SALES_ORDER_PAID_STATUS: Readonly<Record<string, DocumentStatus>> = {
  partially_paid: 'PartiallyPaid',
  paid: 'Paid',
};

/** Purchase order `status` tracks billing, not payment: a billed order is still Submitted until
 * its bills are paid (worked out from `bills[]` by the purchase order mapping). */
export const PURCHASE_ORDER_STATUS: Readonly<Record<string, DocumentStatus>> = {
  draft: 'Draft',
  pending_approval: 'Draft',
  approved: 'Submitted',
  open: 'Submitted',
  issued: 'Submitted',
  partially_billed: 'Submitted',
  billed: 'Submitted',
  closed: 'Submitted',
  cancelled: 'Void',
};

/** A part of a payment Zoho reports: applied to a document, or refunded out of it. */
export interface PaymentPart {
  amount: number;
  id: string | null;
  /** When it was applied or refunded; null when the payload does not say. */
  on: string | null;
}

/**
 * The allocations of a customer or vendor payment (one helper for both): one per document the
 * payment is applied to (`documents`: null when the payload does not give the split at all, as
 * list rows), one per refund made out of it, and the unused part (`unused_amount` on customer
 * payments, `balance` on vendor payments) as its own allocation linked to PaymentOnAccount, on
 * account from the payment's date. Zoho's unused part is what is left after applications and
 * refunds, so the parts add up to the payment. A payload that gives the unused part but not the
 * split (a list row, a retainer row) says only that the rest went elsewhere: it is one allocation
 * linked to Unknown (no ID, no date) rather than left out. Zoho applies a payment only to
 * documents in its own currency, so links carry no rate; applying reduces what is owed, so a
 * link's amount is the allocation's negative.
 */
export function paymentAllocations(payment: {
  amount: number | null;
  date: string | null;
  documentType: 'Invoice' | 'Bill';
  documents: PaymentPart[] | null;
  refunds: PaymentPart[];
  unused: number | null;
}): AllocationLine[] {
  const line = (
    value: number,
    type: NonNullable<AllocationLine['links']>[number]['type'],
    id: string | null,
    on: string | null,
  ): AllocationLine => ({
    amount: value,
    allocated_on_date: on,
    links: [{ type, id, amount: -value, currency_rate: null }],
  });
  const lines = (payment.documents ?? []).map((part) =>
    line(part.amount, payment.documentType, part.id, part.on ?? payment.date),
  );
  for (const refund of payment.refunds)
    if (refund.amount !== 0) lines.push(line(refund.amount, 'Refund', refund.id, refund.on));
  const unused = payment.unused ?? 0;
  if (unused !== 0) lines.push(line(unused, 'PaymentOnAccount', null, payment.date));
  if (payment.documents === null && lines.length > 0 && payment.amount !== null) {
    const rest = roundMoney(payment.amount - lines.reduce((total, part) => total + (part.amount ?? 0), 0), 6);
    if (rest > 0) lines.push(line(rest, 'Unknown', null, null));
  }
  return lines;
}
