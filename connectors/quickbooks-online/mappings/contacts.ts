/**
 * QuickBooks Online → ledgerspec Contact (`contacts`).
 *
 * QBO has no contact object: `Customer` (`/customer/{id}`) and `Vendor` (`/vendor/{id}`) both map
 * here. Their ids come from QBO's one name-list sequence (customers, vendors and employees never
 * share an id), so the bare `Id` is the platform_id and invoices' CustomerRef / bills' VendorRef
 * point straight at it. The record itself does not say which it is (the read response's key does),
 * so the type is told from fields only one of them carries.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import type { CreateBodies, MappedRecords } from '../../../generated/connectors/index.js';
import { flag, text } from '../../lib/values.js';
import {
  address,
  lastUpdated,
  qboId,
  phones,
  ref,
  toAddress,
  unlessNull,
  type QboAddress,
  type QboEntity,
  type QboPhone,
  type QboRef,
} from '../values.js';

/** A QBO Customer or Vendor as the API returns it (fields of both; each carries its own). */
export interface QuickBooksOnlineContact extends QboEntity {
  DisplayName?: string;
  CompanyName?: string;
  PrintOnCheckName?: string;
  FullyQualifiedName?: string;
  Title?: string;
  GivenName?: string;
  MiddleName?: string;
  FamilyName?: string;
  Suffix?: string;
  Active?: boolean;
  BillAddr?: QboAddress;
  ShipAddr?: QboAddress;
  PrimaryPhone?: QboPhone;
  AlternatePhone?: QboPhone;
  Mobile?: QboPhone;
  Fax?: QboPhone;
  PrimaryEmailAddr?: { Address?: string };
  WebAddr?: { URI?: string };
  CurrencyRef?: QboRef;
  Balance?: number;
  Notes?: string;
  /** Customer only. */
  Job?: boolean;
  BillWithParent?: boolean;
  Taxable?: boolean;
  IsProject?: boolean;
  PrimaryTaxIdentifier?: string;
  /** Vendor only. */
  Vendor1099?: boolean;
  TaxIdentifier?: string;
  AcctNum?: string;
}

type ContactType = MappedRecords['contacts']['contact_type'];

/** Vendors always carry `Vendor1099`; customers always carry `Job` and `BillWithParent`. */
function contactType(raw: QuickBooksOnlineContact): ContactType {
  if (raw.Vendor1099 !== undefined) return 'Vendor';
  if (raw.Job !== undefined || raw.BillWithParent !== undefined) return 'Customer';
  return 'Unknown';
}

/** "Given Family" from QBO's name parts, or null when it has none. */
function personName(raw: QuickBooksOnlineContact): string | null {
  const parts = [raw.GivenName, raw.MiddleName, raw.FamilyName].map(text).filter((part) => part !== null);
  return parts.length ? parts.join(' ') : null;
}

export const read = mapRead<'contacts', QuickBooksOnlineContact>({
  addresses: (raw) => [...address(raw.BillAddr, 'Billing'), ...address(raw.ShipAddr, 'Shipping')],
  contact_name: personName,
  contact_persons: notSupported(
    'QBO keeps one person per customer or vendor (GivenName/FamilyName), mapped to contact_name.',
  ),
  contact_type: contactType,
  currency_id: (raw) => ref(raw.CurrencyRef),
  email: (raw) => text(raw.PrimaryEmailAddr?.Address),
  external_links: (raw) => {
    const link = text(raw.WebAddr?.URI);
    return link === null ? [] : [{ type: 'Website', link }];
  },
  fax: (raw) => text(raw.Fax?.FreeFormNumber),
  mobile: (raw) => text(raw.Mobile?.FreeFormNumber),
  name: (raw) => text(raw.DisplayName),
  phone_numbers: (raw) =>
    phones([
      [raw.PrimaryPhone, 'Telephone'],
      [raw.AlternatePhone, 'Telephone'],
      [raw.Mobile, 'Mobile'],
      [raw.Fax, 'Fax'],
    ]),
  platform_id: qboId,
  registration_number: notSupported('QBO customers and vendors have no company registration number.'),
  status: (raw) => (flag(raw.Active) === null ? null : raw.Active ? 'Active' : 'Archived'),
  tax_number: (raw) => text(raw.TaxIdentifier) ?? text(raw.PrimaryTaxIdentifier),
  telephone: (raw) => text(raw.PrimaryPhone?.FreeFormNumber),
  updated_at: lastUpdated,
  website: (raw) => text(raw.WebAddr?.URI),
});

