/**
 * QuickBooks Online shapes and conversions shared by the mappings: references, addresses, phone
 * blocks, payment lines with their linked transactions, and the open-balance status QBO never sends.
 */
import type { AllocationLine, Address, PhoneNumber } from '../../generated/types/index.js';
import { amount, calendarDate, dateTime, text } from '../lib/values.js';

/** `{"value": "<id>", "name": "<display>"}`; `name` is often left out. */
export interface QboRef {
  value: string;
  name?: string;
}

export interface QboMetaData {
  CreateTime?: string;
  LastUpdatedTime?: string;
}

/** Fields every QBO entity carries. A deleted record (change data capture, or the answer to
 * `?operation=delete`) is only `{ "domain", "status": "Deleted", "Id", "MetaData"? }`. */
export interface QboEntity {
  Id: string;
  SyncToken?: string;
  domain?: string;
  sparse?: boolean;
  status?: string;
  MetaData?: QboMetaData;
}

/** `PhysicalAddress`: `Lat`/`Long` are strings and may be "INVALID". */
export interface QboAddress {
  Id?: string;
  Line1?: string;
  Line2?: string;
  Line3?: string;
  Line4?: string;
  Line5?: string;
  City?: string;
  Country?: string;
  CountrySubDivisionCode?: string;
  PostalCode?: string;
  Lat?: string;
  Long?: string;
}

export interface QboPhone {
  FreeFormNumber?: string;
}

export interface QboLinkedTxn {
  TxnId: string;
  TxnType: string;
  TxnLineId?: string;
}

/** A Payment or BillPayment line: an amount and the transactions it is applied to. */
export interface QboPaymentLine {
  Amount: number;
  LinkedTxn?: QboLinkedTxn[];
  LineEx?: unknown;
}

/** The id inside a reference, or null. */
export const ref = (reference: QboRef | null | undefined): string | null => text(reference?.value);

/** QBO's US pseudo tax codes, listed among TaxCodes but no rate: TAX (taxable at the document's
 * tax code), NON (not taxed) and CustomSalesTax (a tax amount typed in by hand, no rate behind it). */
export const PSEUDO_TAX_CODES: ReadonlySet<string> = new Set(['TAX', 'NON', 'CustomSalesTax']);

/** A line's tax code as a tax rate id: the code itself, except the US pseudo codes: a TAX line is
 * taxed at the document's TxnTaxCodeRef (null when the document names none, or only a pseudo
 * code), a NON line not at all. */
export function lineTaxId(line: QboRef | null | undefined, document: QboRef | null | undefined): string | null {
  const code = ref(line);
  if (code === 'TAX') {
    const documentCode = ref(document);
    return documentCode === null || PSEUDO_TAX_CODES.has(documentCode) ? null : documentCode;
  }
  return code === null || PSEUDO_TAX_CODES.has(code) ? null : code;
}

/** When the record last changed (MetaData.LastUpdatedTime, in the company's local offset). QBO's
 * answer to a create can carry only CreateTime: a record never changed since was last changed then. */
export const lastUpdated = (raw: QboEntity): string | null =>
  dateTime(raw.MetaData?.LastUpdatedTime) ?? dateTime(raw.MetaData?.CreateTime);

/** Unified timestamp → the `YYYY-MM-DD` QBO takes for TxnDate, DueDate and the like: the calendar
 * date as written (`2024-03-01T00:00:00+02:00` is 1 March), as the spec says for date-only fields. */
export const toQboDate = (value: string | null | undefined): string | undefined => calendarDate(value) ?? undefined;

/** The QBO Id as a string (ids are strings of digits; a number is converted, never passed on). */
export const qboId = (raw: QboEntity): string => text(raw.Id) ?? String(raw.Id);

/** A record QBO reports as deleted: change data capture and the delete operation return
 * `status: "Deleted"` with the Id and nothing else. */
export const isDeleted = (raw: QboEntity): boolean => raw.status === 'Deleted';

