/**
 * Zoho Books → ledgerspec BillPayment (`bill_payments`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Zoho Books record as its API returns it. Declare the fields you map. */
export interface ZohoBooksBillPayment {
  [field: string]: unknown;
}

export const read = mapRead<'bill_payments', ZohoBooksBillPayment>({
  account_id: todo("The platform's ID for the account (usually a bank account) the payment was made from."),
  allocations: todo(
    'How the payment is split across documents, for platforms that report allocations (one line per allocation, each linking to a bill, credit note, refund or payment on account).',
  ),
  amount: todo("The amount paid, in the payment's currency, tax included."),
  bill_id: todo("The platform's ID for the bill this payment is applied to."),
  contact_id: todo("The platform's ID for the vendor who was paid."),
  credit_note_id: todo("The platform's ID for the bill credit note used to settle the bill, when paid by credit."),
  currency_id: todo("The platform's ID for the currency the payment was made in."),
  currency_rate: todo("Rate between the payment's currency and the company's base currency."),
  document_number: todo('The reference or document number recorded on the payment.'),
  memo: todo('A free-text description of the payment.'),
  payment_date: todo('When the payment was made, as an ISO 8601 timestamp.'),
  payment_id: todo(
    "The platform's ID for the payment as a whole; several bill payments share it when one payment settles several bills.",
  ),
  payment_mode: todo('How the payment was made, as the platform names it (for example Cash, Cheque, Bank Transfer).'),
  platform_id: todo("The accounting platform's ID for this bill payment."),
  updated_at: todo('When the payment was last changed on the accounting platform.'),
});

/** The body Zoho Books expects when one is created. Declare the fields you send. */
export interface ZohoBooksBillPaymentRequest {
  [field: string]: unknown;
}

export const write = mapWrite<'bill_payments', ZohoBooksBillPaymentRequest>({
  account_id: todo("The platform's ID for the account (usually a bank account) the payment was made from."),
  allocations: todo(
    'How the payment is split across documents, for platforms that report allocations (one line per allocation, each linking to a bill, credit note, refund or payment on account).',
  ),
  amount: todo("The amount paid, in the payment's currency, tax included."),
  bill_id: todo("The platform's ID for the bill this payment is applied to."),
  contact_id: todo("The platform's ID for the vendor who was paid."),
  credit_note_id: todo("The platform's ID for the bill credit note used to settle the bill, when paid by credit."),
  currency_id: todo("The platform's ID for the currency the payment was made in."),
  currency_rate: todo("Rate between the payment's currency and the company's base currency."),
  document_number: todo('The reference or document number recorded on the payment.'),
  memo: todo('A free-text description of the payment.'),
  payment_date: todo('When the payment was made, as an ISO 8601 timestamp.'),
  payment_mode: todo('How the payment was made, as the platform names it (for example Cash, Cheque, Bank Transfer).'),
});
