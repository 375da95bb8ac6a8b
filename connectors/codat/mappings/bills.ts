/**
 * Codat → ledgerspec Bill (`bills`).
 *
 * Codat's Bill (`GET /companies/{companyId}/data/bills/{billId}`): accounts payable. Its status is
 * Draft, Open (approved, awaiting payment), PartiallyPaid, Paid, Void or Unknown; it has no
 * document-level discount (lines carry theirs) and no payables account.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { Bill } from '../../../generated/types/index.js';
import { amount, compact, enumValue, text, calendarDay } from '../../lib/values.js';
import { documentTotals, lineItems, toLineItems, toSubTotal, type CodatLineItem } from '../lines.js';
import { codatDate, isDeleted, rate, sourceDate, type CodatMetadata } from '../values.js';

/** The Codat Bill as its API returns it. */
export interface CodatBill {
  id: string;
  reference?: string | null;
  supplierRef?: { id: string; supplierName?: string | null } | null;
  purchaseOrderRefs?: ({ id?: string | null } | null)[] | null;
  issueDate?: string | null;
  dueDate?: string | null;
  currency?: string | null;
  currencyRate?: number | null;
  lineItems?: CodatLineItem[] | null;
  status?: string | null;
  subTotal?: number | null;
  taxAmount?: number | null;
  totalAmount?: number | null;
  amountDue?: number | null;
  note?: string | null;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

/** Codat's bill status; Open is approved and awaiting payment (Submitted); no Overdue. */
const STATUSES: Readonly<Record<string, NonNullable<Bill['status']>>> = {
  Draft: 'Draft',
  Open: 'Submitted',
  PartiallyPaid: 'PartiallyPaid',
  Paid: 'Paid',
  Void: 'Void',
  Unknown: 'Unknown',
};

const NO_DISCOUNT =
  "Codat's bill push has no document-level discount: a discount is pushed on its lines (discountAmount), and read back as their sum.";

function totals(raw: CodatBill) {
  return documentTotals(raw.lineItems, raw.subTotal, raw.taxAmount, raw.totalAmount);
}

export const read = mapRead<'bills', CodatBill>({
  account_id: notSupported('Codat does not say which payables account a bill is posted to.'),
  amount_due: (raw) => amount(raw.amountDue),
  contact_id: (raw) => text(raw.supplierRef?.id),
  currency_id: (raw) => text(raw.currency),
  // Base units per unit of the bill's currency already (see `rate`).
  currency_rate: (raw) => rate(raw.currencyRate),
  document_number: (raw) => text(raw.reference),
  due_date: (raw) => calendarDay(raw.dueDate),
  line_items: (raw) => lineItems(raw.lineItems, { type: 'Bill', tax: raw.taxAmount }),
  memo: (raw) => text(raw.note),
  platform_id: (raw) => raw.id,
  posted_date: (raw) => calendarDay(raw.issueDate),
  purchase_order_ids: (raw) => compact((raw.purchaseOrderRefs ?? []).map((ref) => text(ref?.id))),
  // A bill deleted on the platform (Codat keeps returning it, flagged) no longer counts: Void.
  status: (raw) => (isDeleted(raw.metadata) ? 'Void' : enumValue(STATUSES, raw.status, 'Unknown')),
  // Not the 0s Codat reports for bills whose lines the platform did not send (Zoho Books).
  // Codat's subTotal is after the lines' discounts: they are added back.
  sub_total: (raw) => totals(raw).sub_total,
  tax_amount: (raw) => totals(raw).tax_amount,
  total_amount: (raw) => amount(raw.totalAmount),
  // The sum of the lines' discounts (Codat's bill has no totalDiscount).
  total_discount: (raw) => totals(raw).total_discount,
  updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
});

/** The body of POST /companies/{companyId}/connections/{connectionId}/push/bills. */
export interface CodatBillRequest {
  reference?: string;
  supplierRef?: { id: string };
  purchaseOrderRefs?: { id: string }[];
  issueDate?: string;
  dueDate?: string;
  currency?: string;
  currencyRate?: number;
  lineItems?: CodatLineItem[];
  status?: string;
  subTotal?: number;
  taxAmount?: number;
  totalAmount?: number;
  note?: string;
}

const BILL_STATUSES: Readonly<Record<NonNullable<Bill['status']>, string | undefined>> = {
  Draft: 'Draft',
  Submitted: 'Open',
  PartiallyPaid: 'PartiallyPaid',
  Paid: 'Paid',
  Void: 'Void',
  // Codat has no Overdue: an overdue bill is an open one past its due date.
  Overdue: 'Open',
  Unknown: undefined,
};

export const write = mapWrite<'bills', CodatBillRequest>({
  account_id: notSupported('Codat does not say which payables account a bill is posted to.'),
  contact_id: (value) => (value === null ? undefined : { supplierRef: { id: value } }),
  currency_id: (value) => (value === null ? undefined : { currency: value }),
  currency_rate: (value) => (value === null ? undefined : { currencyRate: value }),
  document_number: (value) => (value === null ? undefined : { reference: value }),
  // Calendar dates as written, without a zone (Codat reads them as the business's local dates).
  due_date: (value) => (value === null ? undefined : { dueDate: codatDate(value) }),
  line_items: (value) => ({ lineItems: toLineItems(value) }),
  memo: (value) => (value === null ? undefined : { note: value }),
  posted_date: (value) => (value === null ? undefined : { issueDate: codatDate(value) }),
  purchase_order_ids: (value) => (value.length ? { purchaseOrderRefs: value.map((id) => ({ id })) } : undefined),
  status: (value) => (value === null || !BILL_STATUSES[value] ? undefined : { status: BILL_STATUSES[value] }),
  // Codat's subTotal is after the lines' discounts.
  sub_total: (value, body) => (value === null ? undefined : { subTotal: toSubTotal(value, body, false) }),
  tax_amount: (value) => (value === null ? undefined : { taxAmount: value }),
  total_amount: (value) => (value === null ? undefined : { totalAmount: value }),
  total_discount: notSupported(NO_DISCOUNT),
});
