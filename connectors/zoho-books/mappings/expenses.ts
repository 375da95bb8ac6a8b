/**
 * Zoho Books expense (`GET /expenses/{expense_id}`, `POST /expenses`) → ledgerspec Expense
 * (`expenses`). Zoho's `account_id` is the expense account charged and `paid_through_account_id`
 * the bank, card or cash account the money left: the unified `account_id` is the latter, the lines
 * carry the former.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { LineItem } from '../../../generated/types/index.js';
import { amount } from '../../lib/values.js';
import {
  type LineOwner,
  type ZohoLineItem,
  type ZohoTag,
  dateField,
  field,
  lineItem,
  lineItems,
  omitUndefined,
  sendText,
  zohoDateTime,
  zohoId,
  zohoRate,
  zohoText,
  tagRequests,
  type ZohoTagRequest,
} from '../values.js';

/** The expense under `expense` in Zoho's response. */
export interface ZohoBooksExpense {
  expense_id: string | number;
  /** The line's ID on a non-itemised expense. */
  expense_item_id?: string | number;
  date?: string;
  account_id?: string | number;
  paid_through_account_id?: string | number;
  vendor_id?: string | number;
  description?: string;
  reference_number?: string;
  currency_id?: string | number;
  exchange_rate?: number;
  tax_id?: string | number;
  tax_percentage?: number;
  tax_amount?: number;
  sub_total?: number;
  /** List rows: the amount before tax. */
  total_without_tax?: number;
  total?: number;
  is_inclusive_tax?: boolean;
  project_id?: string | number;
  payment_mode?: string;
  /** Itemised expenses only; a single-account expense has its one line on the record itself. */
  line_items?: ZohoLineItem[];
  /** The one line of a non-itemised expense, as `GET /expenses/{id}` documents it. */
  line_item?: ZohoLineItem;
  tags?: ZohoTag[];
  last_modified_time?: string;
}

function owner(raw: ZohoBooksExpense): LineOwner {
  return {
    type: 'Expense',
    id: zohoText(raw.expense_id),
    inclusive: raw.is_inclusive_tax === true,
    projectId: zohoText(raw.project_id),
  };
}

/** The lines; a non-itemised expense is its one `line_item` when Zoho sends it, else one line made
 * of the record's own account, tax and amount (when the record has them). */
function lines(raw: ZohoBooksExpense): LineItem[] {
  if (Array.isArray(raw.line_items) && raw.line_items.length > 0) return lineItems(raw.line_items, owner(raw));
  if (raw.line_item && typeof raw.line_item === 'object')
    return [lineItem({ tags: raw.tags, ...raw.line_item }, owner(raw))];
  // A row of the expense list carries no line (no expense account): no line, rather than one of nulls.
  if (zohoText(raw.account_id) === null) return [];
  const single: ZohoLineItem = {
    line_item_id: raw.expense_item_id,
    account_id: raw.account_id,
    description: raw.description,
    tax_id: raw.tax_id,
    tax_percentage: raw.tax_percentage,
    tax_amount: raw.tax_amount,
    item_total: raw.sub_total,
    tags: raw.tags,
  };
  return [lineItem(single, owner(raw))];
}

const COMPUTED = 'Zoho Books computes the totals of an expense from its lines.';

export const read = mapRead<'expenses', ZohoBooksExpense>({
  platform_id: (raw) => zohoId(raw.expense_id),
  account_id: (raw) => zohoText(raw.paid_through_account_id),
  // vendor_id is the payee; customer_id is whom the expense is billable to.
  contact_id: (raw) => zohoText(raw.vendor_id),
  currency_id: (raw) => zohoText(raw.currency_id),
  document_number: (raw) => zohoText(raw.reference_number),
  posted_date: (raw) => zohoDateTime(raw.date),
  payment_mode: (raw) => zohoText(raw.payment_mode),
  currency_rate: (raw) => zohoRate(raw.exchange_rate),
  // The list endpoint names the amount before tax total_without_tax.
  sub_total: (raw) => amount(raw.sub_total) ?? amount(raw.total_without_tax),
  total_discount: notSupported('Zoho Books expenses have no discount.'),
  tax_amount: (raw) => amount(raw.tax_amount),
  total_amount: (raw) => amount(raw.total),
  memo: (raw) => zohoText(raw.description),
  line_items: lines,
  updated_at: (raw) => zohoDateTime(raw.last_modified_time),
});

/** A line of the create body. */
export interface ZohoExpenseLineRequest {
  account_id?: string;
  description?: string;
  amount?: number;
  tax_id?: string;
  tags?: ZohoTagRequest[];
}

/** `POST /expenses` body. Zoho requires the record's `account_id` and `amount` even when itemised:
 * the first line's account and the sum of the lines. */
export interface ZohoBooksExpenseRequest {
  account_id?: string;
  paid_through_account_id?: string;
  amount?: number;
  date?: string;
  vendor_id?: string;
  currency_id?: string;
  exchange_rate?: number;
  reference_number?: string;
  description?: string;
  project_id?: string;
  line_items?: ZohoExpenseLineRequest[];
}

/** A line's amount as Zoho takes it: before tax on tax-exclusive expenses. */
function lineAmount(line: LineItem): number | undefined {
  return line.sub_total ?? line.total_amount ?? undefined;
}

function linesRequest(items: LineItem[]): Partial<ZohoBooksExpenseRequest> {
  const requests = items.map((line) => {
    const tags = tagRequests(line.tracking_category_ids);
    return omitUndefined<ZohoExpenseLineRequest>({
      account_id: sendText(line.account_id),
      description: sendText(line.description),
      amount: lineAmount(line),
      tax_id: sendText(line.tax_id),
      tags: tags.length > 0 ? tags : undefined,
    });
  });
  const total = items.reduce((sum, line) => sum + (lineAmount(line) ?? 0), 0);
  return omitUndefined({
    account_id: sendText(items[0]?.account_id),
    amount: items.length > 0 ? Math.round(total * 100) / 100 : undefined,
    // The project is the expense's in Zoho; the lines' is its only unified place.
    project_id: sendText(items.find((line) => line.project_id)?.project_id),
    line_items: requests,
  });
}

export const write = mapWrite<'expenses', ZohoBooksExpenseRequest>({
  account_id: (id) => field('paid_through_account_id', id),
  contact_id: (id) => field('vendor_id', id),
  currency_id: (id) => field('currency_id', id),
  document_number: (number) => field('reference_number', number),
  posted_date: (date) => dateField('date', date),
  payment_mode: notSupported('The POST /expenses body has no payment_mode field (Zoho OpenAPI document).'),
  currency_rate: (rate) => field('exchange_rate', rate),
  sub_total: notSupported(COMPUTED),
  total_discount: notSupported('Zoho Books expenses have no discount.'),
  tax_amount: notSupported(COMPUTED),
  total_amount: notSupported(COMPUTED),
  memo: (memo) => field('description', memo),
  line_items: linesRequest,
});
