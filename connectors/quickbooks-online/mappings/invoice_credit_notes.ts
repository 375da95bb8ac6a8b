/**
 * QuickBooks Online → ledgerspec InvoiceCreditNote (`invoice_credit_notes`).
 *
 * QBO `CreditMemo` (`/v3/company/{realmId}/creditmemo/{id}`): a sales form like the invoice (the
 * same `Line` kinds: item lines, bundles, the computed subtotal, discounts) whose open part is
 * `RemainingCredit` (and `Balance`, the same amount). QBO applies a credit memo to an invoice
 * through a Payment (a line linking the CreditMemo beside one linking the Invoice, see
 * invoice_payments); the CreditMemo itself does not name the invoices. Status follows from
 * TotalAmt and what is left, as for invoices: all of it left is Submitted, part PartiallyPaid,
 * none Paid (applied or refunded); a voided memo (amounts zeroed, "Voided" note) is Void. Deleted
 * ones (change data capture) are left out: the unified credit note has no Deleted status.
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
import { itemLines, salesLineItem, toSalesLine, type QboSalesLine } from './invoices.js';

/** The QBO CreditMemo as its API returns it. */
export interface QuickBooksOnlineCreditMemo extends QboEntity {
  DocNumber?: string;
  TxnDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  CustomerRef?: QboRef;
  CustomerMemo?: { value?: string };
  PrivateNote?: string;
  LinkedTxn?: QboLinkedTxn[];
  Line?: QboSalesLine[];
  TxnTaxDetail?: { TxnTaxCodeRef?: QboRef; TotalTax?: number };
  TotalAmt?: number;
  RemainingCredit?: number;
  Balance?: number;
}

/** What is left of the credit: RemainingCredit, or Balance (QBO sends both, equal). */
const remaining = (raw: QuickBooksOnlineCreditMemo): number | null =>
  amount(raw.RemainingCredit) ?? amount(raw.Balance);

export const read = mapRead<'invoice_credit_notes', QuickBooksOnlineCreditMemo>(
  {
    contact_id: (raw) => ref(raw.CustomerRef),
    currency_id: (raw) => ref(raw.CurrencyRef),
    document_number: (raw) => text(raw.DocNumber),
    invoice_ids: notSupported(
      'QBO applies a credit memo through a Payment, which names the invoice; the CreditMemo does not.',
    ),
    line_items: (raw) =>
      itemLines(raw.Line).map((line) =>
        salesLineItem(line, 'InvoiceCreditNote', qboId(raw), raw.TxnTaxDetail?.TxnTaxCodeRef),
      ),
    // The message printed for the customer; the internal note when there is none.
    memo: (raw) => text(raw.CustomerMemo?.value) ?? text(raw.PrivateNote),
    platform_id: qboId,
    posted_date: (raw) => dateTime(raw.TxnDate),
    remaining_credit: remaining,
    status: (raw) =>
      documentStatus({
        TotalAmt: raw.TotalAmt,
        Balance: remaining(raw),
        ...(raw.PrivateNote === undefined ? {} : { PrivateNote: raw.PrivateNote }),
      }),
    tax_amount: (raw) => amount(raw.TxnTaxDetail?.TotalTax),
    total_amount: (raw) => amount(raw.TotalAmt),
    updated_at: lastUpdated,
  },
  {
    skip: (raw) =>
      isDeleted(raw) ? 'deleted on QuickBooks Online (the unified credit note has no Deleted status)' : undefined,
  },
);

/** The body of POST /v3/company/{realmId}/creditmemo. */
export interface QuickBooksOnlineCreditMemoRequest {
  CustomerRef?: QboRef;
  DocNumber?: string;
  TxnDate?: string;
  CurrencyRef?: QboRef;
  CustomerMemo?: { value: string };
  TxnTaxDetail?: { TotalTax?: number };
  Line?: QboSalesLine[];
}

export const write = mapWrite<'invoice_credit_notes', QuickBooksOnlineCreditMemoRequest>({
  contact_id: unlessNull((value: string) => ({ CustomerRef: { value } })),
  currency_id: unlessNull((value: string) => ({ CurrencyRef: { value } })),
  document_number: unlessNull((value: string) => ({ DocNumber: value })),
  invoice_ids: notSupported(
    'QBO applies a credit memo to invoices with a Payment (invoice_payments), not on the CreditMemo.',
  ),
  line_items: (value) => ({ Line: value.map(toSalesLine) }),
  memo: unlessNull((value: string) => ({ CustomerMemo: { value } })),
  posted_date: unlessNull((value: string) => ({ TxnDate: toQboDate(value) })),
  status: notSupported('QBO has no credit memo status to set: it follows from what is applied.'),
  // An explicit total tax overrides QBO's own calculation (companies without automated sales tax).
  tax_amount: unlessNull((value: number) => ({ TxnTaxDetail: { TotalTax: value } })),
  total_amount: notSupported('QBO computes TotalAmt from the lines and tax.'),
});
