/**
 * Zoho Books currency (`GET /settings/currencies/{currency_id}`) → ledgerspec Currency (`currencies`).
 * Read-only in the unified API.
 */
import { mapRead } from '../../../generated/connectors/index.js';
import { amount, flag } from '../../lib/values.js';
import { zohoDateTime, zohoId, zohoText } from '../values.js';

/** The currency under `currency` in Zoho's response. */
export interface ZohoBooksCurrency {
  currency_id: string | number;
  currency_code?: string;
  /** `"USD- US Dollar"`: the code, a dash, then the name. */
  currency_name?: string;
  currency_symbol?: string;
  is_base_currency?: boolean;
  /** 0 for the base currency. */
  exchange_rate?: number;
  /** When the current rate took effect; `""` when none is set. */
  effective_date?: string;
}

/** The name without Zoho's `"USD- "` prefix ("US Dollar"), as the unified API has always shown it. */
function currencyName(raw: ZohoBooksCurrency): string | null {
  const name = zohoText(raw.currency_name);
  const code = zohoText(raw.currency_code);
  if (name === null || code === null || !name.startsWith(code)) return name;
  return zohoText(name.slice(code.length).replace(/^\s*-\s*/, '')) ?? name;
}

export const read = mapRead<'currencies', ZohoBooksCurrency>({
  platform_id: (raw) => zohoId(raw.currency_id),
  name: currencyName,
  code: (raw) => zohoText(raw.currency_code),
  symbol: (raw) => zohoText(raw.currency_symbol),
  is_base_currency: (raw) => flag(raw.is_base_currency),
  // Kept as Zoho reports it, 0 on the base currency included (the spec allows it; seed 002 shows it).
  exchange_rate: (raw) => amount(raw.exchange_rate),
  // A currency's only change Zoho dates is its exchange rate.
  updated_at: (raw) => zohoDateTime(raw.effective_date),
});
