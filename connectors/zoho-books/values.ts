/**
 * Zoho Books value conversions shared by the mappings: its timestamps, document statuses, account
 * types, line items, reporting tags and addresses. Generic conversions are in connectors/lib/values.ts.
 */
import type { Address, LineItem, PhoneNumber } from '../../generated/types/index.js';
import { amount, baseRate, calendarDate, compact, dateTime, enumValue, list, text } from '../lib/values.js';

// ---------------------------------------------------------------- text, IDs, dates and rates

/**
 * Zoho's text as the unified API takes it: the shared `text` (numbers, which Zoho's documented
 * samples use for many IDs, become strings), and Zoho's placeholder for an empty value, a string of
 * spaces (`"reference_number": " "`, `"salesperson_id": " "`), is nothing.
 */
export function zohoText(value: unknown): string | null {
  const converted = text(value);
  return converted !== null && converted.trim() === '' ? null : converted;
}

/** A record's own ID (a string or, in Zoho's documented samples, a number). A record without one
 * cannot be keyed, so that stops the read. */
export function zohoId(value: unknown): string {
  const id = zohoText(value);
  if (id === null) throw new Error(`no record ID (found ${JSON.stringify(value)})`);
  return id;
}

/** IDs from a list Zoho sent (numbers or strings), without empty entries. */
export function zohoIds(values: readonly unknown[] | null | undefined): string[] {
  return compact(list(values as unknown[]).map(zohoText));
}

/** Zoho's offset without a colon (`2024-03-22T15:02:09-0700`); ISO 8601 and Date.parse want `-07:00`. */
const COLONLESS_OFFSET = /(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-]\d{2})(\d{2})$/;

/** A Zoho date (`2024-03-25`) or timestamp (`created_time`, `last_modified_time`) in the unified form. */
export function zohoDateTime(value: unknown): string | null {
  const raw = zohoText(value);
  return raw === null ? null : dateTime(raw.replace(COLONLESS_OFFSET, '$1$2:$3'));
}

/** A document's `exchange_rate`. Zoho quotes it as units of the base currency per unit of the
 * document's currency (1 in the base currency), the unified direction; 0 means no rate. */
export function zohoRate(value: unknown): number | null {
  return baseRate(value, 'base-per-foreign');
}

/** One field of a create body, or nothing when the unified value is null (nothing to send). */
export function field<Key extends string, Value>(
  key: Key,
  value: Value | null | undefined,
): Record<Key, Value> | undefined {
  return value === null || value === undefined ? undefined : ({ [key]: value } as Record<Key, Value>);
}

/** A date field of a create body: Zoho takes `YYYY-MM-DD`, the calendar date as written (an offset
 * does not move it to another day). */
export function dateField<Key extends string>(
  key: Key,
  value: string | null | undefined,
): Record<Key, string> | undefined {
  return field(key, calendarDate(value));
}

/** A text field for a create body: Zoho ignores absent fields, so nulls are left out. */
export function sendText(value: string | null | undefined): string | undefined {
  return value ?? undefined;
}

/** Zoho's lists of lines: an array, or in some documented samples a single object. */
export function zohoList<T>(value: T[] | T | null | undefined): T[] {
  if (Array.isArray(value)) return value;
  return value !== null && typeof value === 'object' ? [value] : [];
}

// ---------------------------------------------------------------- statuses and types

type DocumentStatus = 'Draft' | 'Submitted' | 'PartiallyPaid' | 'Paid' | 'Overdue' | 'Void' | 'Unknown';

/** Bill, vendor credit and credit note statuses. `open` is approved and awaiting payment (or, on
 * credits, credit available); `closed` is a credit fully used or refunded. Approval-workflow states
 * count as not yet submitted until approved. */
const DOCUMENT_STATUS: Readonly<Record<string, DocumentStatus>> = {
  draft: 'Draft',
  pending_approval: 'Draft',
  approved: 'Submitted',
  open: 'Submitted',
  overdue: 'Overdue',
  partially_paid: 'PartiallyPaid',
  paid: 'Paid',
  closed: 'Paid',
  void: 'Void',
};

