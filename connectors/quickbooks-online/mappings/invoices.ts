/**
 * QuickBooks Online → ledgerspec Invoice (`invoices`).
 *
 * QBO `Invoice` (`/v3/company/{realmId}/invoice/{id}`). `Line` is polymorphic by `DetailType`:
 * item lines (SalesItemLineDetail, also inside GroupLineDetail bundles) become line items; the
 * computed SubTotalLineDetail gives sub_total and DiscountLineDetail lines total_discount. QBO has no
 * status field: it follows from TotalAmt and Balance, and a voided invoice (amounts zeroed, "Voided"
 * note) is Void. Deleted invoices (change data capture) are left out: the unified invoice has no
 * Deleted status. On US companies a line's TaxCodeRef is the pseudo code TAX or NON, which is no
 * tax rate: a TAX line is taxed at the invoice's TxnTaxCodeRef, a NON line not at all.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { CreateBodies, MappedRecords } from '../../../generated/connectors/index.js';
import { amount, baseRate, dateTime, text } from '../../lib/values.js';
import {
  documentStatus,
  isDeleted,
  lastUpdated,
  lineTaxId,
  qboId,
  ref,
  toQboDate,
  unlessNull,
  type QboEntity,
  type QboLinkedTxn,
  type QboRef,
} from '../values.js';
import { lineClassId } from './tracking_categories.js';

export interface QboSalesItemLineDetail {
  ItemRef?: QboRef;
  ItemAccountRef?: QboRef;
  ClassRef?: QboRef;
  UnitPrice?: number;
  Qty?: number;
  TaxCodeRef?: QboRef;
  ServiceDate?: string;
}

/** One `Line` of a sales form; which detail block is present follows `DetailType`. */
export interface QboSalesLine {
  Id?: string;
  LineNum?: number;
  Description?: string;
  Amount?: number;
  DetailType: string;
  SalesItemLineDetail?: QboSalesItemLineDetail;
  GroupLineDetail?: { GroupItemRef?: QboRef; Quantity?: number; Line?: QboSalesLine[] };
  DiscountLineDetail?: { PercentBased?: boolean; DiscountPercent?: number; DiscountAccountRef?: QboRef };
  SubTotalLineDetail?: Record<string, never>;
  DescriptionLineDetail?: Record<string, unknown>;
}

/** The QBO Invoice as its API returns it. */
export interface QuickBooksOnlineInvoice extends QboEntity {
  DocNumber?: string;
  TxnDate?: string;
  DueDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  CustomerRef?: QboRef;
  CustomerMemo?: { value?: string };
  PrivateNote?: string;
  LinkedTxn?: QboLinkedTxn[];
  Line?: QboSalesLine[];
  TxnTaxDetail?: { TxnTaxCodeRef?: QboRef; TotalTax?: number; TaxLine?: unknown[] };
  TotalAmt?: number;
  Balance?: number;
  GlobalTaxCalculation?: string;
}

type LineItem = NonNullable<MappedRecords['invoices']['line_items']>[number];

/** Item lines, with a bundle's (GroupLineDetail) component lines in its place. Description-only
 * lines are text printed on the form, not something billed, and are left out. */
export function itemLines(lines: QboSalesLine[] | undefined): QboSalesLine[] {
  return (lines ?? []).flatMap((line) => {
    if (line.DetailType === 'GroupLineDetail') return itemLines(line.GroupLineDetail?.Line);
    return line.DetailType === 'SalesItemLineDetail' ? [line] : [];
  });
}

/** A sales line (of an invoice or credit memo: `type` and `ownerId` say which) as a unified line
 * item. QBO keeps tax per document (TxnTaxDetail), so lines have no tax or total of their own;
 * `tax_id` is the line's tax code, or on US companies the document's code for a TAX line and none
 * for a NON line. */
export function salesLineItem(
  line: QboSalesLine,
  type: LineItem['line_item_type'],
  ownerId: string,
  documentTaxCode: QboRef | undefined,
): LineItem {
  const detail = line.SalesItemLineDetail;
  const classId = ref(detail?.ClassRef);
  return {
    platform_id: text(line.Id),
    line_item_type: type,
    line_item_type_id: ownerId,
    description: text(line.Description),
    item_id: ref(detail?.ItemRef),
    account_id: ref(detail?.ItemAccountRef),
    quantity: amount(detail?.Qty),
    unit_amount: amount(detail?.UnitPrice),
    sub_total: amount(line.Amount),
    tax_id: lineTaxId(detail?.TaxCodeRef, documentTaxCode),
    tracking_category_ids: classId === null ? [] : [classId],
  };
}

const lineItem = (line: QboSalesLine, invoice: QuickBooksOnlineInvoice): LineItem =>
  salesLineItem(line, 'Invoice', qboId(invoice), invoice.TxnTaxDetail?.TxnTaxCodeRef);

const sum = (values: (number | undefined)[]): number =>
  values.reduce<number>((total, value) => total + (value ?? 0), 0);

