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
  /** After discount, before tax. */
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

/** The unified lines of a Codat document, each with the owner's kind. The owner's id
 * (`line_item_type_id`) is left out: it is the record's own platform_id, which a write cannot
 * carry (the platform gives the new record its id), so the round trip would never match it. */
export function lineItems(
  lines: CodatLineItem[] | null | undefined,
  owner: { type: NonNullable<LineItem['line_item_type']> },
): LineItem[] {
  return (lines ?? []).map((line) => ({
    line_item_type: owner.type,
    item_id: text(line.itemRef?.id),
    tax_id: taxRateId(line.taxRateRef),
    account_id: text(line.accountRef?.id),
    tracking_category_ids: trackingIds(line),
    description: text(line.description),
    quantity: amount(line.quantity),
    unit_amount: amount(line.unitAmount),
    sub_total: amount(line.subTotal),
    tax_amount: amount(line.taxAmount),
    total_discount: amount(line.discountAmount),
    total_amount: amount(line.totalAmount),
  }));
}

/** Unified lines as Codat's, for a push. */
export function toLineItems(lines: LineItem[]): CodatLineItem[] {
  return lines.map((line) => ({
    ...(line.description != null ? { description: line.description } : {}),
    ...(line.unit_amount != null ? { unitAmount: line.unit_amount } : {}),
    ...(line.quantity != null ? { quantity: line.quantity } : {}),
    ...(line.total_discount != null ? { discountAmount: line.total_discount } : {}),
    ...(line.sub_total != null ? { subTotal: line.sub_total } : {}),
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
 * A document's sub-total and tax as Codat reports them, unless they were computed from lines the
 * platform did not send: Zoho Books' documents come without lines and with `subTotal` and tax of
 * 0 beside a real `totalAmount` (an invoice of 9,001 with tax 0 and no sub-total). When there are
 * no lines and the parts do not add up to the total, the parts are unknown (null), not 0.
 */
export function documentTotals(
  lines: readonly unknown[] | null | undefined,
  subTotal: unknown,
  tax: unknown,
  total: unknown,
  discount: unknown = 0,
): { sub_total: number | null; tax_amount: number | null } {
  const sub = amount(subTotal);
  const taxAmount = amount(tax);
  const whole = amount(total);
  if (
    (lines ?? []).length === 0 &&
    whole !== null &&
    Math.abs((sub ?? 0) + (taxAmount ?? 0) - (amount(discount) ?? 0) - whole) > 0.005
  ) {
    return { sub_total: null, tax_amount: null };
  }
  return { sub_total: sub, tax_amount: taxAmount };
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