export function documentStatus(status: unknown): DocumentStatus | null {
  return enumValue(DOCUMENT_STATUS, status, 'Unknown');
}

/** A credit (vendor credit, credit note) stays `open` in Zoho while part of it is applied; the
 * unified status says PartiallyPaid when the balance is below the total. */
export function creditStatus(raw: { status?: string; total?: number; balance?: number }): DocumentStatus | null {
  const status = documentStatus(raw.status);
  const total = amount(raw.total);
  const balance = amount(raw.balance);
  const partlyUsed = total !== null && balance !== null && balance > 0 && balance < total;
  return status === 'Submitted' && partlyUsed ? 'PartiallyPaid' : status;
}

type AccountCategory = 'Asset' | 'Expense' | 'Liability' | 'Equity' | 'Income';

/** Zoho's `account_type` (chart of accounts and bank accounts) → the statement it belongs to. */
export const ACCOUNT_CATEGORY: Readonly<Record<string, AccountCategory>> = {
  other_asset: 'Asset',
  other_current_asset: 'Asset',
  cash: 'Asset',
  bank: 'Asset',
  fixed_asset: 'Asset',
  accounts_receivable: 'Asset',
  stock: 'Asset',
  payment_clearing: 'Asset',
  input_tax: 'Asset',
  intangible_asset: 'Asset',
  right_to_use: 'Asset',
  right_to_use_asset: 'Asset',
  financial_asset: 'Asset',
  contingent_asset: 'Asset',
  contract_asset: 'Asset',
  other_current_liability: 'Liability',
  credit_card: 'Liability',
  long_term_liability: 'Liability',
  other_liability: 'Liability',
  accounts_payable: 'Liability',
  output_tax: 'Liability',
  overseas_tax_payable: 'Liability',
  prepaid_card: 'Liability',
  loans_and_borrowing: 'Liability',
  lease_liability: 'Liability',
  contract_liability: 'Liability',
  refund_liability: 'Liability',
  employee_benefit_liability: 'Liability',
  contingent_liability: 'Liability',
  financial_liability: 'Liability',
  equity: 'Equity',
  income: 'Income',
  other_income: 'Income',
  finance_income: 'Income',
  other_comprehensive_income: 'Income',
  expense: 'Expense',
  cost_of_goods_sold: 'Expense',
  other_expense: 'Expense',
  manufacturing_expense: 'Expense',
  impairment_expense: 'Expense',
  depreciation_expense: 'Expense',
  employee_benefit_expense: 'Expense',
  lease_expense: 'Expense',
  finance_expense: 'Expense',
  tax_expense: 'Expense',
};

// ---------------------------------------------------------------- reporting tags

/** A reporting tag on a line or record: the tag (Region) and the option chosen (West). Zoho's
 * documented samples send the IDs as numbers, and some a tag whose IDs are all null. */
export interface ZohoTag {
  tag_id?: string | number | null;
  tag_name?: string;
  tag_option_id?: string | number | null;
  tag_option_name?: string;
  is_tag_mandatory?: boolean;
}

/** One tag option's tracking-category ID: the tag's and the option's IDs joined by `_` (the spec's
 * composite form of an option under its category); the tag's alone without an option; null for a
 * tag without an ID (no tag at all: the documented samples' `{"tag_id": 0, "tag_option_id": 0}`). */
export function trackingId(tag: ZohoTag | null | undefined): string | null {
  const tagId = tagRef(tag?.tag_id);
  const optionId = tagRef(tag?.tag_option_id);
  if (tagId === null) return null;
  return optionId === null ? tagId : `${tagId}_${optionId}`;
}

/** A tag or option ID; Zoho's IDs are positive, and its documented samples show an unset one as
 * null or 0. */
function tagRef(value: unknown): string | null {
  const id = zohoText(value);
  return id === '0' ? null : id;
}

/** Zoho's reporting tags are the tracking categories; a line's tags become the IDs of the options
 * chosen. A documented tag of nulls is no tag (never a `null` ID). */
