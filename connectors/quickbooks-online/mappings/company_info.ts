/**
 * QuickBooks Online → ledgerspec CompanyInfo (`company_info`).
 *
 * QBO `CompanyInfo` (`/v3/company/{realmId}/companyinfo/{realmId}`). The home currency is not
 * here (it is in Preferences.CurrencyPrefs). The fiscal year starts on the first day of
 * `FiscalYearStartMonth` ("January"); `EmployerId` is the company's EIN (US) or business number.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import type { Address } from '../../../generated/types/index.js';
import { dateTime, text } from '../../lib/values.js';
import { address, lastUpdated, phones, type QboAddress, type QboEntity, type QboPhone } from '../values.js';

/** The QBO CompanyInfo as its API returns it. */
export interface QuickBooksOnlineCompanyInfo extends QboEntity {
  CompanyName?: string;
  LegalName?: string;
  CompanyAddr?: QboAddress;
  CustomerCommunicationAddr?: QboAddress;
  LegalAddr?: QboAddress;
  PrimaryPhone?: QboPhone;
  CompanyStartDate?: string;
  FiscalYearStartMonth?: string;
  EmployerId?: string;
  Country?: string;
  Email?: { Address?: string };
  WebAddr?: { URI?: string };
  SupportedLanguages?: string;
  NameValue?: { Name: string; Value: string }[];
}

/** The company, legal and customer-facing addresses (neither billing nor shipping, so Unknown),
 * each once: QBO repeats the company address in all three until they are set apart. */
function distinct(addresses: Address[]): Address[] {
  const seen = new Set<string>();
  return addresses.filter((entry) => {
    const key = JSON.stringify(entry);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "January" → 1; null for anything else. */
function monthNumber(value: unknown): number | null {
  const index = MONTHS.indexOf(String(value ?? ''));
  return index === -1 ? null : index + 1;
}

export const read = mapRead<'company_info', QuickBooksOnlineCompanyInfo>({
  addresses: (raw) =>
    distinct(
      [raw.CompanyAddr, raw.LegalAddr, raw.CustomerCommunicationAddr].flatMap((entry) => address(entry, 'Unknown')),
    ),
  base_currency: notSupported('The home currency is in QBO Preferences (CurrencyPrefs.HomeCurrency), not CompanyInfo.'),
  external_links: (raw) => {
    const link = text(raw.WebAddr?.URI);
    return link === null ? [] : [{ type: 'Website', link }];
  },
  fiscal_start_at: notSupported(
    'Deprecated in the spec; QBO gives only FiscalYearStartMonth (see fiscal_year_start_month).',
  ),
  // QBO fiscal years start on the first of FiscalYearStartMonth.
  fiscal_year_start_day: (raw) => (monthNumber(raw.FiscalYearStartMonth) === null ? null : 1),
  fiscal_year_start_month: (raw) => monthNumber(raw.FiscalYearStartMonth),
  legal_name: (raw) => text(raw.LegalName),
  name: (raw) => text(raw.CompanyName),
  org_created_at: (raw) => dateTime(raw.MetaData?.CreateTime),
  phone_numbers: (raw) => phones([[raw.PrimaryPhone, 'Telephone']]),
  platform_id: (raw) => text(raw.Id) ?? String(raw.Id),
  registration_number: notSupported('QBO CompanyInfo has no company registration number.'),
  tax_number: (raw) => text(raw.EmployerId),
  updated_at: lastUpdated,
});
