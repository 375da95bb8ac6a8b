/**
 * Codat → ledgerspec Invoice (`invoices`).
 *
 * Codat's Invoice (`GET /companies/{companyId}/data/invoices/{invoiceId}`): accounts receivable
 * only (bills are their own data type). Status is Codat's own (Draft, Submitted, PartiallyPaid,
 * Paid, Void, Unknown); Codat has no receivables account on an invoice.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { Invoice } from '../../../generated/types/index.js';
import { amount, compact, enumValue, text, calendarDay } from '../../lib/values.js';
import { documentTotals, lineItems, toLineItems, toSubTotal, type CodatLineItem } from '../lines.js';
import { codatDate, isDeleted, rate, sourceDate, type CodatMetadata } from '../values.js';

/** The Codat Invoice as its API returns it. */
export interface CodatInvoice {
  id: string;
  invoiceNumber?: string | null;
  customerRef?: { id: string; companyName?: string | null } | null;
  salesOrderRefs?: ({ id?: string | null } | null)[] | null;
  issueDate?: string | null;
  dueDate?: string | null;
  paidOnDate?: string | null;
  currency?: string | null;
  currencyRate?: number | null;
  lineItems?: CodatLineItem[] | null;
  totalDiscount?: number | null;
  subTotal?: number | null;
  totalTaxAmount?: number | null;
  totalAmount?: number | null;
  amountDue?: number | null;
  discountPercentage?: number | null;
  status?: string | null;
  note?: string | null;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

/** Codat's invoice status; Codat has no Overdue. */
const STATUSES: Readonly<Record<string, NonNullable<Invoice['status']>>> = {
  Draft: 'Draft',
  Submitted: 'Submitted',
  PartiallyPaid: 'PartiallyPaid',
  Paid: 'Paid',
  Void: 'Void',
  Unknown: 'Unknown',
};

function totals(raw: CodatInvoice) {
  return documentTotals(raw.lineItems, raw.subTotal, raw.totalTaxAmount, raw.totalAmount, raw.totalDiscount);
}

export const read = mapRead<'invoices', CodatInvoice>({
  account_id: notSupported('Codat does not say which receivables account an invoice is posted to.'),
  amount_due: (raw) => amount(raw.amountDue),
  contact_id: (raw) => text(raw.customerRef?.id),
  currency_id: (raw) => text(raw.currency),
  // Base units per unit of the invoice's currency already (see `rate`).
  currency_rate: (raw) => rate(raw.currencyRate),
  document_number: (raw) => text(raw.invoiceNumber),
  due_date: (raw) => calendarDay(raw.dueDate),
  line_items: (raw) => lineItems(raw.lineItems, { type: 'Invoice', tax: raw.totalTaxAmount }),
  memo: (raw) => text(raw.note),
  platform_id: (raw) => raw.id,
  posted_date: (raw) => calendarDay(raw.issueDate),
  sales_order_ids: (raw) => compact((raw.salesOrderRefs ?? []).map((ref) => text(ref?.id))),
  // Codat voids an invoice that was deleted on the platform ("Void: … when it's deleted");
  // one still flagged deleted under another status is read as Void too, never as live.
  status: (raw) => (isDeleted(raw.metadata) ? 'Void' : enumValue(STATUSES, raw.status, 'Unknown')),
  // Codat's subTotal is after discount: the discount is added back. Not the 0s Codat reports for
  // documents whose lines the platform did not send (Zoho Books).
  sub_total: (raw) => totals(raw).sub_total,
  tax_amount: (raw) => totals(raw).tax_amount,
  total_amount: (raw) => amount(raw.totalAmount),
  // totalDiscount, else the sum of the lines' discounts.
  total_discount: (raw) => totals(raw).total_discount,
  updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
});

/** The body of POST /companies/{companyId}/connections/{connectionId}/push/invoices. */
export interface CodatInvoiceRequest {
  invoiceNumber?: string;
  customerRef?: { id: string };
  salesOrderRefs?: { id: string }[];
  issueDate?: string;
  dueDate?: string;
  currency?: string;
  currencyRate?: number;
  lineItems?: CodatLineItem[];
  totalDiscount?: number;
  subTotal?: number;
  totalTaxAmount?: number;
  totalAmount?: number;
  status?: string;
  note?: string;
}

export const write = mapWrite<'invoices', CodatInvoiceRequest>({
  account_id: notSupported('Codat does not say which receivables account an invoice is posted to.'),
  contact_id: (value) => (value === null ? undefined : { customerRef: { id: value } }),
  currency_id: (value) => (value === null ? undefined : { currency: value }),
  currency_rate: (value) => (value === null ? undefined : { currencyRate: value }),
  document_number: (value) => (value === null ? undefined : { invoiceNumber: value }),
  // Calendar dates as written, without a zone (Codat reads them as the business's local dates).
  due_date: (value) => (value === null ? undefined : { dueDate: codatDate(value) }),
  line_items: (value) => ({ lineItems: toLineItems(value) }),
  memo: (value) => (value === null ? undefined : { note: value }),
  posted_date: (value) => (value === null ? undefined : { issueDate: codatDate(value) }),
  sales_order_ids: (value) => (value.length ? { salesOrderRefs: value.map((id) => ({ id })) } : undefined),
  // Codat has no Overdue: an overdue invoice is a submitted one past its due date.
  status: (value) =>
    value === null || value === 'Unknown' ? undefined : { status: value === 'Overdue' ? 'Submitted' : value },
  // Codat's subTotal is after discount.
  sub_total: (value, body) => (value === null ? undefined : { subTotal: toSubTotal(value, body) }),
  tax_amount: (value) => (value === null ? undefined : { totalTaxAmount: value }),
  total_amount: (value) => (value === null ? undefined : { totalAmount: value }),
  total_discount: (value) => (value === null ? undefined : { totalDiscount: value }),
});