export function trackingIds(tags: ZohoTag[] | null | undefined): string[] {
  return compact(list(tags).map(trackingId));
}

/** A tag as create bodies take it: the tag and the option chosen. */
export interface ZohoTagRequest {
  tag_id: string;
  tag_option_id: string;
}

/** The `tags` of a create body from unified tracking category IDs (`<tag>_<option>`); a bare tag ID
 * (a category, no option) cannot be put on a line and is left out. */
export function tagRequests(ids: readonly string[] | null | undefined): ZohoTagRequest[] {
  return list(ids as string[]).flatMap((id) => {
    const [tagId, optionId] = id.split('_', 2);
    return tagId && optionId ? [{ tag_id: tagId, tag_option_id: optionId }] : [];
  });
}

// ---------------------------------------------------------------- line items

/** A line of a bill, vendor credit, credit note, expense or bank transaction as Zoho returns it. */
export interface ZohoLineItem {
  line_item_id?: string | number;
  item_id?: string | number;
  account_id?: string | number;
  name?: string;
  description?: string;
  rate?: number;
  quantity?: number;
  /** Expense lines: the amount of the line (before tax when tax is exclusive). */
  amount?: number;
  /** Bank transaction lines: the line's amount before and after tax. */
  sub_total?: number;
  total?: number;
  discount_amount?: number;
  /** A number (an amount) or a percentage string such as "10%". */
  discount?: number | string;
  tax_id?: string | number;
  tax_percentage?: number | string;
  /** Expense lines carry their tax; document lines only the percentage. */
  tax_amount?: number;
  item_total?: number;
  item_order?: number;
  project_id?: string | number;
  tags?: ZohoTag[];
}

/** What a line needs from the record it belongs to. */
export interface LineOwner {
  type: NonNullable<LineItem['line_item_type']>;
  id: string | null;
  /** `is_inclusive_tax`: rates and `item_total` include tax. */
  inclusive?: boolean;
  /** Expenses hold the project on the record, not on the line. */
  projectId?: string | null;
}

/** The unified line for one Zoho line. `item_total` is Zoho's line amount after discount; whether
 * it includes tax follows the record's `is_inclusive_tax`. */
export function lineItem(line: ZohoLineItem, owner: LineOwner): LineItem {
  const itemTotal = amount(line.item_total) ?? amount(line.amount) ?? amount(line.sub_total);
  const tax = lineTax(line, itemTotal, owner.inclusive === true);
  return {
    platform_id: zohoText(line.line_item_id),
    line_item_type: owner.type,
    line_item_type_id: owner.id,
    item_id: zohoText(line.item_id),
    tax_id: zohoText(line.tax_id),
    account_id: zohoText(line.account_id),
    tracking_category_ids: trackingIds(line.tags),
    project_id: zohoText(line.project_id) ?? owner.projectId ?? null,
    description: zohoText(line.description) ?? zohoText(line.name),
    quantity: amount(line.quantity),
    unit_amount: amount(line.rate),
    sub_total: owner.inclusive === true ? minus(itemTotal, tax) : itemTotal,
    tax_amount: tax,
    total_discount: lineDiscount(line),
    total_amount: owner.inclusive === true ? itemTotal : plus(itemTotal, tax),
  };
}

export function lineItems(lines: ZohoLineItem[] | ZohoLineItem | null | undefined, owner: LineOwner): LineItem[] {
  return zohoList(lines).map((line) => lineItem(line, owner));
}

/** `discount_amount` when Zoho computed it; otherwise `discount` only when it is an amount (a
 * number), since a string is a percentage. */
export function lineDiscount(line: { discount_amount?: unknown; discount?: unknown }): number | null {
  return amount(line.discount_amount) ?? (typeof line.discount === 'number' ? line.discount : null);
}

/** The line's tax: sent on expense lines; none when no tax is applied; otherwise worked out from
 * the percentage, the way Zoho computes it (to the cent). */
