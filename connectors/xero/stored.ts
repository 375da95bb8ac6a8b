/**
 * What Xero stores when it accepts a create request, as its GET returns it afterwards: the
 * `storedRecords` of connector.ts, which the sandbox uses to keep writes and conformance uses for
 * the round trip `read(stored(write(body)))`.
 *
 * Xero's create responses (the PUT examples of its OpenAPI document) echo the request's fields
 * and add the new record's GUID, `UpdatedDateUTC` as a Microsoft JSON date, the defaults it
 * applies (Status, IsSupplier/IsCustomer, the empty address and phone stubs of a contact) and, on
 * documents, the totals it computes from the lines. Only what is cheap and certain is computed:
 * tax Xero would look up from a rate it is not sent is left out, not guessed.
 */
import type { StoreContext } from '../../generated/connectors/index.js';
import type { XeroAddress, XeroPhone } from './details.js';
import type { XeroInvoice, XeroInvoiceRequest, XeroLineItem } from './documents.js';
import type { XeroAccount, XeroAccountRequest } from './mappings/accounts.js';
import type { XeroContact, XeroContactRequest } from './mappings/contacts.js';
import type { XeroItem, XeroItemRequest } from './mappings/items.js';
import type { XeroManualJournal, XeroManualJournalRequest } from './mappings/journal_entries.js';
import type { XeroPayment, XeroPaymentRequest } from './payments.js';
import { round } from './values.js';

/** An ISO timestamp as Xero sends it: `/Date(1552327126117+0000)/`. */
function msDate(iso: string): string {
  return `/Date(${Date.parse(iso)}+0000)/`;
}

/** A `YYYY-MM-DD` request date as Xero returns it: midnight UTC of that day. */
function calendarMsDate(date: string | undefined): string | undefined {
  return date === undefined ? undefined : msDate(`${date}T00:00:00Z`);
}

/** The class Xero derives from an account type (its Class is read-only). */
const CLASS_OF_TYPE: Record<string, string> = {
  BANK: 'ASSET',
  CURRENT: 'ASSET',
  FIXED: 'ASSET',
  INVENTORY: 'ASSET',
  NONCURRENT: 'ASSET',
  PREPAYMENT: 'ASSET',
  CURRLIAB: 'LIABILITY',
  LIABILITY: 'LIABILITY',
  TERMLIAB: 'LIABILITY',
  PAYG: 'LIABILITY',
  EQUITY: 'EQUITY',
  DEPRECIATN: 'EXPENSE',
  DIRECTCOSTS: 'EXPENSE',
  EXPENSE: 'EXPENSE',
  OVERHEADS: 'EXPENSE',
  OTHERINCOME: 'REVENUE',
  REVENUE: 'REVENUE',
  SALES: 'REVENUE',
};

export function storedAccount(request: XeroAccountRequest, { platformId, now }: StoreContext): XeroAccount {
  return {
    AccountID: platformId,
    ...request,
    ...(request.Type && CLASS_OF_TYPE[request.Type] ? { Class: CLASS_OF_TYPE[request.Type] } : {}),
    Status: request.Status ?? 'ACTIVE',
    UpdatedDateUTC: msDate(now),
  };
}

/** Xero keeps one address per type and one phone per type, and returns every type (empty stubs
 * for those not set), in the order its GET examples show. */
const ADDRESS_ORDER = ['STREET', 'POBOX'];
const PHONE_ORDER = ['DDI', 'DEFAULT', 'FAX', 'MOBILE'];

