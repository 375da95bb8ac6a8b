/**
 * What Zoho Books' sales and purchase documents (invoices, sales orders, purchase orders, purchase
 * receives) share: line items with reporting tags, billing/shipping addresses, document discounts,
 * and the request-side line items.
 */
import type { Address, LineItem } from '../../generated/types/index.js';
import { amount, list, text } from '../lib/values.js';
import type { ZohoAddress } from './values.js';

export type { ZohoAddress };

/** A reporting tag as Zoho attaches it to a line (`tags[]`): the tag and the option chosen. */
export interface ZohoLineTag {
  tag_id: string;
  tag_name?: string;
  tag_option_id: string;
  tag_option_name?: string;
  is_tag_mandatory?: boolean;
}

/** A line of an invoice, sales order or purchase order as Zoho returns it. */
export interface ZohoLineItem {
  line_item_id: string;
  item_id?: string;
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
  account_id?: string;
  tax_id?: string;
  tax_name?: string;
  tax_type?: string;
  tax_percentage?: number;
  /** rate × quantity less the line discount; tax included when the document is tax-inclusive. */
  item_total?: number;
  project_id?: string;
  tags?: ZohoLineTag[];
}

/** The document-level facts line amounts depend on. */
export interface ZohoLineContext {
  is_inclusive_tax?: boolean;
  price_precision?: number;
}

type LineOwner = NonNullable<LineItem['line_item_type']>;

/**
 * A tag option's tracking-category ID: the tag's and the option's IDs joined by an underscore
 * (the spec's form for an option under a parent category), so a write can send both back.
 */
export function trackingCategoryId(tag: ZohoLineTag): string {
  return text(tag.tag_option_id) === null ? tag.tag_id : `${tag.tag_id}_${tag.tag_option_id}`;
}

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
  lines: ZohoLineItem[] | undefined,
  owner: LineOwner,
  ownerId: string,
  context: ZohoLineContext,
): LineItem[] {
  return list(lines).map((line) => {
    const itemTotal = amount(line.item_total);
    const tax = lineTax(itemTotal, amount(line.tax_percentage) ?? 0, context);
    const subTotal = itemTotal === null || tax === null ? itemTotal : context.is_inclusive_tax ? roundMoney(itemTotal - tax, context.price_precision) : itemTotal;
    return {
      platform_id: text(line.line_item_id),
      line_item_type: owner,
      line_item_type_id: ownerId,
      item_id: text(line.item_id),
      description: text(line.description) ?? text(line.name),
      account_id: text(line.account_id),
      quantity: amount(line.quantity),
      unit_amount: amount(line.rate),
      sub_total: subTotal,
      tax_amount: tax,
      total_amount: subTotal === null || tax === null ? null : roundMoney(subTotal + tax, context.price_precision),
      total_discount: lineDiscount(line),
      tax_id: text(line.tax_id),
      project_id: text(line.project_id),
      tracking_category_ids: list(line.tags).map(trackingCategoryId),
    };
  });
}

function lineTax(itemTotal: number | null, percentage: number, context: ZohoLineContext): number | null {
  if (itemTotal === null) return null;
  const tax = context.is_inclusive_tax ? (itemTotal * percentage) / (100 + percentage) : (itemTotal * percentage) / 100;
  return roundMoney(tax, context.price_precision);
}

/** `discount_amount` when Zoho computed it; otherwise `discount` only when it is an amount (a
 * number), since a string is a percentage. */
function lineDiscount(line: ZohoLineItem): number | null {
  return amount(line.discount_amount) ?? (typeof line.discount === 'number' ? line.discount : null);
}

/** The document's discount: Zoho's `discount_total` when sent; otherwise the sum of line
 * discounts on item-level documents; an entity-level `discount` may be a percentage, so only 0 is
 * unambiguous there. */
export function documentDiscount(document: {
  discount_total?: number;
  discount?: number | string;
  discount_type?: string;
  line_items?: ZohoLineItem[];
}): number | null {
  const explicit = amount(document.discount_total);
  if (explicit !== null) return explicit;
  if (document.discount_type === 'item_level') {
    return list(document.line_items).reduce((sum, line) => sum + (lineDiscount(line) ?? 0), 0);
  }
  return amount(document.discount) === 0 ? 0 : null;
}

/** One unified address, or none when Zoho sent the address with every field empty. */
export function readAddress(address: ZohoAddress | undefined, type: 'Billing' | 'Shipping'): Address[] {
  if (!address) return [];
  const street = [address.address, address.street2].map(text).filter((part) => part !== null).join('\n');
  const unified: Address = {
    type,
    street: street === '' ? null : street,
    city: text(address.city),
    state: text(address.state),
    postal_code: text(address.zip),
    country: text(address.country),
  };
  return Object.values(unified).some((value) => value !== null && value !== type) ? [unified] : [];
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
  tags?: { tag_id: string; tag_option_id: string }[];
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
    if (options.discount && typeof line.total_discount === 'number' && line.total_discount !== 0) request.discount = line.total_discount;
    if (line.tax_id) request.tax_id = line.tax_id;
    if (line.project_id) request.project_id = line.project_id;
    const tags = list(line.tracking_category_ids).map(writeTag).filter((tag) => tag !== null);
    if (tags.length > 0) request.tags = tags;
    return request;
  });
}

/** A tracking-category ID (`tag_option`) back into the tag/option pair Zoho's lines take; a bare
 * tag ID (no option) cannot be put on a line. */
export function writeTag(id: string): { tag_id: string; tag_option_id: string } | null {
  const [tagId, optionId] = id.split('_');
  return tagId && optionId ? { tag_id: tagId, tag_option_id: optionId } : null;
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
