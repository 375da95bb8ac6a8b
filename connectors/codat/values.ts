/**
 * Codat Payment shapes and the conversions between its lines/links and unified allocations.
 * Codat's sign convention is the spec's: a line's amount is money into A/R, each link's amount the
 * change to the linked document's balance (negative reduces what is owed).
 */
import type { AllocationLine } from '../../generated/types/index.js';
import { amount, baseRate, calendarDate, dateTime, enumValue, text } from '../lib/values.js';

/**
 * A Codat currency rate in the unified direction. Codat's schema text calls its rates "the
 * multiple of foreign currency units to each base currency unit", but its own worked table (GBP
 * base: a $20 payment at 0.781 is £15.62) and every documented multi-currency record (QuickBooks
 * HKD bills at 0.081 in a GBP company, KashFlow EUR invoices at 0.845) multiply the foreign amount
 * by the rate to get the base amount: base units per foreign unit, the spec's direction. So the
 * rate is read and written as is; 0 (not set) is null.
 */
export function rate(value: unknown): number | null {
  return baseRate(value, 'base-per-foreign');
}

/** Codat's `sourceModifiedDate`; some integrations (Dynamics 365 Business Central) send
 * `0001-01-01T00:00:00Z` for "not known", which is no date. */
export function sourceDate(value: unknown): string | null {
  const parsed = dateTime(value);
  return parsed === null || parsed.startsWith('0001-01-01') ? null : parsed;
}

/**
 * A unified timestamp as a Codat date for a write: the calendar date as written, at midnight,
 * without a zone. Codat reads an unqualified time as local to the business (its DateTime
 * schema), so `2024-03-01T00:00:00+02:00` is 1 March on the platform, whatever the offset
 * (sending the offset would let Codat convert it to 29 February 22:00 UTC first).
 */
export function codatDate(value: unknown): string | undefined {
  const date = calendarDate(value);
  return date === null ? undefined : `${date}T00:00:00`;
}

/** Codat's record metadata: `isDeleted` marks a record deleted (or, for platforms that soft
 * delete, voided) in the source platform; Codat keeps returning it. */
export interface CodatMetadata {
  isDeleted?: boolean | null;
}

/** Whether a Codat record was deleted on the platform. */
export function isDeleted(metadata: CodatMetadata | null | undefined): boolean {
  return metadata?.isDeleted === true;
}

type AllocationLink = NonNullable<AllocationLine['links']>[number];

/** `paymentLinkType`, spelled as the API sends it. */
export type CodatLinkType =
  | 'Unknown'
  | 'Unlinked'
  | 'Invoice'
  | 'CreditNote'
  | 'Other'
  | 'Refund'
  | 'Payment'
  | 'PaymentOnAccount'
  | 'ManualJournal'
  | 'Discount'
  | 'Bill'
  | 'BillPayment';

export interface CodatLink {
  type: CodatLinkType;
  id?: string | null;
  amount?: number | null;
  currencyRate?: number | null;
}

export interface CodatLine {
  amount: number;
  links?: CodatLink[] | null;
  allocatedOnDate?: string;
}

export interface CodatRef {
  id: string;
  name?: string;
  companyName?: string | null;
}

/** Codat link types (payments' and bill payments') as unified ones; `Unlinked` (a line tied to
 * nothing) has no counterpart. */
const LINK_TYPES: Readonly<Record<string, AllocationLink['type']>> = {
  Invoice: 'Invoice',
  Bill: 'Bill',
  BillPayment: 'BillPayment',
  CreditNote: 'CreditNote',
  Other: 'Other',
  Refund: 'Refund',
  Payment: 'Payment',
  PaymentOnAccount: 'PaymentOnAccount',
  ManualJournal: 'ManualJournal',
  Discount: 'Discount',
  Unknown: 'Unknown',
};

/** A payment on account links to the customer in Codat; the spec leaves its id null (the
 * customer is the record's contact_id). */
