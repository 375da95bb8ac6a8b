/**
 * Zoho Books → ledgerspec CompanyInfo (`company_info`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Zoho Books record as its API returns it. Declare the fields you map. */
export interface ZohoBooksCompanyInfo {
  [field: string]: unknown;
}

export const read = mapRead<'company_info', ZohoBooksCompanyInfo>({
  addresses: todo("The company's addresses."),
  base_currency: todo("The company's base (home) currency, as an ISO 4217 code."),
  external_links: todo('Links recorded for the company, such as its website.'),
  fiscal_start_at: todo("When the company's current financial year starts, as an ISO 8601 timestamp."),
  legal_name: todo("The company's registered legal name."),
  name: todo("The company's trading or display name."),
  org_created_at: todo('When the company was set up on the accounting platform.'),
  phone_numbers: todo("The company's phone numbers with their kind (mobile, telephone, fax)."),
  platform_id: todo("The accounting platform's ID for the company (organisation) whose books are connected."),
  registration_number: todo("The company's registration number with its company registry."),
  tax_number: todo("The company's tax identification number (for example a VAT, GST or EIN number)."),
  updated_at: todo('When the company profile was last changed on the accounting platform.'),
});
