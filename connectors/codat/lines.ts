/**
 * Codat's line items, the same shape on invoices, credit notes, bills, bill credit notes, purchase
 * and sales orders: amounts as JSON numbers, the account, item and tax rate as `…Ref` objects,
 * tracking as `trackingCategoryRefs`.
 */
import type { LineItem } from '../../generated/types/index.js';
import { amount, compact, text } from '../lib/values.js';

export interface CodatRefId {
  id?: string | null;
  name?: string | null;
}

export interface CodatLineItem {
  description?: string | null;
  unitAmount?: number | null;
  quantity?: number | null;
  discountAmount?: number | null;
  discountPercentage?: number | null;
  /** After discount, before tax ("inclusive of discounts but exclusive of tax"): the unified
   * line's sub_total less its total_discount. */
  subTotal?: number | null;
  taxAmount?: number | null;
  /** Including tax (on reads; Xero pushes take it without tax). */
  totalAmount?: number | null;
  accountRef?: CodatRefId | null;
  taxRateRef?: (CodatRefId & { effectiveTaxRate?: number | null }) | null;
  itemRef?: CodatRefId | null;
  trackingCategoryRefs?: (CodatRefId | null)[] | null;
  /** Newer shape of the same tags: `categoryRefs`, or `recordRefs` with a data type. */
  tracking?: {
    categoryRefs?: (CodatRefId | null)[] | null;
    recordRefs?: ((CodatRefId & { dataType?: string | null }) | null)[] | null;
  } | null;
  isDirectIncome?: boolean;
  isDirectCost?: boolean;
}

/** The tracking categories a line is tagged with, from `trackingCategoryRefs` and from the newer
 * `tracking` object (`categoryRefs`, and `recordRefs` of data type trackingCategories), once each. */
function trackingIds(line: CodatLineItem): string[] {
  const refs = [
    ...(line.trackingCategoryRefs ?? []),
    ...(line.tracking?.categoryRefs ?? []),
    ...(line.tracking?.recordRefs ?? []).filter((ref) => ref?.dataType === 'trackingCategories'),
  ];
  return [...new Set(compact(refs.map((ref) => text(ref?.id))))];
}

/** Amounts added or subtracted here, rounded back to what was sent: 2026.4 − 202.64 is
 * 1823.7600000000002 in floating point, 1823.76 here. */
function money(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}

/** Codat's after-discount `subTotal` plus the discount: the unified, before-discount sub_total. */
function beforeDiscount(subTotal: unknown, discount: number | null): number | null {
  const sub = amount(subTotal);
  return sub === null ? null : money(sub + (discount ?? 0));
}

/** A unified before-discount sub_total less the discount: Codat's after-discount `subTotal`. */
function afterDiscount(subTotal: number, discount: number | null | undefined): number {
  return money(subTotal - (discount ?? 0));
}

/**
 * Whether the platform taxes the document as a whole rather than its lines: the document has tax
 * but no line has any (QuickBooks Desktop's US sales tax, computed on the invoice, leaves every
 * line's `taxAmount` at 0). A line's tax is then unknown, not 0.
 */
function taxedAtDocumentLevel(lines: readonly CodatLineItem[], documentTax: unknown): boolean {
  const tax = amount(documentTax);
  return (
    lines.length > 0 &&
    tax !== null &&
    Math.abs(tax) > 0.005 &&
    lines.every((line) => (amount(line.taxAmount) ?? 0) === 0)
  );
}

/** The unified lines of a Codat document, each with the owner's kind. The owner's id
 * (`line_item_type_id`) is left out: it is the record's own platform_id, which a write cannot
 * carry (the platform gives the new record its id), so the round trip would never match it.
 * `tax` is the document's tax (its `totalTaxAmount` or `taxAmount`): when the lines carry none
 * of it, their tax is unknown (null) rather than 0. Codat's line `subTotal` is after the line's
 * discount, the unified sub_total before it: the discount is added back. */
export function lineItems(
  lines: CodatLineItem[] | null | undefined,
  owner: { type: NonNullable<LineItem['line_item_type']>; tax: unknown },
): LineItem[] {
  const all = lines ?? [];
  const documentLevelTax = taxedAtDocumentLevel(all, owner.tax);
  return all.map((line) => ({
    line_item_type: owner.type,
    item_id: text(line.itemRef?.id),
    tax_id: taxRateId(line.taxRateRef),
    account_id: text(line.accountRef?.id),
    tracking_category_ids: trackingIds(line),
    description: text(line.description),
    quantity: amount(line.quantity),
    unit_amount: amount(line.unitAmount),
    sub_total: beforeDiscount(line.subTotal, amount(line.discountAmount)),
    tax_amount: documentLevelTax ? null : amount(line.taxAmount),
    total_discount: amount(line.discountAmount),
    total_amount: amount(line.totalAmount),
  }));
}