function link(raw: CodatLink): AllocationLink {
  const type = enumValue(LINK_TYPES, raw.type, 'Unknown') ?? 'Unknown';
  return {
    type,
    id: type === 'PaymentOnAccount' ? null : text(raw.id),
    amount: amount(raw.amount),
    // Units of the payment's currency per unit of the linked document's (Codat's "Currency rate
    // example": 99.99 GBP settles 50 of the invoice's currency at 1.9998): the spec's direction.
    currency_rate: rate(raw.currencyRate),
  };
}

/** Codat lines as unified allocations, one for one. */
export function allocations(lines: CodatLine[] | null | undefined): AllocationLine[] {
  return (lines ?? []).map((line) => ({
    amount: amount(line.amount),
    allocated_on_date: dateTime(line.allocatedOnDate),
    links: (line.links ?? []).map(link),
  }));
}

/** The one document of a link type the payment touches; null when none or several. */
export function single(lines: CodatLine[] | null | undefined, type: CodatLinkType): string | null {
  const ids = new Set(
    (lines ?? []).flatMap((line) =>
      (line.links ?? []).filter((entry) => entry.type === type && entry.id).map((entry) => entry.id as string),
    ),
  );
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}

/** Unified link types as Codat's payment link types (Bill and BillPayment are the other side of
 * the ledger: Codat's accounts-receivable payment has no such links, so they go as Other). */
const RECEIVABLE_TYPES: Readonly<Record<AllocationLink['type'], CodatLinkType>> = {
  Invoice: 'Invoice',
  CreditNote: 'CreditNote',
  Other: 'Other',
  Refund: 'Refund',
  Payment: 'Payment',
  PaymentOnAccount: 'PaymentOnAccount',
  ManualJournal: 'ManualJournal',
  Discount: 'Discount',
  Unknown: 'Unknown',
  Bill: 'Other',
  BillPayment: 'Other',
};

/** Unified link types as Codat's bill payment link types (Invoice and Payment go as Other). */
const PAYABLE_TYPES: Readonly<Record<AllocationLink['type'], CodatLinkType>> = {
  ...RECEIVABLE_TYPES,
  Invoice: 'Other',
  Payment: 'Other',
  Bill: 'Bill',
  BillPayment: 'BillPayment',
};

/** Allocations as Codat lines; a payment on account links to the customer (or supplier) again. */
export function toLines(
  value: AllocationLine[],
  contactId: string | null | undefined,
  side: 'receivable' | 'payable' = 'receivable',
): CodatLine[] {
  const types = side === 'receivable' ? RECEIVABLE_TYPES : PAYABLE_TYPES;
  return value.map((line) => ({
    amount: line.amount ?? 0,
    links: (line.links ?? []).map((entry) => ({
      type: types[entry.type],
      id: entry.type === 'PaymentOnAccount' ? (contactId ?? null) : (entry.id ?? null),
      amount: entry.amount ?? null,
      currencyRate: entry.currency_rate ?? null,
    })),
    ...(codatDate(line.allocated_on_date) ? { allocatedOnDate: codatDate(line.allocated_on_date) } : {}),
  }));
}

/**
 * Codat's Payments and Bill payments hold every movement on the receivables or payables account,
 * not only money paid against documents: a refund out of a credit note, of an overpayment or of
 * money on account is a payment with a negative `totalAmount` (money back the other way). Such a
 * record is not an invoice (bill) payment: the reason to leave it out, or undefined.
 */
export function refundReason(
  totalAmount: unknown,
  lines: CodatLine[] | null | undefined,
  to: 'the customer' | 'from the supplier',
): string | undefined {
  const total = amount(totalAmount);
  if (total === null || total >= 0) return undefined;
  const linked =
    [...new Set((lines ?? []).flatMap((line) => (line.links ?? []).map((entry) => entry.type)))].join(', ') ||
    'nothing';
  return `a refund ${to === 'the customer' ? 'paid to the customer' : 'received from the supplier'} (totalAmount ${total}, linked to ${linked}), not a payment`;
}
