/**
 * Zoho Books → ledgerspec Currency (`currencies`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Zoho Books record as its API returns it. Declare the fields you map. */
export interface ZohoBooksCurrency {
  [field: string]: unknown;
}

export const read = mapRead<'currencies', ZohoBooksCurrency>({
  code: todo("The currency's ISO 4217 code (for example INR), when the platform provides one."),
  exchange_rate: todo(
    "Rate between this currency and the company's base currency, as the platform reports it; some platforms report 0 or nothing when no rate is set (always so for the base currency).",
  ),
  is_base_currency: todo("Whether this is the company's base (home) currency."),
  name: todo("The currency's display name (for example Indian Rupee)."),
  platform_id: todo("The accounting platform's ID for this currency."),
  symbol: todo('The symbol printed with amounts in this currency (for example ₹); often missing.'),
  updated_at: todo('When the currency was last changed on the accounting platform.'),
});