/** The body of POST /v3/company/{realmId}/customer or …/vendor (contact_type picks the endpoint). */
export interface QuickBooksOnlineContactRequest {
  DisplayName?: string;
  GivenName?: string;
  FamilyName?: string;
  Active?: boolean;
  BillAddr?: QboAddress;
  ShipAddr?: QboAddress;
  PrimaryPhone?: QboPhone;
  AlternatePhone?: QboPhone;
  Mobile?: QboPhone;
  Fax?: QboPhone;
  PrimaryEmailAddr?: { Address: string };
  WebAddr?: { URI: string };
  CurrencyRef?: QboRef;
  PrimaryTaxIdentifier?: string;
  TaxIdentifier?: string;
  /** Sent with their default (false) so the request says which endpoint it is for. */
  Job?: boolean;
  Vendor1099?: boolean;
}

type ContactBody = CreateBodies['contacts'];

/** Numbers from phone_numbers for the kinds the dedicated fields (telephone, mobile, fax) leave
 * empty; a second landline becomes AlternatePhone. */
function phoneBlocks(
  numbers: NonNullable<ContactBody['phone_numbers']>,
  body: ContactBody,
): QuickBooksOnlineContactRequest {
  const of = (type: string) =>
    numbers.filter((phone) => phone.type === type && phone.number).map((phone) => phone.number as string);
  const landlines = of('Telephone');
  const out: QuickBooksOnlineContactRequest = {};
  if (!body.telephone && landlines[0]) out.PrimaryPhone = { FreeFormNumber: landlines[0] };
  const alternate = body.telephone ? landlines.find((number) => number !== body.telephone) : landlines[1];
  if (alternate) out.AlternatePhone = { FreeFormNumber: alternate };
  const mobile = of('Mobile')[0];
  if (!body.mobile && mobile) out.Mobile = { FreeFormNumber: mobile };
  const fax = of('Fax')[0];
  if (!body.fax && fax) out.Fax = { FreeFormNumber: fax };
  return out;
}

export const write = mapWrite<'contacts', QuickBooksOnlineContactRequest>({
  addresses: (value, body) => {
    const billing = value.find((entry) => entry.type === 'Billing') ?? value.find((entry) => entry.type !== 'Shipping');
    const shipping = value.find((entry) => entry.type === 'Shipping');
    return {
      ...(billing ? { BillAddr: toAddress(billing) } : {}),
      // Vendors have no shipping address.
      ...(shipping && body.contact_type !== 'Vendor' ? { ShipAddr: toAddress(shipping) } : {}),
    };
  },
  // QBO splits the person's name; the first word is the given name, the rest the family name.
  contact_name: unlessNull((value: string) => {
    const [given, ...family] = value.trim().split(/\s+/);
    return { GivenName: given, ...(family.length ? { FamilyName: family.join(' ') } : {}) };
  }),
  contact_persons: notSupported('QBO keeps one person per customer or vendor; send contact_name.'),
  // Customer or Both posts to /customer, Vendor to /vendor. The body carries a field only that
  // kind has, at its default (Job: false, Vendor1099: false), so the request says which it is
  // and the record QBO returns reads back as the same type.
  contact_type: (value) => (value === 'Vendor' ? { Vendor1099: false } : { Job: false }),
  currency_id: unlessNull((value: string) => ({ CurrencyRef: { value } })),
  email: unlessNull((value: string) => ({ PrimaryEmailAddr: { Address: value } })),
  external_links: (value, body) => {
    const site = body.website ? undefined : value.find((link) => link.type === 'Website' && link.link);
    return site?.link ? { WebAddr: { URI: site.link } } : undefined;
  },
  fax: unlessNull((value: string) => ({ Fax: { FreeFormNumber: value } })),
  mobile: unlessNull((value: string) => ({ Mobile: { FreeFormNumber: value } })),
  name: unlessNull((value: string) => ({ DisplayName: value })),
  phone_numbers: phoneBlocks,
  registration_number: notSupported('QBO customers and vendors have no company registration number.'),
  status: (value) => (value === 'Archived' ? { Active: false } : undefined),
  tax_number: (value, body) =>
    value === null
      ? undefined
      : body.contact_type === 'Vendor'
        ? { TaxIdentifier: value }
        : { PrimaryTaxIdentifier: value },
  telephone: unlessNull((value: string) => ({ PrimaryPhone: { FreeFormNumber: value } })),
  website: unlessNull((value: string) => ({ WebAddr: { URI: value } })),
});
