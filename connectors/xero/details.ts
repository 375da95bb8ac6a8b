/**
 * Addresses, phones and links, which Xero keeps the same way on contacts and on the
 * organisation: one entry per fixed type, sent back as stubs (only the type) when empty.
 */
import type { Address, ExternalLink, PhoneNumber } from '../../generated/types/index.js';
import { enumValue, text } from '../lib/values.js';
import { toXeroEnum } from './values.js';

export interface XeroAddress {
  AddressType?: string;
  AddressLine1?: string;
  AddressLine2?: string;
  AddressLine3?: string;
  AddressLine4?: string;
  City?: string;
  Region?: string;
  PostalCode?: string;
  Country?: string;
  AttentionTo?: string;
}

export interface XeroPhone {
  PhoneType?: string;
  PhoneNumber?: string;
  PhoneAreaCode?: string;
  PhoneCountryCode?: string;
}

export interface XeroExternalLink {
  LinkType?: string;
  Url?: string;
}

/** POBOX is Xero's postal address, the one printed on invoices; STREET (and the organisation's
 * DELIVERY) is the physical address goods go to. */
type AddressType = NonNullable<Address['type']>;
type PhoneType = NonNullable<PhoneNumber['type']>;
type LinkType = NonNullable<ExternalLink['type']>;

const ADDRESS_TYPES: Record<string, AddressType> = {
  POBOX: 'Billing',
  STREET: 'Shipping',
  DELIVERY: 'Shipping',
};
const TO_ADDRESS_TYPE = { Billing: 'POBOX', Shipping: 'STREET' } as const;

const ADDRESS_LINES = ['AddressLine1', 'AddressLine2', 'AddressLine3', 'AddressLine4'] as const;

/** Addresses with something in them; Xero's empty stubs are not addresses. */
export function addresses(raw: readonly XeroAddress[] | undefined): Address[] {
  return (raw ?? []).flatMap((address) => {
    const street = ADDRESS_LINES.map((line) => text(address[line])).filter((line) => line !== null);
    const unified: Address = {
      type: enumValue<AddressType>(ADDRESS_TYPES, address.AddressType, 'Unknown'),
      street: street.length > 0 ? street.join('\n') : null,
      city: text(address.City),
      state: text(address.Region),
      postal_code: text(address.PostalCode),
      country: text(address.Country),
    };
    const empty = [unified.street, unified.city, unified.state, unified.postal_code, unified.country].every(
      (v) => v === null,
    );
    return empty ? [] : [unified];
  });
}

export function toXeroAddresses(unified: readonly Address[]): XeroAddress[] {
  return unified.map((address) => {
    const lines = (address.street ?? '').split('\n').filter((line) => line !== '');
    const xero: XeroAddress = { AddressType: toXeroEnum(TO_ADDRESS_TYPE, address.type) ?? 'STREET' };
    lines.slice(0, ADDRESS_LINES.length).forEach((line, index) => (xero[ADDRESS_LINES[index]!] = line));
    if (address.city) xero.City = address.city;
    if (address.state) xero.Region = address.state;
    if (address.postal_code) xero.PostalCode = address.postal_code;
    if (address.country) xero.Country = address.country;
    return xero;
  });
}

/** DEFAULT is the main landline, DDI a direct line, OFFICE the organisation's number. */
const PHONE_TYPES: Record<string, PhoneType> = {
  DEFAULT: 'Telephone',
  DDI: 'Telephone',
  OFFICE: 'Telephone',
  MOBILE: 'Mobile',
  FAX: 'Fax',
};

/** The number as Xero keeps it in parts: country code, area code, number, space-separated. */
export function phoneNumber(phone: XeroPhone | undefined): string | null {
  if (!phone || text(phone.PhoneNumber) === null) return null;
  const parts = [phone.PhoneCountryCode, phone.PhoneAreaCode, phone.PhoneNumber].map(text);
  return parts.filter((part) => part !== null).join(' ');
}

/** Phones that carry a number; the empty stubs are left out. */
export function phones(raw: readonly XeroPhone[] | undefined): PhoneNumber[] {
  return (raw ?? []).flatMap((phone) => {
    const number = phoneNumber(phone);
    return number === null ? [] : [{ type: enumValue<PhoneType>(PHONE_TYPES, phone.PhoneType, 'Unknown'), number }];
  });
}

/** The number of the first phone of one of the given Xero types. */
export function phoneOf(raw: readonly XeroPhone[] | undefined, ...types: string[]): string | null {
  for (const type of types) {
    const number = phoneNumber((raw ?? []).find((phone) => phone.PhoneType === type));
    if (number !== null) return number;
  }
  return null;
}

/** Xero's organisation links: a website or one of a fixed set of social networks. */
const LINK_TYPES: Record<string, LinkType> = {
  Website: 'Website',
  Facebook: 'Social',
  GooglePlus: 'Social',
  LinkedIn: 'Social',
  Twitter: 'Social',
};

export function externalLinks(raw: readonly XeroExternalLink[] | undefined): ExternalLink[] {
  return (raw ?? []).flatMap((link) => {
    const url = text(link.Url);
    return url === null ? [] : [{ type: enumValue<LinkType>(LINK_TYPES, link.LinkType, 'Unknown'), link: url }];
  });
}
