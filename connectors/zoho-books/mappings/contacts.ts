/**
 * Zoho Books contact (`GET /contacts/{contact_id}`, `POST /contacts`) → ledgerspec Contact
 * (`contacts`). Customers and vendors are one object in Zoho, told apart by `contact_type`. A
 * contact's email and phone numbers live on its contact persons, the primary one first.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { ContactCreate, ContactPerson } from '../../../generated/types/index.js';
import { enumValue, flag, list } from '../../lib/values.js';
import {
  type ZohoAddress,
  address,
  addressRequest,
  field,
  omitUndefined,
  phoneNumbers,
  zohoDateTime,
  zohoId,
  zohoText,
} from '../values.js';

interface ZohoContactPerson {
  contact_person_id?: string | number;
  salutation?: string;
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  mobile?: string;
  is_primary_contact?: boolean;
}

/** The contact under `contact` in Zoho's response. */
export interface ZohoBooksContact {
  contact_id: string | number;
  /** The display name. */
  contact_name?: string;
  company_name?: string;
  contact_type?: string;
  status?: string;
  currency_id?: string | number;
  website?: string;
  facebook?: string;
  twitter?: string;
  /** Edition-specific tax registration numbers (India, GCC/UK, others). `tax_id` is a tax rate. */
  gst_no?: string;
  vat_reg_no?: string;
  tax_reg_no?: string;
  tax_id_value?: string;
  billing_address?: ZohoAddress;
  shipping_address?: ZohoAddress;
  contact_persons?: ZohoContactPerson[];
  /** Rows of the contact list (`GET /contacts`): the primary person's details on the row. */
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  mobile?: string;
  last_modified_time?: string;
}

const CONTACT_TYPE = { customer: 'Customer', vendor: 'Vendor' } as const;
const STATUS = { active: 'Active', inactive: 'Archived' } as const;

/** The person documents are addressed to: the one marked primary, else the first. A row of the
 * contact list has no `contact_persons`; it carries the primary person's name, email and numbers
 * on the row itself. */
function primary(raw: ZohoBooksContact): ZohoContactPerson | undefined {
  if (raw.contact_persons === undefined) return listRowPerson(raw);
  const persons = list(raw.contact_persons);
  return persons.find((person) => person.is_primary_contact === true) ?? persons[0];
}

function listRowPerson(raw: ZohoBooksContact): ZohoContactPerson | undefined {
  const person = {
    first_name: raw.first_name,
    last_name: raw.last_name,
    email: raw.email,
    phone: raw.phone,
    mobile: raw.mobile,
  };
  return Object.values(person).some((value) => zohoText(value) !== null) ? person : undefined;
}

function fullName(person: ZohoContactPerson | undefined): string | null {
  return zohoText([zohoText(person?.first_name), zohoText(person?.last_name)].filter(Boolean).join(' '));
}

export const read = mapRead<'contacts', ZohoBooksContact>({
  platform_id: (raw) => zohoId(raw.contact_id),
  name: (raw) => zohoText(raw.contact_name),
  contact_name: (raw) => fullName(primary(raw)),
  contact_type: (raw) => enumValue(CONTACT_TYPE, raw.contact_type, 'Unknown'),
  status: (raw) => enumValue(STATUS, raw.status, 'Unknown'),
  currency_id: (raw) => zohoText(raw.currency_id),
  tax_number: (raw) =>
    zohoText(raw.gst_no) ?? zohoText(raw.vat_reg_no) ?? zohoText(raw.tax_reg_no) ?? zohoText(raw.tax_id_value),
  registration_number: notSupported('Zoho Books contacts have no company registration number.'),
  email: (raw) => zohoText(primary(raw)?.email),
  website: (raw) => zohoText(raw.website),
  telephone: (raw) => zohoText(primary(raw)?.phone) ?? zohoText(raw.billing_address?.phone),
  mobile: (raw) => zohoText(primary(raw)?.mobile),
  fax: (raw) => zohoText(raw.billing_address?.fax) ?? zohoText(raw.shipping_address?.fax),
  contact_persons: (raw) =>
    list(raw.contact_persons).map((person) => ({
      platform_id: zohoText(person.contact_person_id),
      first_name: zohoText(person.first_name),
      last_name: zohoText(person.last_name),
      email: zohoText(person.email),
      phone: zohoText(person.phone),
      is_primary: flag(person.is_primary_contact),
    })),
  addresses: (raw) =>
    [address(raw.billing_address, 'Billing'), address(raw.shipping_address, 'Shipping')].filter((a) => a !== null),
  phone_numbers: (raw) =>
    phoneNumbers([
      ...(raw.contact_persons === undefined
        ? [listRowPerson(raw)].filter((person) => person !== undefined)
        : list(raw.contact_persons)
      ).flatMap((person): [unknown, 'Telephone' | 'Mobile'][] => [
        [person.phone, 'Telephone'],
        [person.mobile, 'Mobile'],
      ]),
      [raw.billing_address?.phone, 'Telephone'],
      [raw.shipping_address?.phone, 'Telephone'],
      [raw.billing_address?.fax, 'Fax'],
      [raw.shipping_address?.fax, 'Fax'],
    ]),
  external_links: (raw) => {
    const links = [
      { link: zohoText(raw.website), type: 'Website' as const },
      { link: zohoText(raw.facebook), type: 'Social' as const },
      { link: zohoText(raw.twitter), type: 'Social' as const },
    ];
    return links.filter((link) => link.link !== null);
  },
  updated_at: (raw) => zohoDateTime(raw.last_modified_time),
});

