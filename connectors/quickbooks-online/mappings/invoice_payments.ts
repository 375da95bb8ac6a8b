/**
 * QuickBooks Online → ledgerspec InvoicePayment (`invoice_payments`).
 *
 * QBO `Payment` (`/v3/company/{realmId}/payment/{id}`): one customer payment whose `Line[]` each
 * apply an amount to the transactions in `LinkedTxn` (invoices; credit memos and journal entries
 * drawn on as credits). One Payment is one record: `payment_id` is its Id, `allocations` the full
 * split (signed as the spec says), and `invoice_id` / `credit_note_id` name the invoice or credit
 * memo only when the payment involves exactly one (several invoices: see allocations). What is not
 * applied (`UnappliedAmt`) stays on the customer's account, shown as a PaymentOnAccount allocation.
 *
 * Kinds of Payment: QBO also uses Payment to refund a customer's credit — a zero-amount Payment
 * that settles a credit memo against a cheque or expense paid out to the customer (lines linking
 * `Expense`/`Check` and `CreditMemo`, no invoice). That settles no invoice: it is left out of
 * invoice payments. Voided payments (amounts zeroed, "Voided" note) read as Void, deleted ones
 * (change data capture) as Deleted. ExchangeRate is home currency per unit of the payment's
 * currency, the spec's direction.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, baseRate, dateTime, text } from '../../lib/values.js';
import {
  allocations,
  lastUpdated,
  linkedTypes,
  onAccount,
  postingStatus,
  qboId,
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

/** Why a QBO Payment is not an invoice payment: a refund of a customer credit (a cheque or expense
 * paid out, settled against a credit memo) applies to no invoice. */
function notAnInvoicePayment(raw: QuickBooksOnlinePayment): string | undefined {
  const types = linkedTypes(raw.Line);
  if (types.has('Invoice')) return undefined;
  if (types.has('Expense') || types.has('Check'))
    return 'a refund of customer credit (a cheque or expense settled against a credit memo), not a payment of an invoice';
  return undefined;
}

export const read = mapRead<'invoice_payments', QuickBooksOnlinePayment>(
  {
    account_id: (raw) => ref(raw.DepositToAccountRef),
    allocations: (raw) => [...allocations(raw.Line, raw.TxnDate), ...onAccount(raw.UnappliedAmt, raw.TxnDate)],
    amount: (raw) => amount(raw.TotalAmt),
    contact_id: (raw) => ref(raw.CustomerRef),
    credit_note_id: (raw) => single(raw.Line, ['CreditMemo']),
    currency_id: (raw) => ref(raw.CurrencyRef),
    currency_rate: (raw) => baseRate(raw.ExchangeRate, 'base-per-foreign'),
    document_number: (raw) => text(raw.PaymentRefNum),
    invoice_id: (raw) => single(raw.Line, ['Invoice']),
    memo: (raw) => text(raw.PrivateNote),
    payment_date: (raw) => dateTime(raw.TxnDate),
    payment_id: qboId,
    // PaymentMethodRef often comes without its name; the id alone is no payment mode.
    payment_mode: (raw) => text(raw.PaymentMethodRef?.name),
    platform_id: qboId,
    status: postingStatus,
    updated_at: lastUpdated,
  },
  { skip: notAnInvoicePayment },
);

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
  payment_mode: notSupported(
    'QBO takes a PaymentMethod id (PaymentMethodRef), not a name: pass raw_data.PaymentMethodRef.',
  ),
});
