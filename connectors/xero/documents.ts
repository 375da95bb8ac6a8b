/**
 * Xero keeps sales invoices (`Type: ACCREC`) and bills (`Type: ACCPAY`) as one object, Invoice.
 * The record shape, the line conversions and the status table are shared by
 * mappings/invoices.ts and mappings/bills.ts.
 */
import { NO_RECORDS, type ReadContext } from '../../generated/connectors/index.js';
import type { LineItem } from '../../generated/types/index.js';
import { amount, text } from '../lib/values.js';
import { otherTypeOrDeleted, round, toXeroTracking, trackingIds, type XeroTracking } from './values.js';

/** Whether line amounts include tax. PascalCase, unlike Xero's other enums. */
export type XeroLineAmountTypes = 'Exclusive' | 'Inclusive' | 'NoTax';

export interface XeroLineItem {
  LineItemID?: string;
  Description?: string;
  Quantity?: number;
  UnitAmount?: number;
  ItemCode?: string;
  AccountCode?: string;
  AccountID?: string;
  TaxType?: string;
  TaxAmount?: number;
  LineAmount?: number;
  DiscountRate?: number;
  DiscountAmount?: number;
  Item?: { ItemID?: string; Code?: string; Name?: string };
  Tracking?: XeroTracking[];
  ValidationErrors?: unknown[];
}

/** The Invoice object as `GET /Invoices/{InvoiceID}` returns it (the fields mapped, and the
 * summaries of what is applied to it). */
export interface XeroInvoice {
  Type: 'ACCREC' | 'ACCPAY' | (string & {});
  InvoiceID: string;
  InvoiceNumber?: string;
  Reference?: string;
  Contact?: { ContactID?: string; Name?: string };
  Date?: string;
  DateString?: string;
  DueDate?: string;
  DueDateString?: string;
  Status?: string;
  LineAmountTypes?: XeroLineAmountTypes;
  LineItems?: XeroLineItem[];
  SubTotal?: number;
  TotalTax?: number;
  Total?: number;
  TotalDiscount?: number;
  AmountDue?: number;
  AmountPaid?: number;
  AmountCredited?: number;
  CurrencyCode?: string;
  CurrencyRate?: number;
  FullyPaidOnDate?: string;
  UpdatedDateUTC?: string;
  Payments?: { PaymentID?: string; Date?: string; Amount?: number; Reference?: string }[];
  CreditNotes?: unknown[];
  Prepayments?: unknown[];
  Overpayments?: unknown[];
}

type DocumentStatus = 'Draft' | 'Submitted' | 'PartiallyPaid' | 'Paid' | 'Void' | 'Unknown';

/**
 * Xero's SUBMITTED means "submitted for approval", not yet approved, so it is still a Draft in
 * unified terms; AUTHORISED (approved, awaiting payment) is Submitted, or PartiallyPaid once
 * something has been paid or credited. DELETED (a removed draft) is left out of reads (see
 * otherDocuments), as spec/README says of deleted documents. Overdue is not derived: it depends
 * on the day of the read, not on the record.
 */
export function documentStatus(raw: XeroInvoice): DocumentStatus | null {
  switch (raw.Status) {
    case undefined:
    case '':
      return null;
    case 'DRAFT':
    case 'SUBMITTED':
      return 'Draft';
    case 'AUTHORISED':
      return (raw.AmountPaid ?? 0) > 0 || (raw.AmountCredited ?? 0) > 0 ? 'PartiallyPaid' : 'Submitted';
    case 'PAID':
      return 'Paid';
    case 'VOIDED':
      return 'Void';
    default:
      return 'Unknown';
  }
}

/** Xero's GET /Invoices answers sales invoices (ACCREC) and bills (ACCPAY) alike. */
const DOCUMENT_KIND = { ACCREC: 'a sales invoice (invoices)', ACCPAY: 'a bill (bills)' } as const;

/** The skip rule of invoices and bills (see otherTypeOrDeleted). */
export const otherDocuments = (wanted: keyof typeof DOCUMENT_KIND) =>
  otherTypeOrDeleted('invoice', DOCUMENT_KIND, wanted);

/**
 * Xero creates documents as DRAFT or AUTHORISED only: a document that is already paid or overdue
 * was approved, so it is created AUTHORISED and its payments are written as payments. Void and
 * Unknown are not sent (Xero's default, DRAFT, applies).
 */
export const TO_XERO_STATUS = {
  Draft: 'DRAFT',
  Submitted: 'AUTHORISED',
  PartiallyPaid: 'AUTHORISED',
  Paid: 'AUTHORISED',
  Overdue: 'AUTHORISED',
} as const;

/**
 * One Xero line as a unified line. Unified amounts are before tax, so on tax-inclusive
 * documents the tax comes off the line amount, and off the unit price and the discount in the
 * same proportion.
 */