/** A voided transaction: QBO keeps it, zeroes every amount and puts "Voided" at the start of
 * PrivateNote (before any note the user wrote). It has no void flag, so both must hold: a live
 * zero-amount payment (QBO's own "Created by QB Online to link credits to charges.") is no void. */
export function isVoided(raw: { TotalAmt?: unknown; PrivateNote?: string }): boolean {
  return amount(raw.TotalAmt) === 0 && /^Voided\b/.test(raw.PrivateNote ?? '');
}

/** Status of a payment or journal entry: Deleted, Void, otherwise Posted (QBO has no drafts). */
export function postingStatus(
  raw: QboEntity & { TotalAmt?: unknown; PrivateNote?: string },
): 'Posted' | 'Void' | 'Deleted' {
  if (isDeleted(raw)) return 'Deleted';
  return isVoided(raw) ? 'Void' : 'Posted';
}

/** Street lines joined with line breaks, as the unified address keeps them. */
function street(address: QboAddress): string | null {
  const lines = [address.Line1, address.Line2, address.Line3, address.Line4, address.Line5];
  const present = lines.map((line) => text(line)).filter((line): line is string => line !== null);
  return present.length ? present.join('\n') : null;
}

/** A QBO address as a unified one; `CountrySubDivisionCode` is the state or province. */
export function address(raw: QboAddress | undefined, type: Address['type']): Address[] {
  if (!raw) return [];
  return [
    {
      platform_id: text(raw.Id),
      type,
      street: street(raw),
      city: text(raw.City),
      state: text(raw.CountrySubDivisionCode),
      postal_code: text(raw.PostalCode),
      country: text(raw.Country),
    },
  ];
}

/** A unified address as a QBO one: street lines split back into Line1…Line5. */
export function toAddress(value: Address): QboAddress {
  const lines = (value.street ?? '')
    .split('\n')
    .filter((line) => line !== '')
    .slice(0, 5);
  const out: QboAddress = {};
  lines.forEach((line, index) => {
    out[`Line${index + 1}` as 'Line1'] = line;
  });
  if (value.city) out.City = value.city;
  if (value.state) out.CountrySubDivisionCode = value.state;
  if (value.postal_code) out.PostalCode = value.postal_code;
  if (value.country) out.Country = value.country;
  return out;
}

/** One unified phone number for each QBO phone block that holds a number. */
export function phones(blocks: [QboPhone | undefined, PhoneNumber['type']][]): PhoneNumber[] {
  return blocks.flatMap(([block, type]) => {
    const number = text(block?.FreeFormNumber);
    return number === null ? [] : [{ number, type }];
  });
}

/** Where a transaction stands, from what QBO does send: the total and the open balance. QBO
 * has no drafts and no status field; Overdue would depend on the day of the read, so it is not
 * derived here (due_date and amount_due say it). */
export function openStatus(
  total: unknown,
  balance: unknown,
): 'Paid' | 'PartiallyPaid' | 'Submitted' | 'Unknown' | null {
  const owed = amount(balance);
  const whole = amount(total);
  if (owed === null || whole === null) return null;
  if (whole > 0 && owed === 0) return 'Paid';
  if (owed > 0 && owed < whole) return 'PartiallyPaid';
  if (owed > 0 && owed === whole) return 'Submitted';
  return 'Unknown';
}

/** Status of an invoice or bill: Void when voided (amounts zeroed, "Voided" note), else from the
 * open balance. */
export function documentStatus(raw: {
  TotalAmt?: unknown;
  Balance?: unknown;
  PrivateNote?: string;
}): 'Paid' | 'PartiallyPaid' | 'Submitted' | 'Void' | 'Unknown' | null {
  return isVoided(raw) ? 'Void' : openStatus(raw.TotalAmt, raw.Balance);
}

/** How a linked transaction type becomes an allocation link, and whether it is a document the
 * payment settles (+1: the line's amount goes to it) or a credit drawn on (-1). */
