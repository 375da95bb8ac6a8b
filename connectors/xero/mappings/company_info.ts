/**
 * Xero → ledgerspec CompanyInfo (`company_info`): Xero's Organisation (`GET /Organisation`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import { amount, text } from '../../lib/values.js';
import {
  addresses,
  externalLinks,
  phones,
  type XeroAddress,
  type XeroExternalLink,
  type XeroPhone,
} from '../details.js';
import { xeroDate } from '../values.js';

export interface XeroOrganisation {
  OrganisationID: string;
  Name?: string;
  LegalName?: string;
  ShortCode?: string;
  BaseCurrency?: string;
  CountryCode?: string;
  Version?: string;
  OrganisationType?: string;
  OrganisationStatus?: string;
  RegistrationNumber?: string;
  TaxNumber?: string;
  FinancialYearEndDay?: number;
  FinancialYearEndMonth?: number;
  PeriodLockDate?: string;
  EndOfYearLockDate?: string;
  CreatedDateUTC?: string;
  Timezone?: string;
  Addresses?: XeroAddress[];
  Phones?: XeroPhone[];
  ExternalLinks?: XeroExternalLink[];
}

/** Days in each month of a common year; a year ending on 28 February ends on its last day. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Xero gives the last day of the financial year (FinancialYearEndDay/Month, e.g. 31 and 3 for a
 * year ending 31 March); the year starts the day after: 1 April. A year ending on the last day of
 * a month starts on the 1st of the next.
 */
export function fiscalYearStart(raw: XeroOrganisation): { month: number; day: number } | null {
  const day = amount(raw.FinancialYearEndDay);
  const month = amount(raw.FinancialYearEndMonth);
  if (day === null || month === null || !Number.isInteger(month) || month < 1 || month > 12) return null;
  const last = DAYS_IN_MONTH[month - 1]!;
  if (!Number.isInteger(day) || day < 1 || day > 31) return null;
  return day >= last ? { month: (month % 12) + 1, day: 1 } : { month, day: day + 1 };
}

export const read = mapRead<'company_info', XeroOrganisation>({
  addresses: (raw) => addresses(raw.Addresses),
  base_currency: (raw) => text(raw.BaseCurrency),
  external_links: (raw) => externalLinks(raw.ExternalLinks),
  fiscal_start_at: notSupported(
    'Xero gives only the day and month the financial year ends (FinancialYearEndDay/Month), not a dated start; which year is current depends on the day of the read.',
  ),
  fiscal_year_start_day: (raw) => fiscalYearStart(raw)?.day ?? null,
  fiscal_year_start_month: (raw) => fiscalYearStart(raw)?.month ?? null,
  legal_name: (raw) => text(raw.LegalName),
  name: (raw) => text(raw.Name),
  org_created_at: (raw) => xeroDate(raw.CreatedDateUTC),
  phone_numbers: (raw) => phones(raw.Phones),
  platform_id: (raw) => raw.OrganisationID,
  registration_number: (raw) => text(raw.RegistrationNumber),
  tax_number: (raw) => text(raw.TaxNumber),
  updated_at: notSupported("Xero's Organisation carries no last-modified time."),
});
