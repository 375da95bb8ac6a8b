/**
 * Xero → ledgerspec Contact (`contacts`): Xero's Contact (`GET /Contacts/{ContactID}`).
 *
 * Started by `ledgerspec scaffold connector`; from here on the file is yours. `ledgerspec generate`
 * adds a `todo(...)` entry for each field new to the spec and flags entries for fields the spec no
 * longer has; it never changes what you wrote. Replace each `todo(...)` with a function of the
 * platform's record, or with `notSupported('why')` when the platform has no such field.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { ContactContactType, ContactStatus } from '../../../generated/types/contact.js';
import type { PhoneNumber } from '../../../generated/types/index.js';
import { enumValue, list, text } from '../../lib/values.js';
import { addresses, phoneOf, phones, toXeroAddresses, type XeroAddress, type XeroPhone } from '../details.js';
import { toXeroEnum, xeroDate } from '../values.js';

export interface XeroContactPerson {
  FirstName?: string;
  LastName?: string;
  EmailAddress?: string;
  IncludeInEmails?: boolean;
}

export interface XeroContact {
  ContactID: string;
  ContactNumber?: string;
  AccountNumber?: string;
  ContactStatus?: string;
  Name?: string;
  FirstName?: string;
  LastName?: string;
  CompanyNumber?: string;
  EmailAddress?: string;
  TaxNumber?: string;
  Addresses?: XeroAddress[];
  Phones?: XeroPhone[];
  ContactPersons?: XeroContactPerson[];
  IsSupplier?: boolean;
  IsCustomer?: boolean;
  DefaultCurrency?: string;
  Website?: string;
  UpdatedDateUTC?: string;
}

type Status = NonNullable<ContactStatus>;

/** GDPRREQUEST: the contact's personal data is to be erased; it can no longer be used. */
const STATUSES: Record<string, Status> = { ACTIVE: 'Active', ARCHIVED: 'Archived', GDPRREQUEST: 'Archived' };
const TO_STATUS = { Active: 'ACTIVE', Archived: 'ARCHIVED' } as const;

/** Xero marks a contact customer or supplier itself, once a sales invoice or a bill names it. */
function contactType(raw: XeroContact): ContactContactType {
  if (raw.IsCustomer && raw.IsSupplier) return 'Both';
  if (raw.IsCustomer) return 'Customer';
  if (raw.IsSupplier) return 'Vendor';
  return 'Unknown';
}

/** The contact's own first and last name are its main person (ContactPersons are the others). */
function mainPerson(raw: XeroContact): string | null {
  const name = [text(raw.FirstName), text(raw.LastName)].filter((part) => part !== null).join(' ');
  return name === '' ? null : name;
}

export const read = mapRead<'contacts', XeroContact>({
  addresses: (raw) => addresses(raw.Addresses),
  contact_name: (raw) => mainPerson(raw),
  contact_persons: (raw) =>
    list(raw.ContactPersons).map((person) => ({
      first_name: text(person.FirstName),
      last_name: text(person.LastName),
      email: text(person.EmailAddress),
      is_primary: false,
    })),
  contact_type: (raw) => contactType(raw),
  currency_id: (raw) => text(raw.DefaultCurrency),
  email: (raw) => text(raw.EmailAddress),
  external_links: (raw) => {
    const website = text(raw.Website);
    return website === null ? [] : [{ type: 'Website' as const, link: website }];
  },
  fax: (raw) => phoneOf(raw.Phones, 'FAX'),
  mobile: (raw) => phoneOf(raw.Phones, 'MOBILE'),
  name: (raw) => text(raw.Name),
  phone_numbers: (raw) => phones(raw.Phones),
  platform_id: (raw) => raw.ContactID,
  registration_number: (raw) => text(raw.CompanyNumber),
  status: (raw) => enumValue<Status>(STATUSES, raw.ContactStatus, 'Unknown'),
  tax_number: (raw) => text(raw.TaxNumber),
  telephone: (raw) => phoneOf(raw.Phones, 'DEFAULT', 'DDI'),
  updated_at: (raw) => xeroDate(raw.UpdatedDateUTC),
  website: (raw) => text(raw.Website),
});

