/**
 * Zoho Books → ledgerspec Contact (`contacts`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';

/** The Zoho Books record as its API returns it. Declare the fields you map. */
export interface ZohoBooksContact {
  [field: string]: unknown;
}

export const read = mapRead<'contacts', ZohoBooksContact>({
  addresses: todo("The contact's addresses (billing, shipping)."),
  contact_name: todo('The name of the main person to deal with at the contact.'),
  contact_persons: todo('The people recorded at the contact, for platforms that keep several.'),
  contact_type: todo(
    'Whether the company sells to the contact (Customer), buys from it (Vendor), does both (Both), or Unknown when the platform does not say.',
  ),
  currency_id: todo("The platform's ID for the contact's default currency."),
  email: todo("The contact's main email address."),
  external_links: todo('Links recorded for the contact, such as its website.'),
  fax: todo("The contact's fax number."),
  mobile: todo("The contact's main mobile number."),
  name: todo("The contact's display name (usually the business or person name)."),
  phone_numbers: todo("All the contact's phone numbers with their kind (mobile, telephone, fax)."),
  platform_id: todo("The accounting platform's ID for this contact."),
  registration_number: todo("The contact's company registration number."),
  status: todo(
    "Whether the contact is in use (Active), archived or deactivated (Archived), or Unknown when the platform's state does not map.",
  ),
  tax_number: todo("The contact's tax identification number (for example a VAT, GST or EIN number)."),
  telephone: todo("The contact's main landline number."),
  updated_at: todo('When the contact was last changed on the accounting platform.'),
  website: todo("The contact's website address."),
});

/** The body Zoho Books expects when one is created. Declare the fields you send. */
export interface ZohoBooksContactRequest {
  [field: string]: unknown;
}

export const write = mapWrite<'contacts', ZohoBooksContactRequest>({
  addresses: todo("The contact's addresses (billing, shipping)."),
  contact_name: todo('The name of the main person to deal with at the contact.'),
  contact_persons: todo('The people recorded at the contact, for platforms that keep several.'),
  contact_type: todo(
    'Whether the company sells to the contact (Customer), buys from it (Vendor), does both (Both), or Unknown when the platform does not say.',
  ),
  currency_id: todo("The platform's ID for the contact's default currency."),
  email: todo("The contact's main email address."),
  external_links: todo('Links recorded for the contact, such as its website.'),
  fax: todo("The contact's fax number."),
  mobile: todo("The contact's main mobile number."),
  name: todo("The contact's display name (usually the business or person name)."),
  phone_numbers: todo("All the contact's phone numbers with their kind (mobile, telephone, fax)."),
  registration_number: todo("The contact's company registration number."),
  status: todo(
    "Whether the contact is in use (Active), archived or deactivated (Archived), or Unknown when the platform's state does not map.",
  ),
  tax_number: todo("The contact's tax identification number (for example a VAT, GST or EIN number)."),
  telephone: todo("The contact's main landline number."),
  website: todo("The contact's website address."),
});
