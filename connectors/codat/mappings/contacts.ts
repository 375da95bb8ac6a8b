/**
 * Codat → ledgerspec Contact (`contacts`).
 *
 * Codat keeps customers (`GET /companies/{companyId}/data/customers/{customerId}`) and suppliers
 * (`GET /companies/{companyId}/data/suppliers/{supplierId}`) as two data types of nearly one
 * shape: a customer has `customerName` and its people in `contacts`, a supplier has
 * `supplierName` and no people. Both read into contacts, the kind from the shape. Where the
 * platform keeps one contact for both roles (Xero), Codat returns it once in each list under the
 * same id, and so it reads as two contacts (Customer and Vendor) sharing a platform_id.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { Address, Contact, ContactPerson, PhoneNumber } from '../../../generated/types/index.js';
import { enumValue, text } from '../../lib/values.js';
import { isDeleted, sourceDate, type CodatMetadata } from '../values.js';

/** Codat's address (`AccountingAddress`). */
export interface CodatAddress {
  type: 'Unknown' | 'Billing' | 'Delivery' | string;
  line1?: string | null;
  line2?: string | null;
  city?: string | null;
  region?: string | null;
  country?: string | null;
  postalCode?: string | null;
}

/** Codat's phone number: `type` is Primary, Landline, Mobile, Fax or Unknown. */
export interface CodatPhone {
  number?: string | null;
  type: string;
}

/** A person at a customer. */
export interface CodatPerson {
  name?: string | null;
  email?: string | null;
  phone?: CodatPhone[] | null;
  address?: CodatAddress;
  status?: string;
}

/** A Codat Customer or Supplier as its API returns it. */
export interface CodatContact {
  id: string;
  customerName?: string | null;
  supplierName?: string | null;
  contactName?: string | null;
  emailAddress?: string | null;
  /** One untyped phone number. */
  phone?: string | null;
  addresses?: CodatAddress[] | null;
  /** Customers only. */
  contacts?: CodatPerson[] | null;
  registrationNumber?: string | null;
  taxNumber?: string | null;
  status?: string | null;
  defaultCurrency?: string | null;
  modifiedDate?: string;
  sourceModifiedDate?: string;
  metadata?: CodatMetadata;
}

/** Customer or Vendor, from which of Codat's two data types the record is. */
function kind(raw: CodatContact): NonNullable<Contact['contact_type']> {
  if ('supplierName' in raw) return 'Vendor';
  if ('customerName' in raw || 'contacts' in raw) return 'Customer';
  return 'Unknown';
}

const STATUSES: Readonly<Record<string, NonNullable<Contact['status']>>> = {
  Active: 'Active',
  Archived: 'Archived',
  Unknown: 'Unknown',
};

const ADDRESS_TYPES: Readonly<Record<string, NonNullable<Address['type']>>> = {
  Billing: 'Billing',
  Delivery: 'Shipping',
  Unknown: 'Unknown',
};

/** Codat's address as a unified one; an address of empty strings (Dynamics 365, Sage 200) is none. */
export function address(raw: CodatAddress | null | undefined): Address | null {
  if (!raw) return null;
  const street = [text(raw.line1), text(raw.line2)].filter((line) => line !== null).join('\n');
  const result: Address = {
    type: enumValue(ADDRESS_TYPES, raw.type, 'Unknown'),
    street: text(street),
    city: text(raw.city),
    state: text(raw.region),
    country: text(raw.country),
    postal_code: text(raw.postalCode),
  };
  return (result.street ?? result.city ?? result.state ?? result.country ?? result.postal_code) ? result : null;
}

/** A unified address as Codat's. */
export function toAddress(value: Address): CodatAddress {
  const [line1, ...rest] = (value.street ?? '').split('\n');
  return {
    type: value.type === 'Shipping' ? 'Delivery' : value.type === 'Billing' ? 'Billing' : 'Unknown',
    ...(line1 ? { line1 } : {}),
    ...(rest.length ? { line2: rest.join(', ') } : {}),
    ...(value.city ? { city: value.city } : {}),
    ...(value.state ? { region: value.state } : {}),
    ...(value.country ? { country: value.country } : {}),
    ...(value.postal_code ? { postalCode: value.postal_code } : {}),
  };
}

/** Codat gives a person one full name: it is kept whole in first_name (the spec has no
 * full-name field, and splitting "Conn, Yuna" or "Abercrombie International Group" would be a
 * guess). The first of the person's numbers is its phone. A person of empty strings is none. */