export function lineItem(
  line: XeroLineItem,
  amountTypes: XeroLineAmountTypes | undefined,
  owner: { type: NonNullable<LineItem['line_item_type']>; id: string },
  context: ReadContext = NO_RECORDS,
): LineItem {
  const tax = amount(line.TaxAmount);
  const gross = amount(line.LineAmount);
  const inclusive = amountTypes === 'Inclusive';
  const subTotal = gross === null ? null : inclusive ? round(gross - (tax ?? 0)) : gross;
  const lineDiscount = pretax(discount(line), inclusive, gross, subTotal);
  return {
    platform_id: text(line.LineItemID),
    line_item_type: owner.type,
    line_item_type_id: owner.id,
    description: text(line.Description),
    // Real lines name the item and the account by code only (ItemCode, AccountCode); the IDs are
    // the records' with that code.
    item_id: text(line.Item?.ItemID) ?? context.lookup('items', 'code', line.ItemCode) ?? null,
    account_id: text(line.AccountID) ?? context.lookup('accounts', 'nominal_code', line.AccountCode) ?? null,
    quantity: amount(line.Quantity),
    unit_amount: pretax(amount(line.UnitAmount), inclusive, gross, subTotal, 4),
    // Xero's LineAmount is after the discount; the unified sub_total is before it.
    sub_total: subTotal === null ? null : round(subTotal + (lineDiscount ?? 0)),
    tax_amount: tax,
    tax_id: text(line.TaxType),
    total_discount: lineDiscount,
    total_amount: subTotal === null ? null : round(subTotal + (tax ?? 0)),
    tracking_category_ids: trackingIds(line.Tracking),
  };
}

/** An amount of a tax-inclusive line without its tax: scaled by the line's net / gross. */
function pretax(
  value: number | null,
  inclusive: boolean,
  gross: number | null,
  net: number | null,
  places = 2,
): number | null {
  if (value === null || !inclusive || !gross || net === null) return value;
  return round((value * net) / gross, places);
}

/** A document's sub_total in the unified sense, before discounts: Xero's SubTotal is after them. */
export function subTotalBeforeDiscount(raw: { SubTotal?: number; TotalDiscount?: number }): number | null {
  const subTotal = amount(raw.SubTotal);
  return subTotal === null ? null : round(subTotal + (amount(raw.TotalDiscount) ?? 0));
}

/** Xero keeps either a discount amount or a discount rate (percent of quantity × unit price). */
function discount(line: XeroLineItem): number | null {
  const fixed = amount(line.DiscountAmount);
  if (fixed !== null) return fixed;
  const rate = amount(line.DiscountRate);
  const quantity = amount(line.Quantity);
  const unit = amount(line.UnitAmount);
  return rate === null || quantity === null || unit === null ? null : round((quantity * unit * rate) / 100);
}

/** A line of Xero's create body (the elements its Invoices PUT/POST documents). */
export interface XeroLineItemRequest {
  Description?: string;
  ItemCode?: string;
  Quantity?: number;
  UnitAmount?: number;
  LineAmount?: number;
  AccountID?: string;
  TaxType?: string;
  TaxAmount?: number;
  DiscountAmount?: number;
  Tracking?: XeroTracking[];
}

/**
 * A unified line as a Xero create line; the document is sent with `LineAmountTypes: Exclusive`
 * to match unified pre-tax amounts. Xero computes LineAmount from quantity and unit price, so it
 * is only sent when one of them is missing. Xero's line takes the item by its code (ItemCode):
 * the code of the item record `item_id` names, found through the context (the company's items).
 */
export function toXeroLineItem(line: LineItem, context: ReadContext = NO_RECORDS): XeroLineItemRequest {
  const request: XeroLineItemRequest = {};
  if (line.description) request.Description = line.description;
  // Xero's create line takes the item by its code: the code of the item record with that ID.
  const itemCode = context.valueOf('items', line.item_id, 'code');
  if (typeof itemCode === 'string' && itemCode !== '') request.ItemCode = itemCode;
  if (line.quantity != null) request.Quantity = line.quantity;
  if (line.unit_amount != null) request.UnitAmount = line.unit_amount;
  if ((line.quantity == null || line.unit_amount == null) && line.sub_total != null)
    request.LineAmount = round(line.sub_total - (line.total_discount ?? 0));
  if (line.account_id) request.AccountID = line.account_id;
  if (line.tax_id) request.TaxType = line.tax_id;
  if (line.tax_amount != null) request.TaxAmount = line.tax_amount;
  if (line.total_discount != null) request.DiscountAmount = line.total_discount;
  const tracking = toXeroTracking(line.tracking_category_ids);
  if (tracking.length > 0) request.Tracking = tracking;
  return request;
}

/** The create body of an invoice or a bill (single-record form of `PUT /Invoices`). */
export interface XeroInvoiceRequest {
  Type: 'ACCREC' | 'ACCPAY';
  Contact?: { ContactID: string };
  Date?: string;
  DueDate?: string;
  InvoiceNumber?: string;
  Reference?: string;
  Status?: string;
  CurrencyCode?: string;
  CurrencyRate?: number;
  LineAmountTypes?: XeroLineAmountTypes;
  LineItems?: XeroLineItemRequest[];
}
