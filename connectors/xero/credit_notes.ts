/**
 * Xero keeps sales credit notes (`Type: ACCRECCREDIT`) and purchase credit notes
 * (`Type: ACCPAYCREDIT`) as one object, CreditNote (`GET /CreditNotes/{CreditNoteID}`). The record
 * shape, the status table and the reads and writes both kinds share are here; the unified
 * entities are mappings/invoice_credit_notes.ts and mappings/bill_credit_notes.ts.
 */
import { NO_RECORDS, type ReadContext } from '../../generated/connectors/index.js';
import type { LineItem } from '../../generated/types/index.js';
import { amount, list, text } from '../lib/values.js';
import {
  lineItem,
  toXeroLineItem,
  type XeroLineAmountTypes,
  type XeroLineItem,
  type XeroLineItemRequest,
} from './documents.js';
import { otherTypeOrDeleted, toXeroDate, toXeroEnum, xeroDate } from './values.js';

export type XeroCreditNoteType = 'ACCRECCREDIT' | 'ACCPAYCREDIT';

/** What a credit note is applied to: an invoice or a bill (the Invoice summary), on a date. */
export interface XeroAllocation {
  AllocationID?: string;
  Amount?: number;
  Date?: string;
  Invoice?: { InvoiceID?: string; InvoiceNumber?: string };
}

export interface XeroCreditNote {
  CreditNoteID: string;
  Type?: XeroCreditNoteType | (string & {});
  CreditNoteNumber?: string;
  Reference?: string;
  Contact?: { ContactID?: string; Name?: string };
  Date?: string;
  DateString?: string;
  Status?: string;
  LineAmountTypes?: XeroLineAmountTypes;
  LineItems?: XeroLineItem[];
  SubTotal?: number;
  TotalTax?: number;
  Total?: number;
  CurrencyCode?: string;
  CurrencyRate?: number;
  RemainingCredit?: number;
  FullyPaidOnDate?: string;
  Allocations?: XeroAllocation[];
  /** Refunds paid out of the credit note (ARCREDITPAYMENT / APCREDITPAYMENT). */
  Payments?: { PaymentID?: string; Amount?: number }[];
  UpdatedDateUTC?: string;
}

type CreditNoteStatus = 'Draft' | 'Submitted' | 'PartiallyPaid' | 'Paid' | 'Void' | 'Unknown';

/**
 * Xero's credit note statuses (DRAFT, SUBMITTED, AUTHORISED, PAID, VOIDED, DELETED). SUBMITTED is
 * "submitted for approval", still a Draft; AUTHORISED is open credit: Submitted while all of it
 * remains, PartiallyPaid once part is allocated to documents or refunded (RemainingCredit below
 * Total); PAID is fully allocated or refunded. DELETED drafts are left out (skip), as the spec
 * wants of deleted documents.
 */
export function creditNoteStatus(raw: XeroCreditNote): CreditNoteStatus | null {
  switch (raw.Status) {
    case undefined:
    case '':
      return null;
    case 'DRAFT':
    case 'SUBMITTED':
      return 'Draft';
    case 'AUTHORISED': {
      const remaining = amount(raw.RemainingCredit);
      const total = amount(raw.Total);
      return remaining !== null && total !== null && remaining < total ? 'PartiallyPaid' : 'Submitted';
    }
    case 'PAID':
      return 'Paid';
    case 'VOIDED':
      return 'Void';
    default:
      return 'Unknown';
  }
}

const KIND = {
  ACCRECCREDIT: 'a sales credit note (invoice_credit_notes)',
  ACCPAYCREDIT: 'a purchase credit note (bill_credit_notes)',
} as const;

/** The skip rule of one credit note entity (see otherTypeOrDeleted). */
export const otherCreditNotes = (wanted: XeroCreditNoteType) => otherTypeOrDeleted('credit note', KIND, wanted);

/** The documents a credit note is applied to, each once, in Xero's order. */
export function allocatedDocuments(raw: XeroCreditNote): string[] {
  const ids = list(raw.Allocations)
    .map((allocation) => text(allocation.Invoice?.InvoiceID))
    .filter((id): id is string => id !== null);
  return [...new Set(ids)];
}

export function creditNoteLines(
  raw: XeroCreditNote,
  type: 'InvoiceCreditNote' | 'BillCreditNote',
  context: ReadContext,
): LineItem[] {
  return list(raw.LineItems).map((line) =>
    lineItem(line, raw.LineAmountTypes, { type, id: raw.CreditNoteID }, context),
  );
}

/** Reads both kinds share. */
export const creditNoteRead = {
  platform_id: (raw: XeroCreditNote) => raw.CreditNoteID,
  contact_id: (raw: XeroCreditNote) => text(raw.Contact?.ContactID),
  currency_id: (raw: XeroCreditNote) => text(raw.CurrencyCode),
  document_number: (raw: XeroCreditNote) => text(raw.CreditNoteNumber),
  posted_date: (raw: XeroCreditNote) => xeroDate(raw.Date),
  status: creditNoteStatus,
  tax_amount: (raw: XeroCreditNote) => amount(raw.TotalTax),
  total_amount: (raw: XeroCreditNote) => amount(raw.Total),
  remaining_credit: (raw: XeroCreditNote) => amount(raw.RemainingCredit),
  updated_at: (raw: XeroCreditNote) => xeroDate(raw.UpdatedDateUTC),
};

/** The create body of `PUT /CreditNotes` (one credit note). */
export interface XeroCreditNoteRequest {
  Type: XeroCreditNoteType;
  Contact?: { ContactID: string };
  Date?: string;
  CreditNoteNumber?: string;
  Reference?: string;
  Status?: string;
  CurrencyCode?: string;
  LineAmountTypes?: XeroLineAmountTypes;
  LineItems?: XeroLineItemRequest[];
}

/**
 * Xero creates credit notes DRAFT, SUBMITTED or AUTHORISED: an applied or refunded credit note
 * was approved first, so it is created AUTHORISED and its allocations are made afterwards
 * (`PUT /CreditNotes/{id}/Allocations`). Void and Unknown are not sent.
 */
const TO_XERO_STATUS = {
  Draft: 'DRAFT',
  Submitted: 'AUTHORISED',
  PartiallyPaid: 'AUTHORISED',
  Paid: 'AUTHORISED',
  Overdue: 'AUTHORISED',
} as const;

export const COMPUTED = 'Xero computes the totals from the lines; they are read-only on its CreditNote.';
export const NOT_ALLOCATED_ON_CREATE =
  "Xero applies a credit note to documents with a separate call (PUT /CreditNotes/{CreditNoteID}/Allocations), not in the credit note's create body.";

/** Writes both kinds share; `type` goes with the lines (always sent, as Xero requires them). */
export function creditNoteWrite(type: XeroCreditNoteType) {
  return {
    contact_id: (id: string | null) => (id ? { Contact: { ContactID: id } } : undefined),
    currency_id: (code: string | null) => (code ? { CurrencyCode: code } : undefined),
    document_number: (number: string | null) => (number ? { CreditNoteNumber: number } : undefined),
    posted_date: (date: string | null) => (date ? { Date: toXeroDate(date) } : undefined),
    status: (status: string | null) => {
      const xero = toXeroEnum(TO_XERO_STATUS, status);
      return xero ? { Status: xero } : undefined;
    },
    line_items: (lines: LineItem[], _body: unknown, context: ReadContext = NO_RECORDS) => ({
      Type: type,
      LineAmountTypes: 'Exclusive' as const,
      LineItems: lines.map((line) => toXeroLineItem(line, context)),
    }),
  };
}
