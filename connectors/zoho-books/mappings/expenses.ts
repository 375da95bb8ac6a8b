/**
 * Zoho Books → ledgerspec Expense (`expenses`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Zoho Books record as its API returns it. Declare the fields you map. */
export interface ZohoBooksExpense {
  [field: string]: unknown;
}

export const read = mapRead<'expenses', ZohoBooksExpense>({
  account_id: todo("The platform's ID for the account (bank, card or cash) the expense was paid from."),
  contact_id: todo("The platform's ID for the vendor or payee, when the platform records one."),
  currency_id: todo("The platform's ID for the currency the expense was paid in."),
  currency_rate: todo("Rate between the expense's currency and the company's base currency."),
  document_number: todo('The reference or receipt number of the expense.'),
  line_items: todo("The expense's lines, each charging an amount to an expense account or item."),
  memo: todo('A free-text description of the expense.'),
  payment_mode: todo('How the expense was paid, as the platform names it (for example Cash, Credit Card).'),
  platform_id: todo("The accounting platform's ID for this expense."),
  posted_date: todo('When the expense was incurred, as an ISO 8601 timestamp.'),
  sub_total: todo('Total of the expense lines before tax and discounts.'),
  tax_amount: todo('Total tax paid on the expense.'),
  total_amount: todo('The amount paid, after discounts and including tax.'),
  total_discount: todo('Total discount applied to the expense.'),
  updated_at: todo('When the expense was last changed on the accounting platform.'),
});

/** The body Zoho Books expects when one is created. Declare the fields you send. */
export interface ZohoBooksExpenseRequest {
  [field: string]: unknown;
}

export const write = mapWrite<'expenses', ZohoBooksExpenseRequest>({
  account_id: todo("The platform's ID for the account (bank, card or cash) the expense was paid from."),
  contact_id: todo("The platform's ID for the vendor or payee, when the platform records one."),
  currency_id: todo("The platform's ID for the currency the expense was paid in."),
  currency_rate: todo("Rate between the expense's currency and the company's base currency."),
  document_number: todo('The reference or receipt number of the expense.'),
  line_items: todo("The expense's lines, each charging an amount to an expense account or item."),
  memo: todo('A free-text description of the expense.'),
  payment_mode: todo('How the expense was paid, as the platform names it (for example Cash, Credit Card).'),
  posted_date: todo('When the expense was incurred, as an ISO 8601 timestamp.'),
  sub_total: todo('Total of the expense lines before tax and discounts.'),
  tax_amount: todo('Total tax paid on the expense.'),
  total_amount: todo('The amount paid, after discounts and including tax.'),
  total_discount: todo('Total discount applied to the expense.'),
});
