/**
 * Codat → ledgerspec CompanyInfo (`company_info`).
 *
 * Codat's Company info (`GET /companies/{companyId}/data/info`): the connected company's profile.
 * `accountingPlatformRef` is the platform's own id for the company; `financialYearStartDate` is
 * the start of the current financial year, from which the start month and day are read.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import type { CompanyInfo, ExternalLink, PhoneNumber } from '../../../generated/types/index.js';
import { calendarDate, dateTime, enumValue, text } from '../../lib/values.js';
import { address, type CodatAddress, type CodatPhone } from './contacts.js';

/** The Codat Company info as its API returns it. */
export interface CodatCompanyInfo {
  companyName?: string | null;
  accountingPlatformRef?: string | null;
  companyLegalName?: string | null;
  addresses?: CodatAddress[] | null;
  phoneNumbers?: CodatPhone[] | null;
  webLinks?: ({ type?: string | null; url?: string | null } | null)[] | null;
  registrationNumber?: string | null;
  taxNumber?: string | null;
  financialYearStartDate?: string | null;
  baseCurrency?: string | null;
  sourceUrls?: Record<string, string> | null;
  createdDate?: string | null;
}

const PHONE_TYPES: Readonly<Record<string, NonNullable<PhoneNumber['type']>>> = {
  Landline: 'Telephone',
  Mobile: 'Mobile',
  Fax: 'Fax',
  Primary: 'Unknown',
  Unknown: 'Unknown',
};
const LINK_TYPES: Readonly<Record<string, NonNullable<ExternalLink['type']>>> = {
  Website: 'Website',
  Social: 'Social',
  Unknown: 'Unknown',
};

/** Month and day of the financial year's start, from the start date of the current one. */
function yearStart(value: unknown): { month: number; day: number } | null {
  const date = calendarDate(value);
  return date === null ? null : { month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export const read = mapRead<'company_info', CodatCompanyInfo>(
  {
    addresses: (raw) => (raw.addresses ?? []).map(address).filter((entry) => entry !== null),
    base_currency: (raw) => text(raw.baseCurrency) as CompanyInfo['base_currency'],
    external_links: (raw) =>
      (raw.webLinks ?? [])
        .filter((link) => text(link?.url))
        .map((link): ExternalLink => ({ link: text(link?.url), type: enumValue(LINK_TYPES, link?.type, 'Unknown') })),
    fiscal_start_at: (raw) => dateTime(raw.financialYearStartDate),
    fiscal_year_start_day: (raw) => yearStart(raw.financialYearStartDate)?.day ?? null,
    fiscal_year_start_month: (raw) => yearStart(raw.financialYearStartDate)?.month ?? null,
    legal_name: (raw) => text(raw.companyLegalName),
    name: (raw) => text(raw.companyName),
    org_created_at: (raw) => dateTime(raw.createdDate),
    phone_numbers: (raw) =>
      (raw.phoneNumbers ?? [])
        .filter((phone) => text(phone.number))
        .map((phone): PhoneNumber => ({
          number: text(phone.number),
          type: enumValue(PHONE_TYPES, phone.type, 'Unknown'),
        })),
    platform_id: (raw) => text(raw.accountingPlatformRef) ?? undefined,
    registration_number: (raw) => text(raw.registrationNumber),
    tax_number: (raw) => text(raw.taxNumber),
    updated_at: notSupported(
      'Codat gives company information no modified date (its docs: modifiedDate is populated for every data type except company information).',
    ),
  },
  {
    skip: (raw) =>
      text(raw.accountingPlatformRef) === null
        ? "Codat sends no accountingPlatformRef (the platform's id for the company): the record cannot be keyed"
        : undefined,
  },
);
