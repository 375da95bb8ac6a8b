/**
 * Zoho Books → ledgerspec Account (`accounts`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Zoho Books record as its API returns it. Declare the fields you map. */
export interface ZohoBooksAccount {
  [field: string]: unknown;
}

export const read = mapRead<'accounts', ZohoBooksAccount>({
  business_unit_id: todo(
    "The platform's ID for the subsidiary or business unit the account belongs to, where the platform has them.",
  ),
  category: todo(
    "The account's top-level classification in the financial statements, or Unknown when the platform's classification does not map.",
  ),
  currency_id: todo("The platform's ID for the currency the account is kept in."),
  current_balance: todo("The account's current balance as computed by the platform, in the account's currency."),
  description: todo('A free-text description of what the account is used for.'),
  name: todo("The account's name."),
  nominal_code: todo(
    "The account's code or number in the chart of accounts. Some platforms (Xero) identify accounts by this code rather than by platform_id when other records reference them.",
  ),
  parent_account_id: todo(
    "The platform's ID for the account this one is nested under, for hierarchical charts of accounts.",
  ),
  platform_id: todo("The accounting platform's ID for this account."),
  status: todo(
    "Whether the account is in use (Active), archived or deactivated (Archived), or Unknown when the platform's state does not map.",
  ),
  sub_category: todo(
    'The platform\'s finer account type, as free text (for example long_term_liability, other_expense or "Current Assets").',
  ),
  updated_at: todo('When the account was last changed on the accounting platform.'),
});

/** The body Zoho Books expects when one is created. Declare the fields you send. */
export interface ZohoBooksAccountRequest {
  [field: string]: unknown;
}

export const write = mapWrite<'accounts', ZohoBooksAccountRequest>({
  business_unit_id: todo(
    "The platform's ID for the subsidiary or business unit the account belongs to, where the platform has them.",
  ),
  category: todo(
    "The account's top-level classification in the financial statements, or Unknown when the platform's classification does not map.",
  ),
  currency_id: todo("The platform's ID for the currency the account is kept in."),
  description: todo('A free-text description of what the account is used for.'),
  name: todo("The account's name."),
  nominal_code: todo(
    "The account's code or number in the chart of accounts. Some platforms (Xero) identify accounts by this code rather than by platform_id when other records reference them.",
  ),
  parent_account_id: todo(
    "The platform's ID for the account this one is nested under, for hierarchical charts of accounts.",
  ),
  status: todo(
    "Whether the account is in use (Active), archived or deactivated (Archived), or Unknown when the platform's state does not map.",
  ),
  sub_category: todo(
    'The platform\'s finer account type, as free text (for example long_term_liability, other_expense or "Current Assets").',
  ),
});