/** A contact person of the create body. */
export interface ZohoContactPersonRequest {
  first_name?: string;
  last_name?: string;
  email?: string;
  phone?: string;
  mobile?: string;
  is_primary_contact?: boolean;
}

/** `POST /contacts` body. */
export interface ZohoBooksContactRequest {
  contact_name?: string;
  contact_type?: 'customer' | 'vendor';
  currency_id?: string;
  website?: string;
  billing_address?: ZohoAddress;
  shipping_address?: ZohoAddress;
  contact_persons?: ZohoContactPersonRequest[];
}

/**
 * The create body's contact persons. Zoho keeps a contact's name of person, email and numbers on
 * its persons, so contact_persons, contact_name, email, telephone and mobile all land in one array,
 * written by whichever of those fields the body has first (arrays from several rules would add up).
 */
const PERSON_FIELDS = ['contact_persons', 'contact_name', 'email', 'telephone', 'mobile'] as const;

function writesPersons(field: (typeof PERSON_FIELDS)[number], body: ContactCreate): boolean {
  return PERSON_FIELDS.find((name) => body[name] !== undefined) === field;
}

function personRequest(person: ContactPerson, isPrimary: boolean): ZohoContactPersonRequest {
  return omitUndefined({
    first_name: person.first_name ?? undefined,
    last_name: person.last_name ?? undefined,
    email: person.email ?? undefined,
    phone: person.phone ?? undefined,
    is_primary_contact: isPrimary ? true : undefined,
  });
}

/** The persons to create, the primary one completed from the contact's own name, email and numbers. */
function personsRequest(body: ContactCreate): Pick<ZohoBooksContactRequest, 'contact_persons'> | undefined {
  const persons = list(body.contact_persons);
  const primaryIndex = Math.max(
    0,
    persons.findIndex((person) => person.is_primary === true),
  );
  const requests = persons.map((person, index) => personRequest(person, index === primaryIndex));
  const [first, ...rest] = (body.contact_name ?? '').trim().split(/\s+/);
  const own = omitUndefined({
    first_name: first || undefined,
    last_name: rest.length > 0 ? rest.join(' ') : undefined,
    email: body.email ?? undefined,
    phone: body.telephone ?? undefined,
    mobile: body.mobile ?? undefined,
  });
  if (requests.length === 0) {
    return Object.keys(own).length === 0 ? undefined : { contact_persons: [{ ...own, is_primary_contact: true }] };
  }
  requests[primaryIndex] = { ...own, ...requests[primaryIndex] };
  return { contact_persons: requests };
}

const personsRule =
  (name: (typeof PERSON_FIELDS)[number]) =>
  (_value: unknown, body: ContactCreate): Pick<ZohoBooksContactRequest, 'contact_persons'> | undefined =>
    writesPersons(name, body) ? personsRequest(body) : undefined;

export const write = mapWrite<'contacts', ZohoBooksContactRequest>({
  name: (name) => field('contact_name', name),
  contact_type: (type) =>
    // Zoho has no contact that is both; it defaults to customer when the type is left out.
    type === 'Customer' ? { contact_type: 'customer' } : type === 'Vendor' ? { contact_type: 'vendor' } : undefined,
  status: notSupported('Zoho creates contacts active; POST /contacts/{id}/inactive deactivates one afterwards.'),
  currency_id: (id) => field('currency_id', id),
  website: (website) => field('website', website),
  // Only when website is not given: the first website link.
  external_links: (links, body) =>
    body.website ? undefined : field('website', links.find((link) => link.type === 'Website')?.link),
  tax_number: notSupported(
    'Zoho files tax numbers under edition-specific fields (gst_no, vat_reg_no, tax_reg_no, tax_id_value); pass the right one in raw_data.',
  ),
  registration_number: notSupported('Zoho Books contacts have no company registration number.'),
  contact_persons: personsRule('contact_persons'),
  contact_name: personsRule('contact_name'),
  email: personsRule('email'),
  telephone: personsRule('telephone'),
  mobile: personsRule('mobile'),
  fax: (fax) => (fax ? { billing_address: { fax } } : undefined),
  phone_numbers: notSupported('Zoho keeps numbers on contact persons; telephone, mobile and fax are written there.'),
  addresses: (addresses) => {
    const billing = addresses.find((a) => a.type === 'Billing');
    const shipping = addresses.find((a) => a.type === 'Shipping');
    return omitUndefined({
      billing_address: billing ? addressRequest(billing) : undefined,
      shipping_address: shipping ? addressRequest(shipping) : undefined,
    });
  },
});