export function storedContact(request: XeroContactRequest, { platformId, now }: StoreContext): XeroContact {
  const addresses: XeroAddress[] = ADDRESS_ORDER.map(
    (type) => request.Addresses?.find((address) => address.AddressType === type) ?? { AddressType: type },
  );
  const phones: XeroPhone[] = PHONE_ORDER.map(
    (type) => request.Phones?.find((phone) => phone.PhoneType === type) ?? { PhoneType: type, PhoneNumber: '' },
  );
  return {
    ContactID: platformId,
    ...request,
    ContactStatus: request.ContactStatus ?? 'ACTIVE',
    Addresses: addresses,
    Phones: phones,
    ContactPersons: request.ContactPersons ?? [],
    // Xero marks a contact customer or supplier once an invoice or a bill names it.
    IsSupplier: false,
    IsCustomer: false,
    UpdatedDateUTC: msDate(now),
  };
}

/** An invoice or a bill: the request's lines with Xero's line amounts, and the totals. */
export function storedInvoice(request: XeroInvoiceRequest, { platformId, now }: StoreContext): XeroInvoice {
  const lines: XeroLineItem[] = (request.LineItems ?? []).map((line, index) => {
    const gross = (line.Quantity ?? 1) * (line.UnitAmount ?? 0);
    // Xero's LineAmount is after the discount: quantity × unit price − discount.
    const lineAmount = line.LineAmount ?? round(gross - (line.DiscountAmount ?? 0));
    return { ...line, LineItemID: `${platformId}-${index + 1}`, LineAmount: lineAmount };
  });
  const subTotal = round(lines.reduce((sum, line) => sum + (line.LineAmount ?? 0), 0));
  const tax = round(lines.reduce((sum, line) => sum + (line.TaxAmount ?? 0), 0));
  const discount = lines.reduce((sum, line) => sum + (line.DiscountAmount ?? 0), 0);
  const inclusive = request.LineAmountTypes === 'Inclusive';
  const total = inclusive ? subTotal : round(subTotal + tax);
  const { LineItems: _lines, Date: date, DueDate: dueDate, ...header } = request;
  return {
    ...header,
    InvoiceID: platformId,
    Date: calendarMsDate(date),
    DueDate: calendarMsDate(dueDate),
    Status: request.Status ?? 'DRAFT',
    LineItems: lines,
    SubTotal: inclusive ? round(subTotal - tax) : subTotal,
    TotalTax: tax,
    Total: total,
    ...(discount > 0 ? { TotalDiscount: round(discount) } : {}),
    AmountDue: total,
    AmountPaid: 0,
    AmountCredited: 0,
    UpdatedDateUTC: msDate(now),
  };
}

/** A payment of an invoice (ACCRECPAYMENT) or a bill (ACCPAYPAYMENT): Xero creates it AUTHORISED,
 * with the paid document as its Invoice summary. */
export function storedPayment(documentType: 'ACCREC' | 'ACCPAY') {
  return (request: XeroPaymentRequest, { platformId, now }: StoreContext): XeroPayment => {
    const { Date: date, Invoice: invoice, ...rest } = request;
    return {
      ...rest,
      PaymentID: platformId,
      Date: calendarMsDate(date),
      PaymentType: documentType === 'ACCREC' ? 'ACCRECPAYMENT' : 'ACCPAYPAYMENT',
      Status: 'AUTHORISED',
      Invoice: { ...invoice, Type: documentType },
      UpdatedDateUTC: msDate(now),
    };
  };
}

export function storedItem(request: XeroItemRequest, { platformId, now }: StoreContext): XeroItem {
  return {
    ItemID: platformId,
    ...request,
    PurchaseDetails: request.PurchaseDetails ?? {},
    SalesDetails: request.SalesDetails ?? {},
    IsTrackedAsInventory: false,
    UpdatedDateUTC: msDate(now),
  };
}

export function storedManualJournal(
  request: XeroManualJournalRequest,
  { platformId, now }: StoreContext,
): XeroManualJournal {
  const { Date: date, ...rest } = request;
  return {
    ...rest,
    ManualJournalID: platformId,
    Date: calendarMsDate(date),
    Status: request.Status ?? 'DRAFT',
    JournalLines: request.JournalLines ?? [],
    UpdatedDateUTC: msDate(now),
  };
}
