/**
 * Zoho Books → ledgerspec BankAccount (`bank_accounts`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Zoho Books record as its API returns it. Declare the fields you map. */
export interface ZohoBooksBankAccount {
  [field: string]: unknown;
}

export const read = mapRead<'bank_accounts', ZohoBooksBankAccount>({
  account_name: todo('The name the company gives the account.'),
  account_number: todo('The account number, often masked by the platform (for example xxxx1234).'),
  balance: todo("The account's balance as the platform reports it, in the account's currency."),
  category: todo(
    'The kind of account as the platform names it, as free text (for example bank, credit_card, savings), when the platform reports one.',
  ),
  currency_id: todo("The platform's ID for the currency the account is held in."),
  institution_name: todo('The name of the bank or financial institution holding the account.'),
  platform_id: todo("The accounting platform's ID for this bank account."),
  updated_at: todo('When the bank account was last changed on the accounting platform.'),
});
