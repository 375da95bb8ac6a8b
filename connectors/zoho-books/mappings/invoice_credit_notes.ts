/**
 * Zoho Books → ledgerspec InvoiceCreditNote (`invoice_credit_notes`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Zoho Books record as its API returns it. Declare the fields you map. */
export interface ZohoBooksInvoiceCreditNote {
  [field: string]: unknown;
}

export const read = mapRead<'invoice_credit_notes', ZohoBooksInvoiceCreditNote>({
  contact_id: todo("The platform's ID for the customer the credit is issued to."),
  currency_id: todo("The platform's ID for the currency the credit note is issued in."),
  document_number: todo('The credit note number printed on the document.'),
  invoice_ids: todo("The platform's IDs for the invoices this credit note is applied to."),
  line_items: todo("The credit note's lines, one per good or service credited."),
  memo: todo('A free-text note on the credit note, such as the reason for the credit.'),
  platform_id: todo("The accounting platform's ID for this invoice credit note."),
  posted_date: todo('When the credit note was issued, as an ISO 8601 timestamp.'),
  remaining_credit: todo(
    'The part of the credit not yet applied to invoices or refunded, as computed by the platform.',
  ),
  status: todo(
    "Where the credit note stands: a draft, submitted (open), partly or fully applied, overdue, voided, or Unknown when the platform's status does not map.",
  ),
  tax_amount: todo('Total tax on the credit note.'),
  total_amount: todo("The credit note's total, tax included, in its currency."),
  updated_at: todo('When the credit note was last changed on the accounting platform.'),
});

/** The body Zoho Books expects when one is created. Declare the fields you send. */
export interface ZohoBooksInvoiceCreditNoteRequest {
  [field: string]: unknown;
}

export const write = mapWrite<'invoice_credit_notes', ZohoBooksInvoiceCreditNoteRequest>({
  contact_id: todo("The platform's ID for the customer the credit is issued to."),
  currency_id: todo("The platform's ID for the currency the credit note is issued in."),
  document_number: todo('The credit note number printed on the document.'),
  invoice_ids: todo("The platform's IDs for the invoices this credit note is applied to."),
  line_items: todo("The credit note's lines, one per good or service credited."),
  memo: todo('A free-text note on the credit note, such as the reason for the credit.'),
  posted_date: todo('When the credit note was issued, as an ISO 8601 timestamp.'),
  status: todo(
    "Where the credit note stands: a draft, submitted (open), partly or fully applied, overdue, voided, or Unknown when the platform's status does not map.",
  ),
  tax_amount: todo('Total tax on the credit note.'),
  total_amount: todo("The credit note's total, tax included, in its currency."),
});
