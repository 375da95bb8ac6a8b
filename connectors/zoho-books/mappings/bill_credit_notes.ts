/**
 * Zoho Books → ledgerspec BillCreditNote (`bill_credit_notes`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Zoho Books record as its API returns it. Declare the fields you map. */
export interface ZohoBooksBillCreditNote {
  [field: string]: unknown;
}

export const read = mapRead<'bill_credit_notes', ZohoBooksBillCreditNote>({
  bill_ids: todo("The platform's IDs for the bills the credit note applies to."),
  contact_id: todo("The platform's ID for the vendor who issued the credit note."),
  currency_id: todo("The platform's ID for the currency the credit note is issued in."),
  document_number: todo("The credit note's number or the vendor's reference, as printed on it."),
  line_items: todo("The credit note's lines (items or expense accounts, quantities, prices and tax)."),
  memo: todo('A free-text note on the credit note.'),
  platform_id: todo("The accounting platform's ID for this bill credit note."),
  posted_date: todo('When the credit note was issued or posted to the books, as an ISO 8601 timestamp.'),
  remaining_credit: todo('The part of the credit not yet applied to bills or refunded, as computed by the platform.'),
  status: todo(
    "Where the credit note stands: Draft, Submitted (open, credit available), PartiallyPaid (partly applied), Paid (fully applied or refunded), Overdue, Void, or Unknown when the platform's status does not map.",
  ),
  tax_amount: todo('The total tax on the credit note.'),
  total_amount: todo("The credit note's total, tax included, in its currency."),
  updated_at: todo('When the credit note was last changed on the accounting platform.'),
});

/** The body Zoho Books expects when one is created. Declare the fields you send. */
export interface ZohoBooksBillCreditNoteRequest {
  [field: string]: unknown;
}

export const write = mapWrite<'bill_credit_notes', ZohoBooksBillCreditNoteRequest>({
  bill_ids: todo("The platform's IDs for the bills the credit note applies to."),
  contact_id: todo("The platform's ID for the vendor who issued the credit note."),
  currency_id: todo("The platform's ID for the currency the credit note is issued in."),
  document_number: todo("The credit note's number or the vendor's reference, as printed on it."),
  line_items: todo("The credit note's lines (items or expense accounts, quantities, prices and tax)."),
  memo: todo('A free-text note on the credit note.'),
  posted_date: todo('When the credit note was issued or posted to the books, as an ISO 8601 timestamp.'),
  status: todo(
    "Where the credit note stands: Draft, Submitted (open, credit available), PartiallyPaid (partly applied), Paid (fully applied or refunded), Overdue, Void, or Unknown when the platform's status does not map.",
  ),
  tax_amount: todo('The total tax on the credit note.'),
  total_amount: todo("The credit note's total, tax included, in its currency."),
});
