/**
 * Xero → ledgerspec CompanyInfo (`company_info`): Xero's Organisation (`GET /Organisation`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, notSupported, todo } from '../../../generated/connectors/index.js';
import { text } from '../../lib/values.js';
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

export const read = mapRead<'company_info', XeroOrganisation>({
  addresses: (raw) => addresses(raw.Addresses),
  base_currency: (raw) => text(raw.BaseCurrency),
  external_links: (raw) => externalLinks(raw.ExternalLinks),
  fiscal_start_at: notSupported(
    'Xero gives only the day and month the financial year ends (FinancialYearEndDay/Month), not a dated start; which year is current depends on the day of the read.',
  ),
  fiscal_year_start_day: todo('The day of fiscal_year_start_month the financial year starts on (1 on most platforms).'),
  fiscal_year_start_month: todo("The month the company's financial year starts in, 1 (January) to 12 (December)."),
  legal_name: (raw) => text(raw.LegalName),
  name: (raw) => text(raw.Name),
  org_created_at: (raw) => xeroDate(raw.CreatedDateUTC),
  phone_numbers: (raw) => phones(raw.Phones),
  platform_id: (raw) => raw.OrganisationID,
  registration_number: (raw) => text(raw.RegistrationNumber),
  tax_number: (raw) => text(raw.TaxNumber),
  updated_at: notSupported("Xero's Organisation carries no last-modified time."),
});