/** The create body of `PUT /Contacts` in its single-record form. */
export interface XeroContactRequest {
  Name?: string;
  FirstName?: string;
  LastName?: string;
  EmailAddress?: string;
  CompanyNumber?: string;
  TaxNumber?: string;
  DefaultCurrency?: string;
  ContactStatus?: string;
  Addresses?: XeroAddress[];
  Phones?: XeroPhone[];
  ContactPersons?: XeroContactPerson[];
}

/** Xero keeps one phone per type; these are the types each kind of unified number may take. */
const PHONE_SLOTS: Record<NonNullable<PhoneNumber['type']>, string[]> = {
  Telephone: ['DEFAULT', 'DDI'],
  Mobile: ['MOBILE'],
  Fax: ['FAX'],
  Unknown: ['DDI', 'DEFAULT'],
};

/** The numbers of phone_numbers that telephone, mobile and fax have not already sent, each in
 * the first free Xero phone type of its kind (numbers with no free type are dropped). */
function otherPhones(
  numbers: readonly PhoneNumber[],
  body: { telephone?: string | null; mobile?: string | null; fax?: string | null },
): XeroPhone[] {
  const taken = new Set([body.telephone && 'DEFAULT', body.mobile && 'MOBILE', body.fax && 'FAX']);
  const sent = new Set([body.telephone, body.mobile, body.fax].filter(Boolean));
  return numbers.flatMap((phone) => {
    if (!phone.number || sent.has(phone.number)) return [];
    const slot = PHONE_SLOTS[phone.type ?? 'Unknown'].find((type) => !taken.has(type));
    if (!slot) return [];
    taken.add(slot);
    return [{ PhoneType: slot, PhoneNumber: phone.number }];
  });
}

const READ_ONLY_ROLE = 'Xero sets IsCustomer/IsSupplier itself when a sales invoice or a bill names the contact.';
const READ_ONLY_WEBSITE = "Xero's API returns a contact's Website but does not accept it.";

export const write = mapWrite<'contacts', XeroContactRequest>({
  addresses: (unified) => (unified.length > 0 ? { Addresses: toXeroAddresses(unified) } : undefined),
  contact_name: (name) => {
    if (!name) return undefined;
    const [first, ...rest] = name.trim().split(/\s+/);
    return rest.length > 0 ? { FirstName: first, LastName: rest.join(' ') } : { FirstName: first };
  },
  contact_persons: (people) =>
    people.length > 0
      ? {
          ContactPersons: people.map((person) => ({
            ...(person.first_name ? { FirstName: person.first_name } : {}),
            ...(person.last_name ? { LastName: person.last_name } : {}),
            ...(person.email ? { EmailAddress: person.email } : {}),
          })),
        }
      : undefined,
  contact_type: notSupported(READ_ONLY_ROLE),
  currency_id: (code) => (code ? { DefaultCurrency: code } : undefined),
  email: (email) => (email ? { EmailAddress: email } : undefined),
  external_links: notSupported(READ_ONLY_WEBSITE),
  fax: (number) => (number ? { Phones: [{ PhoneType: 'FAX', PhoneNumber: number }] } : undefined),
  mobile: (number) => (number ? { Phones: [{ PhoneType: 'MOBILE', PhoneNumber: number }] } : undefined),
  name: (name) => (name ? { Name: name } : undefined),
  phone_numbers: (numbers, body) => {
    const others = otherPhones(numbers, body);
    return others.length > 0 ? { Phones: others } : undefined;
  },
  registration_number: (number) => (number ? { CompanyNumber: number } : undefined),
  status: (status) => {
    const xero = toXeroEnum(TO_STATUS, status);
    return xero ? { ContactStatus: xero } : undefined;
  },
  tax_number: (number) => (number ? { TaxNumber: number } : undefined),
  telephone: (number) => (number ? { Phones: [{ PhoneType: 'DEFAULT', PhoneNumber: number }] } : undefined),
  website: notSupported(READ_ONLY_WEBSITE),
});
