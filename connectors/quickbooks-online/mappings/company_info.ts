/**
 * QuickBooks Online → ledgerspec CompanyInfo (`company_info`).
 *
 * QBO `CompanyInfo` (`/v3/company/{realmId}/companyinfo/{realmId}`). The home currency is not
 * here (it is in Preferences.CurrencyPrefs), nor is a fiscal-year start date: QBO gives only
 * `FiscalYearStartMonth` ("January"), and which year is current depends on the day of the read.
 */
import { mapRead, notSupported, todo } from '../../../generated/connectors/index.js';
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

export const read = mapRead<'company_info', QuickBooksOnlineCompanyInfo>({
  addresses: (raw) => distinct([raw.CompanyAddr, raw.LegalAddr, raw.CustomerCommunicationAddr].flatMap((entry) => address(entry, 'Unknown'))),
  base_currency: notSupported('The home currency is in QBO Preferences (CurrencyPrefs.HomeCurrency), not CompanyInfo.'),
  external_links: (raw) => {
    const link = text(raw.WebAddr?.URI);
    return link === null ? [] : [{ type: 'Website', link }];
  },
  fiscal_start_at: notSupported('QBO gives only FiscalYearStartMonth; the start date depends on the day of the read.'),
  fiscal_year_start_day: todo('The day of fiscal_year_start_month the financial year starts on (1 on most platforms).'),
  fiscal_year_start_month: todo("The month the company's financial year starts in, 1 (January) to 12 (December)."),
  legal_name: (raw) => text(raw.LegalName),
  name: (raw) => text(raw.CompanyName),
  org_created_at: (raw) => dateTime(raw.MetaData?.CreateTime),
  phone_numbers: (raw) => phones([[raw.PrimaryPhone, 'Telephone']]),
  platform_id: (raw) => raw.Id,
  registration_number: notSupported('QBO CompanyInfo has no company registration number.'),
  tax_number: notSupported('QBO CompanyInfo does not expose the company tax id (EIN).'),
  updated_at: lastUpdated,
});
