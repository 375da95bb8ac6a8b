/**
 * Codat Payment shapes and the conversions between its lines/links and unified allocations.
 * Codat's sign convention is the spec's: a line's amount is money into A/R, each link's amount the
 * change to the linked document's balance (negative reduces what is owed).
 */
import type { AllocationLine } from '../../generated/types/index.js';
import { amount, dateTime, enumValue, text } from '../lib/values.js';

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
  | 'Discount';

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

/** Codat link types as unified ones; `Unlinked` (a line tied to nothing) has no counterpart. */
const LINK_TYPES: Readonly<Record<string, AllocationLink['type']>> = {
  Invoice: 'Invoice',
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
    currency_rate: amount(raw.currencyRate),
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
  const ids = new Set((lines ?? []).flatMap((line) => (line.links ?? []).filter((entry) => entry.type === type && entry.id).map((entry) => entry.id as string)));
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}

/** Unified link types as Codat's (BillPayment and Bill are the other side of the ledger; Codat's
 * accounts-receivable payment has no such links, so they go as Other). */
const CODAT_TYPES: Readonly<Record<AllocationLink['type'], CodatLinkType>> = {
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

/** Allocations as Codat lines; a payment on account links to the customer again. */
export function toLines(value: AllocationLine[], customerId: string | null | undefined): CodatLine[] {
  return value.map((line) => ({
    amount: line.amount ?? 0,
    links: (line.links ?? []).map((entry) => ({
      type: CODAT_TYPES[entry.type],
      id: entry.type === 'PaymentOnAccount' ? (customerId ?? null) : (entry.id ?? null),
      amount: entry.amount ?? null,
      currencyRate: entry.currency_rate ?? null,
    })),
    ...(line.allocated_on_date ? { allocatedOnDate: line.allocated_on_date } : {}),
  }));
}

