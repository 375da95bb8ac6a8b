/**
 * Xero → ledgerspec Currency (`currencies`): an entry of `GET /Currencies`. Xero currencies have
 * no ID; the ISO 4217 code is the key, and what documents carry as CurrencyCode.
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { text } from '../../lib/values.js';

export interface XeroCurrency {
  Code: string;
  Description?: string;
}

export const read = mapRead<'currencies', XeroCurrency>({
  code: (raw) => text(raw.Code),
  exchange_rate: notSupported('Xero returns no rates with its currencies; each document carries its own CurrencyRate.'),
  is_base_currency: notSupported(
    "Xero's Currency does not say; the base currency is the Organisation's BaseCurrency (company_info).",
  ),
  name: (raw) => text(raw.Description),
  platform_id: (raw) => raw.Code,
  symbol: notSupported('Xero currencies have no symbol.'),
  updated_at: notSupported('Xero currencies carry no last-modified time.'),
});
