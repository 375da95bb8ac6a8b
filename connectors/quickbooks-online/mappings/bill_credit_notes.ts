/**
 * QuickBooks Online → ledgerspec BillCreditNote (`bill_credit_notes`).
 *
 * QBO `VendorCredit` (`/v3/company/{realmId}/vendorcredit/{id}`): an expense document like the
 * bill (item-based and account-based lines, `APAccountRef`) whose open part is `Balance` (sent from
 * minor version 12 on; older answers, like Intuit's examples, leave it out). QBO applies a vendor
 * credit to a bill through a BillPayment (a line linking the VendorCredit beside one linking the
 * Bill, see bill_payments); the VendorCredit itself does not name the bills. Status follows from
 * TotalAmt and Balance as for bills: all of it open is Submitted, part PartiallyPaid, none Paid;
 * a voided credit (amounts zeroed, "Voided" note) is Void; without Balance it is not known (null).
 * Deleted ones (change data capture) are left out: the unified credit note has no Deleted status.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, dateTime, text } from '../../lib/values.js';
import {
  documentStatus,
  isDeleted,
  lastUpdated,
  qboId,
  ref,
  toQboDate,
  unlessNull,
  type QboEntity,
  type QboLinkedTxn,
  type QboRef,
} from '../values.js';
import { expenseLineItem, expenseLines, toExpenseLine, type QboExpenseLine } from './bills.js';

/** The QBO VendorCredit as its API returns it. */
export interface QuickBooksOnlineVendorCredit extends QboEntity {
  DocNumber?: string;
  TxnDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  VendorRef?: QboRef;
  APAccountRef?: QboRef;
  PrivateNote?: string;
  LinkedTxn?: QboLinkedTxn[];
  Line?: QboExpenseLine[];
  TxnTaxDetail?: { TotalTax?: number; TxnTaxCodeRef?: QboRef };
  TotalAmt?: number;
  Balance?: number;
}

export const read = mapRead<'bill_credit_notes', QuickBooksOnlineVendorCredit>(
  {
    bill_ids: notSupported(
      'QBO applies a vendor credit through a BillPayment, which names the bill; the VendorCredit does not.',
    ),
    contact_id: (raw) => ref(raw.VendorRef),
    currency_id: (raw) => ref(raw.CurrencyRef),
    document_number: (raw) => text(raw.DocNumber),
    line_items: (raw) =>
      expenseLines(raw).map((line) =>
        expenseLineItem(line, 'BillCreditNote', qboId(raw), raw.TxnTaxDetail?.TxnTaxCodeRef),
      ),
    memo: (raw) => text(raw.PrivateNote),
    platform_id: qboId,
    posted_date: (raw) => dateTime(raw.TxnDate),
    remaining_credit: (raw) => amount(raw.Balance),
    status: documentStatus,
    // US vendor credits carry no TxnTaxDetail (no sales tax on purchases there).
    tax_amount: (raw) => amount(raw.TxnTaxDetail?.TotalTax),
    total_amount: (raw) => amount(raw.TotalAmt),
    updated_at: lastUpdated,
  },
  {
    skip: (raw) =>
      isDeleted(raw) ? 'deleted on QuickBooks Online (the unified credit note has no Deleted status)' : undefined,
  },
);

/** The body of POST /v3/company/{realmId}/vendorcredit. */
export interface QuickBooksOnlineVendorCreditRequest {
  VendorRef?: QboRef;
  DocNumber?: string;
  TxnDate?: string;
  CurrencyRef?: QboRef;
  PrivateNote?: string;
  Line?: QboExpenseLine[];
}

export const write = mapWrite<'bill_credit_notes', QuickBooksOnlineVendorCreditRequest>({
  bill_ids: notSupported(
    'QBO applies a vendor credit to bills with a BillPayment (bill_payments), not on the VendorCredit.',
  ),
  contact_id: unlessNull((value: string) => ({ VendorRef: { value } })),
  currency_id: unlessNull((value: string) => ({ CurrencyRef: { value } })),
  document_number: unlessNull((value: string) => ({ DocNumber: value })),
  line_items: (value) => ({ Line: value.map(toExpenseLine) }),
  memo: unlessNull((value: string) => ({ PrivateNote: value })),
  posted_date: unlessNull((value: string) => ({ TxnDate: toQboDate(value) })),
  status: notSupported('QBO has no vendor credit status to set: it follows from what is applied.'),
  tax_amount: notSupported("QBO computes the tax on vendor credits from the lines' tax codes."),
  total_amount: notSupported('QBO computes TotalAmt from the lines.'),
});