function lineTax(line: ZohoLineItem, itemTotal: number | null, inclusive: boolean): number | null {
  const sent = amount(line.tax_amount);
  if (sent !== null) return sent;
  if (zohoText(line.tax_id) === null) return 0;
  const percentage = amount(line.tax_percentage);
  if (percentage === null || itemTotal === null) return null;
  const tax = inclusive ? (itemTotal * percentage) / (100 + percentage) : (itemTotal * percentage) / 100;
  return cents(tax);
}

function cents(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

function plus(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : cents(a + b);
}

function minus(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : cents(a - b);
}

/** A line of a bill, vendor credit or credit note create body. */
export interface ZohoLineItemRequest {
  item_id?: string;
  account_id?: string;
  description?: string;
  rate?: number;
  quantity?: number;
  tax_id?: string;
  project_id?: string;
  tags?: ZohoTagRequest[];
}

/** Unified lines → create-body lines; Zoho computes totals, taxes and line IDs itself. */
export function lineRequests(lines: LineItem[]): ZohoLineItemRequest[] {
  return lines.map((line) => {
    const tags = tagRequests(line.tracking_category_ids);
    return omitUndefined({
      item_id: sendText(line.item_id),
      account_id: sendText(line.account_id),
      description: sendText(line.description),
      rate: line.unit_amount ?? undefined,
      quantity: line.quantity ?? undefined,
      tax_id: sendText(line.tax_id),
      project_id: sendText(line.project_id),
      tags: tags.length > 0 ? tags : undefined,
    });
  });
}

/** The record's total tax: `tax_total` where Zoho sends it (bills), else the sum of `taxes[]`. */
export function taxTotal(raw: { tax_total?: number; taxes?: { tax_amount?: number | string }[] }): number | null {
  const sent = amount(raw.tax_total);
  if (sent !== null) return sent;
  if (!Array.isArray(raw.taxes)) return null;
  return cents(raw.taxes.reduce((sum, tax) => sum + (amount(tax.tax_amount) ?? 0), 0));
}

/** Leaves out the keys whose value is undefined, so request fixtures compare key for key. */
export function omitUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

// ---------------------------------------------------------------- addresses and phones

/** A contact's or document's address (`billing_address`, `shipping_address`). */
export interface ZohoAddress {
  attention?: string;
  address?: string;
  street2?: string;
  city?: string;
  state?: string;
  state_code?: string;
  zip?: string | number;
  country?: string;
  fax?: string;
  phone?: string;
}

/** The unified address, or null when Zoho sent an address of empty strings (no address kept). */
export function address(raw: ZohoAddress | null | undefined, type: Address['type']): Address | null {
  if (!raw) return null;
  const streets = [zohoText(raw.address), zohoText(raw.street2)].filter((line) => line !== null);
  const result: Address = {
    type,
    street: streets.length > 0 ? streets.join('\n') : null,
    city: zohoText(raw.city),
    state: zohoText(raw.state),
    country: zohoText(raw.country),
    postal_code: zohoText(raw.zip),
  };
  const kept = [result.street, result.city, result.state, result.country, result.postal_code];
  return kept.some((value) => value !== null) ? result : null;
}

/** The create body's address: the street's first line is `address`, the rest `street2`. */
export function addressRequest(unified: Address): ZohoAddress {
  const [first, ...rest] = (unified.street ?? '').split('\n');
  return omitUndefined({
    address: first === '' ? undefined : first,
    street2: rest.length > 0 ? rest.join(', ') : undefined,
    city: sendText(unified.city),
    state: sendText(unified.state),
    zip: sendText(unified.postal_code),
    country: sendText(unified.country),
  });
}

/** Phone numbers from the places Zoho keeps them, without repeats of the same number and kind. */
export function phoneNumbers(numbers: [unknown, NonNullable<PhoneNumber['type']>][]): PhoneNumber[] {
  const seen = new Set<string>();
  return numbers.flatMap(([value, type]) => {
    const number = zohoText(value);
    if (number === null || seen.has(`${type} ${number}`)) return [];
    seen.add(`${type} ${number}`);
    return [{ number, type }];
  });
}
