/**
 * Zoho Books → ledgerspec BankTransaction (`bank_transactions`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Zoho Books record as its API returns it. Declare the fields you map. */
export interface ZohoBooksBankTransaction {
  [field: string]: unknown;
}

export const read = mapRead<'bank_transactions', ZohoBooksBankTransaction>({
  account_id: todo("The platform's ID for the bank account (a ledger account) the transaction is recorded on."),
  amount: todo("The transaction's amount, in its currency."),
  contact_id: todo("The platform's ID for the customer or vendor on the other side of the transaction."),
  currency_id: todo("The platform's ID for the currency of the transaction."),
  currency_rate: todo("Rate between the transaction's currency and the company's base currency."),
  debit_or_credit: todo(
    "Direction of the movement on the bank account as the company's books see it (the bank account being an asset): Debit for money in, Credit for money out, or Unknown when the platform does not say.",
  ),
  from_account_id: todo("For transfers, the platform's ID for the account the money leaves."),
  line_items: todo(
    "The transaction's lines (account, tax and amount splits), for platforms that itemize bank transactions.",
  ),
  platform_id: todo("The accounting platform's ID for this bank transaction."),
  status: todo(
    "The transaction's state in the platform's own words, not normalized (for example manually_added, matched, reconciled).",
  ),
  to_account_id: todo("For transfers, the platform's ID for the account the money goes to."),
  transaction_date: todo('When the transaction took place, as an ISO 8601 timestamp.'),
  type: todo(
    "The kind of transaction in the platform's own words, not normalized (for example deposit, creditcard, transfer_fund).",
  ),
  updated_at: todo('When the transaction was last changed on the accounting platform.'),
});

/** The body Zoho Books expects when one is created. Declare the fields you send. */
export interface ZohoBooksBankTransactionRequest {
  [field: string]: unknown;
}

export const write = mapWrite<'bank_transactions', ZohoBooksBankTransactionRequest>({
  account_id: todo("The platform's ID for the bank account (a ledger account) the transaction is recorded on."),
  amount: todo("The transaction's amount, in its currency."),
  contact_id: todo("The platform's ID for the customer or vendor on the other side of the transaction."),
  currency_id: todo("The platform's ID for the currency of the transaction."),
  currency_rate: todo("Rate between the transaction's currency and the company's base currency."),
  debit_or_credit: todo(
    "Direction of the movement on the bank account as the company's books see it (the bank account being an asset): Debit for money in, Credit for money out, or Unknown when the platform does not say.",
  ),
  from_account_id: todo("For transfers, the platform's ID for the account the money leaves."),
  line_items: todo(
    "The transaction's lines (account, tax and amount splits), for platforms that itemize bank transactions.",
  ),
  status: todo(
    "The transaction's state in the platform's own words, not normalized (for example manually_added, matched, reconciled).",
  ),
  to_account_id: todo("For transfers, the platform's ID for the account the money goes to."),
  transaction_date: todo('When the transaction took place, as an ISO 8601 timestamp.'),
  type: todo(
    "The kind of transaction in the platform's own words, not normalized (for example deposit, creditcard, transfer_fund).",
  ),
});