const LINK_TYPES: Readonly<Record<string, readonly [AllocationLink['type'], 1 | -1]>> = {
  Invoice: ['Invoice', 1],
  Bill: ['Bill', 1],
  CreditMemo: ['CreditNote', -1],
  VendorCredit: ['CreditNote', -1],
  JournalEntry: ['ManualJournal', -1],
  // A cheque or expense paid out to the customer (or vendor), settled out of a credit: a refund.
  Expense: ['Refund', 1],
  Check: ['Refund', 1],
};

type AllocationLink = NonNullable<AllocationLine['links']>[number];

/** The link type and sign of a QBO TxnType; Unknown (applied like a document) otherwise. */
const linkOf = (txnType: string | undefined): readonly [AllocationLink['type'], 1 | -1] =>
  txnType !== undefined && Object.hasOwn(LINK_TYPES, txnType)
    ? (LINK_TYPES[txnType] ?? ['Unknown', 1])
    : ['Unknown', 1];

/**
 * Payment lines as allocations in the Codat-style sign convention of the spec: the allocation's
 * amount is what the payment puts in (negative when a credit is drawn on), each link's amount the
 * change to the linked document's balance (negative when it reduces what is owed). QBO lines have
 * no date of their own; they are applied on the payment's TxnDate. A customer (vendor) has one
 * currency in QBO and a payment links only to transactions in it, so each link's rate is null (the
 * spec's "both in one currency").
 */
export function allocations(lines: QboPaymentLine[] | undefined, txnDate: string | undefined): AllocationLine[] {
  const allocatedOn = dateTime(txnDate);
  return (lines ?? []).map((line) => {
    const [, sign] = linkOf(line.LinkedTxn?.[0]?.TxnType);
    const applied = sign * line.Amount;
    return {
      amount: applied,
      allocated_on_date: allocatedOn,
      links: (line.LinkedTxn ?? []).map((txn) => ({
        type: linkOf(txn.TxnType)[0],
        id: text(txn.TxnId),
        amount: -applied,
        currency_rate: null,
      })),
    };
  });
}

/** The unapplied part of a payment as an allocation to the contact's account (QBO keeps it as
 * `UnappliedAmt`, not as a line); nothing when all of it is applied. */
export function onAccount(unapplied: number | undefined, txnDate: string | undefined): AllocationLine[] {
  if (!unapplied) return [];
  return [
    {
      amount: unapplied,
      allocated_on_date: dateTime(txnDate),
      links: [{ type: 'PaymentOnAccount', id: null, amount: -unapplied, currency_rate: null }],
    },
  ];
}

/** The transaction types a payment's lines link to. */
export const linkedTypes = (lines: QboPaymentLine[] | undefined): Set<string> =>
  new Set((lines ?? []).flatMap((line) => (line.LinkedTxn ?? []).map((txn) => txn.TxnType)));

/** The one document of a kind a payment is applied to; null when none or several. */
export function single(lines: QboPaymentLine[] | undefined, txnTypes: string[]): string | null {
  const ids = new Set(
    (lines ?? []).flatMap((line) =>
      (line.LinkedTxn ?? []).filter((txn) => txnTypes.includes(txn.TxnType)).map((txn) => txn.TxnId),
    ),
  );
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}

/** Allocation links back to QBO payment lines, one line per link; payments on account are left
 * out (QBO keeps whatever is not applied as UnappliedAmt). */
export function toPaymentLines(
  lines: AllocationLine[],
  txnTypes: Partial<Record<AllocationLink['type'], string>>,
): QboPaymentLine[] {
  return lines.flatMap((line) =>
    (line.links ?? []).flatMap((link) => {
      const txnType = txnTypes[link.type];
      const value = Math.abs(link.amount ?? line.amount ?? 0);
      return txnType && link.id ? [{ Amount: value, LinkedTxn: [{ TxnId: link.id, TxnType: txnType }] }] : [];
    }),
  );
}

/** A write rule for a field QBO takes as is: nothing for null, else the part `build` makes. */
export const unlessNull =
  <Value, Part>(build: (value: Value) => Part) =>
  (value: Value | null): Part | undefined =>
    value === null ? undefined : build(value);