/** Unified lines as Codat's, for a push: `subTotal` after the line's discount. */
export function toLineItems(lines: LineItem[]): CodatLineItem[] {
  return lines.map((line) => ({
    ...(line.description != null ? { description: line.description } : {}),
    ...(line.unit_amount != null ? { unitAmount: line.unit_amount } : {}),
    ...(line.quantity != null ? { quantity: line.quantity } : {}),
    ...(line.total_discount != null ? { discountAmount: line.total_discount } : {}),
    ...(line.sub_total != null ? { subTotal: afterDiscount(line.sub_total, line.total_discount) } : {}),
    ...(line.tax_amount != null ? { taxAmount: line.tax_amount } : {}),
    ...(line.total_amount != null ? { totalAmount: line.total_amount } : {}),
    ...(line.account_id ? { accountRef: { id: line.account_id } } : {}),
    ...(line.tax_id ? { taxRateRef: { id: line.tax_id } } : {}),
    ...(line.item_id ? { itemRef: { id: line.item_id } } : {}),
    ...(line.tracking_category_ids?.length
      ? { trackingCategoryRefs: line.tracking_category_ids.map((id) => ({ id })) }
      : {}),
  }));
}

/**
 * A document's discount: Codat's `totalDiscount` when it sends one, else the sum of its lines'
 * discounts when any line has one (bills and direct costs have no `totalDiscount`), else null.
 * Works on Codat lines (reads) and unified lines (writes) alike.
 */
export function documentDiscount(
  totalDiscount: unknown,
  lineDiscounts: readonly unknown[] | null | undefined,
): number | null {
  const given = amount(totalDiscount);
  if (given !== null) return given;
  const discounts = (lineDiscounts ?? []).map(amount).filter((value): value is number => value !== null);
  return discounts.length ? money(discounts.reduce((sum, value) => sum + value, 0)) : null;
}

/**
 * A document's sub-total (before discount, as the unified record has it), tax and discount from
 * Codat's, whose `subTotal` is after discount. Unless they were computed from lines the platform
 * did not send: Zoho Books' documents come without lines and with `subTotal` and tax of 0 beside a
 * real `totalAmount` (an invoice of 9,001 with tax 0 and no sub-total). When there are no lines
 * and Codat's parts do not add up to the total (`subTotal + tax = totalAmount`), the sub-total and
 * tax are unknown (null), not 0. `totalDiscount` is Codat's, where the document type has one.
 */
export function documentTotals(
  lines: readonly CodatLineItem[] | null | undefined,
  subTotal: unknown,
  tax: unknown,
  total: unknown,
  totalDiscount?: unknown,
): { sub_total: number | null; tax_amount: number | null; total_discount: number | null } {
  const sub = amount(subTotal);
  const taxAmount = amount(tax);
  const whole = amount(total);
  const discount = documentDiscount(
    totalDiscount,
    (lines ?? []).map((line) => line.discountAmount),
  );
  if ((lines ?? []).length === 0 && whole !== null && Math.abs((sub ?? 0) + (taxAmount ?? 0) - whole) > 0.005) {
    return { sub_total: null, tax_amount: null, total_discount: discount };
  }
  return { sub_total: beforeDiscount(sub, discount), tax_amount: taxAmount, total_discount: discount };
}

/** A unified document's sub_total as Codat's after-discount `subTotal`, for a push: less the
 * document's discount, read as `documentTotals` reads it back (`total_discount`, else the sum of
 * the lines' discounts; only the lines' for document types without a `totalDiscount`). */
export function toSubTotal(
  subTotal: number,
  body: { total_discount?: number | null; line_items?: readonly LineItem[] | null },
  documentDiscountField = true,
): number {
  const discount = documentDiscount(
    documentDiscountField ? body.total_discount : null,
    (body.line_items ?? []).map((line) => line.total_discount),
  );
  return afterDiscount(subTotal, discount);
}

/** QuickBooks Online's US sales-tax codes: markers of taxable / non-taxable, not rates. */
const QUICKBOOKS_TAX_CODE_IDS = new Set(['TAX', 'NON']);
/** QuickBooks Desktop's default sales-tax codes ("Tax", "Non"), as Codat names them on lines. */
const QUICKBOOKS_TAX_CODE_NAMES = new Set(['Taxable Sales', 'Non-Taxable Sales']);

/**
 * The tax rate a line's `taxRateRef` names, or null when it names one of QuickBooks' US sales-tax
 * codes (taxable / non-taxable markers, not rates: the tax_rates mapping leaves them out, so a
 * line must not claim a tax rate id no record has). QuickBooks Online sends them as `TAX` / `NON`;
 * QuickBooks Desktop under its own ids, recognisable by their default names and the missing rate.
 */
export function taxRateId(ref: CodatLineItem['taxRateRef']): string | null {
  const id = text(ref?.id);
  if (id === null || QUICKBOOKS_TAX_CODE_IDS.has(id)) return null;
  if (
    (ref?.effectiveTaxRate === undefined || ref.effectiveTaxRate === null) &&
    QUICKBOOKS_TAX_CODE_NAMES.has(text(ref?.name) ?? '')
  )
    return null;
  return id;
}