/** The computed SubTotalLineDetail amount; the item lines' sum when QBO left that line out. */
export function subTotal(raw: { Line?: QboSalesLine[] }): number | null {
  const computed = raw.Line?.find((line) => line.DetailType === 'SubTotalLineDetail');
  if (computed) return amount(computed.Amount);
  return raw.Line ? sum(itemLines(raw.Line).map((line) => line.Amount)) : null;
}

export const read = mapRead<'invoices', QuickBooksOnlineInvoice>(
  {
    account_id: notSupported('QBO posts invoices to the A/R account without naming it on the Invoice.'),
    amount_due: (raw) => amount(raw.Balance),
    contact_id: (raw) => ref(raw.CustomerRef),
    currency_id: (raw) => ref(raw.CurrencyRef),
    currency_rate: (raw) => baseRate(raw.ExchangeRate, 'base-per-foreign'),
    document_number: (raw) => text(raw.DocNumber),
    due_date: (raw) => dateTime(raw.DueDate),
    line_items: (raw) => itemLines(raw.Line).map((line) => lineItem(line, raw)),
    memo: (raw) => text(raw.CustomerMemo?.value),
    platform_id: qboId,
    posted_date: (raw) => dateTime(raw.TxnDate),
    sales_order_ids: notSupported('QBO has no sales orders.'),
    status: documentStatus,
    sub_total: subTotal,
    tax_amount: (raw) => amount(raw.TxnTaxDetail?.TotalTax),
    total_amount: (raw) => amount(raw.TotalAmt),
    // No DiscountLineDetail line means no discount.
    total_discount: (raw) =>
      raw.Line
        ? sum(raw.Line.filter((line) => line.DetailType === 'DiscountLineDetail').map((line) => line.Amount))
        : null,
    updated_at: lastUpdated,
  },
  {
    skip: (raw) =>
      isDeleted(raw) ? 'deleted on QuickBooks Online (the unified invoice has no Deleted status)' : undefined,
  },
);

/** The body of POST /v3/company/{realmId}/invoice. */
export interface QuickBooksOnlineInvoiceRequest {
  CustomerRef?: QboRef;
  DocNumber?: string;
  TxnDate?: string;
  DueDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  CustomerMemo?: { value: string };
  TxnTaxDetail?: { TotalTax?: number; TxnTaxCodeRef?: QboRef };
  Line?: QboSalesLine[];
}

type RequestLine = NonNullable<CreateBodies['invoices']['line_items']>[number];

/** QBO requires each line's Amount; it is the line before tax. */
const lineAmount = (line: RequestLine): number =>
  line.sub_total ?? line.total_amount ?? (line.quantity ?? 1) * (line.unit_amount ?? 0);

/** A unified line item as a SalesItemLineDetail line (QBO falls back to its default item when
 * there is no ItemRef). Only the first class fits: a sales line has one ClassRef (departments are
 * passed over). */
export function toSalesLine(line: RequestLine): QboSalesLine {
  const detail: QboSalesItemLineDetail = {};
  if (line.item_id) detail.ItemRef = { value: line.item_id };
  if (line.account_id) detail.ItemAccountRef = { value: line.account_id };
  if (line.quantity !== null && line.quantity !== undefined) detail.Qty = line.quantity;
  if (line.unit_amount !== null && line.unit_amount !== undefined) detail.UnitPrice = line.unit_amount;
  if (line.tax_id) detail.TaxCodeRef = { value: line.tax_id };
  const classId = lineClassId(line.tracking_category_ids);
  if (classId) detail.ClassRef = { value: classId };
  return {
    Amount: lineAmount(line),
    DetailType: 'SalesItemLineDetail',
    ...(line.description ? { Description: line.description } : {}),
    SalesItemLineDetail: detail,
  };
}

export const write = mapWrite<'invoices', QuickBooksOnlineInvoiceRequest>({
  account_id: notSupported('QBO posts invoices to the A/R account without naming it on the Invoice.'),
  contact_id: unlessNull((value: string) => ({ CustomerRef: { value } })),
  currency_id: unlessNull((value: string) => ({ CurrencyRef: { value } })),
  currency_rate: unlessNull((value: number) => ({ ExchangeRate: value })),
  document_number: unlessNull((value: string) => ({ DocNumber: value })),
  due_date: unlessNull((value: string) => ({ DueDate: toQboDate(value) })),
  line_items: (value) => ({ Line: value.map(toSalesLine) }),
  memo: unlessNull((value: string) => ({ CustomerMemo: { value } })),
  posted_date: unlessNull((value: string) => ({ TxnDate: toQboDate(value) })),
  sales_order_ids: notSupported('QBO has no sales orders.'),
  status: notSupported('QBO has no invoice status to set: it follows from payments against the invoice.'),
  sub_total: notSupported('QBO computes the subtotal from the lines.'),
  // An explicit total tax overrides QBO's own calculation (companies without automated sales tax).
  tax_amount: unlessNull((value: number) => ({ TxnTaxDetail: { TotalTax: value } })),
  total_amount: notSupported('QBO computes TotalAmt from the lines, discount and tax.'),
  total_discount: (value) =>
    value
      ? { Line: [{ Amount: value, DetailType: 'DiscountLineDetail', DiscountLineDetail: { PercentBased: false } }] }
      : undefined,
});
