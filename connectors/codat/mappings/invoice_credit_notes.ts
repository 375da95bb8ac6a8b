/**
 * Codat → ledgerspec InvoiceCreditNote (`invoice_credit_notes`).
 *
 * Codat's CreditNote (`GET /companies/{companyId}/data/creditNotes/{creditNoteId}`): a credit to
 * a customer (accounts receivable). Codat records what the credit was used for as payments (an
 * allocation to an invoice, or a refund paid out of it) in `paymentAllocations` and the Payments
 * data type, not as invoice ids on the credit note.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { InvoiceCreditNote } from '../../../generated/types/index.js';
import { amount, enumValue, text, calendarDay } from '../../lib/values.js';
import { documentTotals, lineItems, toLineItems, type CodatLineItem } from '../lines.js';
import { codatDate, isDeleted, sourceDate, type CodatMetadata } from '../values.js';

/** The Codat CreditNote as its API returns it. */
export interface CodatCreditNote {
  id: string;
  creditNoteNumber?: string | null;
  customerRef?: { id: string; companyName?: string | null } | null;
  totalAmount?: number | null;
  totalDiscount?: number | null;
  subTotal?: number | null;
  totalTaxAmount?: number | null;
  discountPercentage?: number | null;
  remainingCredit?: number | null;
  status?: string | null;
  issueDate?: string | null;
  allocatedOnDate?: string | null;
  currency?: string | null;
  currencyRate?: number | null;
  lineItems?: CodatLineItem[] | null;
  note?: string | null;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

/** Codat's credit note status: Paid is fully used (applied or refunded). */
const STATUSES: Readonly<Record<string, NonNullable<InvoiceCreditNote['status']>>> = {
  Draft: 'Draft',
  Submitted: 'Submitted',
  PartiallyPaid: 'PartiallyPaid',
  Paid: 'Paid',
  Void: 'Void',
  Unknown: 'Unknown',
};

const NO_INVOICE_IDS =
  "Codat's credit note does not list invoices: its applications are payments (invoice_payments with a CreditNote link).";

export const read = mapRead<'invoice_credit_notes', CodatCreditNote>({
  contact_id: (raw) => text(raw.customerRef?.id),
  currency_id: (raw) => text(raw.currency),
  document_number: (raw) => text(raw.creditNoteNumber),
  invoice_ids: notSupported(NO_INVOICE_IDS),
  line_items: (raw) => lineItems(raw.lineItems, { type: 'InvoiceCreditNote', tax: raw.totalTaxAmount }),
  memo: (raw) => text(raw.note),
  platform_id: (raw) => raw.id,
  posted_date: (raw) => calendarDay(raw.issueDate),
  remaining_credit: (raw) => amount(raw.remainingCredit),
  // A credit note deleted on the platform (Codat keeps returning it, flagged) no longer counts.
  status: (raw) => (isDeleted(raw.metadata) ? 'Void' : enumValue(STATUSES, raw.status, 'Unknown')),
  // Not the 0 Codat reports for credit notes whose lines the platform did not send (Zoho Books).
  tax_amount: (raw) => documentTotals(raw.lineItems, raw.subTotal, raw.totalTaxAmount, raw.totalAmount).tax_amount,
  total_amount: (raw) => amount(raw.totalAmount),
  updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
});

/** The body of POST /companies/{companyId}/connections/{connectionId}/push/creditNotes. */
export interface CodatCreditNoteRequest {
  creditNoteNumber?: string;
  customerRef?: { id: string };
  totalAmount?: number;
  totalTaxAmount?: number;
  status?: string;
  issueDate?: string;
  currency?: string;
  lineItems?: CodatLineItem[];
  note?: string;
}

export const write = mapWrite<'invoice_credit_notes', CodatCreditNoteRequest>({
  contact_id: (value) => (value === null ? undefined : { customerRef: { id: value } }),
  currency_id: (value) => (value === null ? undefined : { currency: value }),
  document_number: (value) => (value === null ? undefined : { creditNoteNumber: value }),
  invoice_ids: notSupported(NO_INVOICE_IDS),
  line_items: (value) => ({ lineItems: toLineItems(value) }),
  memo: (value) => (value === null ? undefined : { note: value }),
  // The calendar date as written, without a zone (Codat reads it as the business's local date).
  posted_date: (value) => (value === null ? undefined : { issueDate: codatDate(value) }),
  // Codat has no Overdue credit note: one is open (Submitted) until used.
  status: (value) =>
    value === null || value === 'Unknown' ? undefined : { status: value === 'Overdue' ? 'Submitted' : value },
  tax_amount: (value) => (value === null ? undefined : { totalTaxAmount: value }),
  total_amount: (value) => (value === null ? undefined : { totalAmount: value }),
});
