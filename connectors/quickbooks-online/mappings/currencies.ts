/**
 * QuickBooks Online → ledgerspec Currency (`currencies`).
 *
 * QBO `CompanyCurrency` (`/v3/company/{realmId}/companycurrency/{id}`, multicurrency companies
 * only): the foreign currencies the company has turned on; the home currency is not among them.
 * Every QBO record points at a currency by its ISO code (`CurrencyRef.value` is "USD"), never by
 * the CompanyCurrency Id, so the code is the platform_id that currency_id foreign keys match.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { text } from '../../lib/values.js';
import { lastUpdated, type QboEntity } from '../values.js';

/** The QBO CompanyCurrency as its API returns it. */
export interface QuickBooksOnlineCurrency extends QboEntity {
  Code: string;
  Name?: string;
  Active?: boolean;
}

export const read = mapRead<'currencies', QuickBooksOnlineCurrency>({
  code: (raw) => text(raw.Code),
  exchange_rate: notSupported(
    'QBO keeps rates in the separate Exchangerate entity (per date), not on CompanyCurrency.',
  ),
  // CompanyCurrency lists only the currencies added beside the home currency.
  is_base_currency: () => false,
  name: (raw) => text(raw.Name),
  platform_id: (raw) => raw.Code,
  symbol: notSupported('QBO does not give currency symbols.'),
  updated_at: lastUpdated,
});
