/**
 * Codat → ledgerspec BillCreditNote (`bill_credit_notes`).
 *
 * Codat's BillCreditNote (`GET /companies/{companyId}/data/billCreditNotes/{billCreditNoteId}`):
 * a credit from a supplier (accounts payable). Codat records what the credit was used for as bill
 * payments (an allocation to a bill, or a refund received) in `paymentAllocations` and the Bill
 * payments data type, not as bill ids on the credit note.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { BillCreditNote } from '../../../generated/types/index.js';
import { amount, enumValue, text, calendarDay } from '../../lib/values.js';
import { documentTotals, lineItems, toLineItems, type CodatLineItem } from '../lines.js';
import { codatDate, isDeleted, sourceDate, type CodatMetadata } from '../values.js';

/** The Codat CreditNote as its API returns it. */
export interface CodatBillCreditNote {
  id: string;
  billCreditNoteNumber?: string | null;
  supplierRef?: { id: string; supplierName?: string | null } | null;
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
const STATUSES: Readonly<Record<string, NonNullable<BillCreditNote['status']>>> = {
  Draft: 'Draft',
  Submitted: 'Submitted',
  PartiallyPaid: 'PartiallyPaid',
  Paid: 'Paid',
  Void: 'Void',
  Unknown: 'Unknown',
};

const NO_BILL_IDS =
  "Codat's bill credit note does not list bills: its applications are bill payments (bill_payments with a CreditNote link).";

export const read = mapRead<'bill_credit_notes', CodatBillCreditNote>({
  contact_id: (raw) => text(raw.supplierRef?.id),
  currency_id: (raw) => text(raw.currency),
  document_number: (raw) => text(raw.billCreditNoteNumber),
  bill_ids: notSupported(NO_BILL_IDS),
  line_items: (raw) => lineItems(raw.lineItems, { type: 'BillCreditNote', tax: raw.totalTaxAmount }),
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

/** The body of POST /companies/{companyId}/connections/{connectionId}/push/billCreditNotes. */
export interface CodatBillCreditNoteRequest {
  billCreditNoteNumber?: string;
  supplierRef?: { id: string };
  totalAmount?: number;
  totalTaxAmount?: number;
  status?: string;
  issueDate?: string;
  currency?: string;
  lineItems?: CodatLineItem[];
  note?: string;
}

export const write = mapWrite<'bill_credit_notes', CodatBillCreditNoteRequest>({
  contact_id: (value) => (value === null ? undefined : { supplierRef: { id: value } }),
  currency_id: (value) => (value === null ? undefined : { currency: value }),
  document_number: (value) => (value === null ? undefined : { billCreditNoteNumber: value }),
  bill_ids: notSupported(NO_BILL_IDS),
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