function person(raw: CodatPerson): ContactPerson | null {
  const result: ContactPerson = {
    first_name: text(raw.name),
    last_name: null,
    email: text(raw.email),
    phone: text((raw.phone ?? []).find((entry) => text(entry.number))?.number),
  };
  return (result.first_name ?? result.email ?? result.phone) ? result : null;
}

const notTyped =
  'Codat keeps one untyped phone number per customer or supplier: it is in phone_numbers with type Unknown.';

export const read = mapRead<'contacts', CodatContact>({
  addresses: (raw) => (raw.addresses ?? []).map(address).filter((entry): entry is Address => entry !== null),
  contact_name: (raw) => text(raw.contactName),
  contact_persons: (raw) => (raw.contacts ?? []).map(person).filter((entry): entry is ContactPerson => entry !== null),
  contact_type: (raw) => kind(raw),
  currency_id: (raw) => text(raw.defaultCurrency),
  email: (raw) => text(raw.emailAddress),
  external_links: notSupported('Codat customers and suppliers have no website or other links.'),
  fax: notSupported(notTyped),
  mobile: notSupported(notTyped),
  name: (raw) => text(kind(raw) === 'Vendor' ? raw.supplierName : raw.customerName),
  phone_numbers: (raw): PhoneNumber[] => (text(raw.phone) ? [{ number: text(raw.phone), type: 'Unknown' }] : []),
  platform_id: (raw) => raw.id,
  registration_number: (raw) => text(raw.registrationNumber),
  // A deleted customer or supplier (Codat keeps returning it, flagged) is no longer in use.
  status: (raw) => (isDeleted(raw.metadata) ? 'Archived' : enumValue(STATUSES, raw.status, 'Unknown')),
  tax_number: (raw) => text(raw.taxNumber),
  telephone: notSupported(notTyped),
  updated_at: (raw) => sourceDate(raw.sourceModifiedDate),
  website: notSupported('Codat customers and suppliers have no website or other links.'),
});

/** The body of POST …/push/customers or …/push/suppliers (by `contact_type`). */
export interface CodatContactRequest {
  customerName?: string;
  supplierName?: string;
  contactName?: string;
  emailAddress?: string;
  phone?: string;
  addresses?: CodatAddress[];
  contacts?: CodatPerson[];
  registrationNumber?: string;
  taxNumber?: string;
  status?: string;
  defaultCurrency?: string;
}

export const write = mapWrite<'contacts', CodatContactRequest>({
  addresses: (value) => (value.length ? { addresses: value.map(toAddress) } : undefined),
  contact_name: (value) => (value === null ? undefined : { contactName: value }),
  // Codat has people on customers only.
  contact_persons: (value, body) => {
    if (!value.length) return undefined;
    if (body.contact_type === 'Vendor') throw new Error('Codat suppliers have no contact people');
    return {
      contacts: value.map((entry) => ({
        name: [entry.first_name, entry.last_name].filter(Boolean).join(' ') || null,
        ...(entry.email ? { email: entry.email } : {}),
        phone: entry.phone ? [{ number: entry.phone, type: 'Unknown' }] : [],
        status: 'Active',
      })),
    };
  },
  // The name rule says which of Codat's two data types the body is for.
  contact_type: (value) => {
    if (value === 'Customer' || value === 'Vendor') return undefined;
    throw new Error(
      'Codat creates a customer or a supplier, each a record of its own: contact_type must be Customer or Vendor',
    );
  },
  currency_id: (value) => (value === null ? undefined : { defaultCurrency: value }),
  email: (value) => (value === null ? undefined : { emailAddress: value }),
  external_links: notSupported('Codat customers and suppliers have no website or other links.'),
  fax: notSupported(notTyped),
  mobile: notSupported(notTyped),
  name: (value, body) =>
    value === null ? undefined : body.contact_type === 'Vendor' ? { supplierName: value } : { customerName: value },
  phone_numbers: (value) => {
    const first = value.find((entry) => entry.number);
    return first?.number ? { phone: first.number } : undefined;
  },
  registration_number: (value) => (value === null ? undefined : { registrationNumber: value }),
  status: (value) => (value === null || value === 'Unknown' ? undefined : { status: value }),
  tax_number: (value) => (value === null ? undefined : { taxNumber: value }),
  telephone: notSupported(notTyped),
  website: notSupported('Codat customers and suppliers have no website or other links.'),
});
