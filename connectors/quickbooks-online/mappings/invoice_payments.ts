/**
 * QuickBooks Online → ledgerspec InvoicePayment (`invoice_payments`).
 *
 * QBO `Payment` (`/v3/company/{realmId}/payment/{id}`): one customer payment whose `Line[]` each
 * apply an amount to the transactions in `LinkedTxn` (invoices; credit memos and journal entries
 * drawn on as credits). One Payment is one record: `payment_id` is its Id, `allocations` the full
 * split (signed as the spec says), and `invoice_id` / `credit_note_id` name the invoice or credit
 * memo only when the payment involves exactly one (several invoices: see allocations). What is not
 * applied (`UnappliedAmt`) stays on the customer's account, shown as a PaymentOnAccount allocation.
 */
import { mapRead, mapWrite, notSupported, todo } from '../../../generated/connectors/index.js';
import { amount, dateTime, text } from '../../lib/values.js';
import {
  allocations,
  lastUpdated,
  onAccount,
  ref,
  single,
  toPaymentLines,
  toQboDate,
  unlessNull,
  type QboEntity,
  type QboPaymentLine,
  type QboRef,
} from '../values.js';

/** The QBO Payment as its API returns it. */
export interface QuickBooksOnlinePayment extends QboEntity {
  CustomerRef?: QboRef;
  DepositToAccountRef?: QboRef;
  ARAccountRef?: QboRef;
  PaymentMethodRef?: QboRef;
  PaymentRefNum?: string;
  TotalAmt?: number;
  UnappliedAmt?: number;
  ProcessPayment?: boolean;
  TxnDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  PrivateNote?: string;
  Line?: QboPaymentLine[];
}

export const read = mapRead<'invoice_payments', QuickBooksOnlinePayment>({
  account_id: (raw) => ref(raw.DepositToAccountRef),
  allocations: (raw) => [...allocations(raw.Line, raw.TxnDate), ...onAccount(raw.UnappliedAmt, raw.TxnDate)],
  amount: (raw) => amount(raw.TotalAmt),
  contact_id: (raw) => ref(raw.CustomerRef),
  credit_note_id: (raw) => single(raw.Line, ['CreditMemo']),
  currency_id: (raw) => ref(raw.CurrencyRef),
  currency_rate: (raw) => amount(raw.ExchangeRate),
  document_number: (raw) => text(raw.PaymentRefNum),
  invoice_id: (raw) => single(raw.Line, ['Invoice']),
  memo: (raw) => text(raw.PrivateNote),
  payment_date: (raw) => dateTime(raw.TxnDate),
  payment_id: (raw) => raw.Id,
  // PaymentMethodRef often comes without its name; the id alone is no payment mode.
  payment_mode: (raw) => text(raw.PaymentMethodRef?.name),
  platform_id: (raw) => raw.Id,
  status: todo("Whether the payment counts in the books: Posted (live), Draft (saved, not yet posted), Void (cancelled but kept, its amounts no longer count), Deleted (removed on the platform; platforms that report deletions return it once so readers can drop it), or Unknown when the platform's state does not map. A voided or deleted payment is never read as a live one."),
  updated_at: lastUpdated,
});

/** The body of POST /v3/company/{realmId}/payment. */
export interface QuickBooksOnlinePaymentRequest {
  CustomerRef?: QboRef;
  DepositToAccountRef?: QboRef;
  TotalAmt?: number;
  TxnDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  PaymentRefNum?: string;
  PrivateNote?: string;
  Line?: QboPaymentLine[];
}

/** Unified link types QBO payment lines can point at, as QBO spells them. */
const TXN_TYPES = { Invoice: 'Invoice', CreditNote: 'CreditMemo', ManualJournal: 'JournalEntry' } as const;

export const write = mapWrite<'invoice_payments', QuickBooksOnlinePaymentRequest>({
  account_id: unlessNull((value: string) => ({ DepositToAccountRef: { value } })),
  allocations: (value) => {
    const lines = toPaymentLines(value, TXN_TYPES);
    return lines.length ? { Line: lines } : undefined;
  },
  amount: unlessNull((value: number) => ({ TotalAmt: value })),
  contact_id: unlessNull((value: string) => ({ CustomerRef: { value } })),
  // Without allocations a credit memo cannot be applied: QBO needs the amount taken from it.
  credit_note_id: (value, body) => {
    if (value === null || body.allocations?.length) return undefined;
    throw new Error('QBO applies a credit memo with an amount: send allocations with a CreditNote link');
  },
  currency_id: unlessNull((value: string) => ({ CurrencyRef: { value } })),
  currency_rate: unlessNull((value: number) => ({ ExchangeRate: value })),
  document_number: unlessNull((value: string) => ({ PaymentRefNum: value })),
  // The whole amount goes to the invoice unless allocations give the split.
  invoice_id: (value, body) =>
    value === null || body.allocations?.length
      ? undefined
      : { Line: [{ Amount: body.amount ?? 0, LinkedTxn: [{ TxnId: value, TxnType: 'Invoice' }] }] },
  memo: unlessNull((value: string) => ({ PrivateNote: value })),
  payment_date: unlessNull((value: string) => ({ TxnDate: toQboDate(value) })),
  payment_mode: notSupported('QBO takes a PaymentMethod id (PaymentMethodRef), not a name: pass raw_data.PaymentMethodRef.'),
});
