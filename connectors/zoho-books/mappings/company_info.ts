/**
 * Zoho Books organization (`GET /organizations/{organization_id}`) → ledgerspec CompanyInfo
 * (`company_info`). Read-only in the unified API.
 */
import { mapRead, notSupported } from '../../../generated/connectors/index.js';
import type { CompanyInfo } from '../../../generated/types/index.js';
import { address, phoneNumbers, zohoDateTime, zohoId, zohoText } from '../values.js';

/** The organisation's address: unlike contacts', its street lines are `street_address1/2`. */
interface ZohoOrganizationAddress {
  street_address1?: string;
  street_address2?: string;
  city?: string;
  state?: string;
  state_code?: string;
  country?: string;
  zip?: string;
}

/** The organisation under `organization` in Zoho's response. */
export interface ZohoBooksOrganization {
  organization_id: string | number;
  name?: string;
  currency_code?: string;
  /** `"january"` on `GET /organizations/{id}`; the list endpoint sends a month index (0 = January). */
  fiscal_year_start_month?: string | number;
  account_created_date?: string;
  company_id_value?: string;
  tax_id_value?: string;
  /** Sent by some editions instead of `tax_id_value`. */
  tax_settings?: { tax_reg_no?: string };
  address?: ZohoOrganizationAddress;
  phone?: string;
  fax?: string;
  website?: string;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The month index (0 = January) from Zoho's month name or index. */
function startMonth(value: string | number | undefined): number | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value < 12 ? value : null;
  const index = MONTHS.indexOf(String(value ?? '').toLowerCase());
  return index === -1 ? null : index;
}

/**
 * Zoho gives only the month a financial year starts in. The mapping must not depend on the clock
 * (the same record always maps the same way), so the year is that of the financial year in which the
 * organisation was created: the month and day, which are what the field carries, are exact.
 */
function fiscalStart(raw: ZohoBooksOrganization): string | null {
  const month = startMonth(raw.fiscal_year_start_month);
  const created = zohoDateTime(raw.account_created_date);
  if (month === null || created === null) return null;
  const createdOn = new Date(created);
  const year = createdOn.getUTCMonth() >= month ? createdOn.getUTCFullYear() : createdOn.getUTCFullYear() - 1;
  return new Date(Date.UTC(year, month, 1)).toISOString();
}

function addresses(raw: ZohoBooksOrganization): NonNullable<CompanyInfo['addresses']> {
  const org = raw.address ?? {};
  // The organisation's address is the one its documents are issued and billed from.
  const unified = address({ ...org, address: org.street_address1, street2: org.street_address2 }, 'Billing');
  return unified === null ? [] : [unified];
}

export const read = mapRead<'company_info', ZohoBooksOrganization>({
  platform_id: (raw) => zohoId(raw.organization_id),
  name: (raw) => zohoText(raw.name),
  legal_name: notSupported('Zoho Books keeps one organisation name (name); there is no separate legal name.'),
  base_currency: (raw) => zohoText(raw.currency_code)?.toUpperCase() ?? null,
  fiscal_start_at: fiscalStart,
  org_created_at: (raw) => zohoDateTime(raw.account_created_date),
  registration_number: (raw) => zohoText(raw.company_id_value),
  tax_number: (raw) => zohoText(raw.tax_id_value) ?? zohoText(raw.tax_settings?.tax_reg_no),
  addresses,
  phone_numbers: (raw) =>
    phoneNumbers([
      [raw.phone, 'Telephone'],
      [raw.fax, 'Fax'],
    ]),
  external_links: (raw) => {
    const website = zohoText(raw.website);
    return website === null ? [] : [{ link: website, type: 'Website' }];
  },
  // Zoho's financial year starts on the first of the month it names (the month is all it stores).
  fiscal_year_start_day: (raw) => (startMonth(raw.fiscal_year_start_month) === null ? null : 1),
  // Zoho's index counts from 0 (January); the unified month from 1.
  fiscal_year_start_month: (raw) => {
    const month = startMonth(raw.fiscal_year_start_month);
    return month === null ? null : month + 1;
  },
  updated_at: notSupported('Zoho Books organisations carry no modification time.'),
});
