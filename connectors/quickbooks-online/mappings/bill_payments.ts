/**
 * QuickBooks Online → ledgerspec BillPayment (`bill_payments`).
 *
 * QBO `BillPayment` (`/v3/company/{realmId}/billpayment/{id}`), paid by cheque (`PayType: Check`,
 * bank account in CheckPayment) or card (`PayType: CreditCard`, card account in
 * CreditCardPayment). Like a customer Payment, one record per BillPayment: `allocations` holds
 * the split over bills (and vendor credits drawn on), `bill_id` / `credit_note_id` name the bill
 * or vendor credit only when there is exactly one. Voided bill payments (amounts zeroed, lines
 * cleared, "Voided" note) read as Void, deleted ones as Deleted; ExchangeRate is home currency per
 * unit of the payment's currency, the spec's direction.
 */
import { mapRead, mapWrite } from '../../../generated/connectors/index.js';
import { amount, baseRate, dateTime, text } from '../../lib/values.js';
import {
  allocations,
  lastUpdated,
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

/** The QBO BillPayment as its API returns it. */
export interface QuickBooksOnlineBillPayment extends QboEntity {
  VendorRef?: QboRef;
  PayType?: string;
  CheckPayment?: { BankAccountRef?: QboRef; PrintStatus?: string };
  CreditCardPayment?: { CCAccountRef?: QboRef };
  APAccountRef?: QboRef;
  TotalAmt?: number;
  DocNumber?: string;
  TxnDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  PrivateNote?: string;
  Line?: QboPaymentLine[];
}

export const read = mapRead<'bill_payments', QuickBooksOnlineBillPayment>({
  account_id: (raw) => ref(raw.CheckPayment?.BankAccountRef) ?? ref(raw.CreditCardPayment?.CCAccountRef),
  allocations: (raw) => allocations(raw.Line, raw.TxnDate),
  amount: (raw) => amount(raw.TotalAmt),
  bill_id: (raw) => single(raw.Line, ['Bill']),
  contact_id: (raw) => ref(raw.VendorRef),
  credit_note_id: (raw) => single(raw.Line, ['VendorCredit']),
  currency_id: (raw) => ref(raw.CurrencyRef),
  currency_rate: (raw) => baseRate(raw.ExchangeRate, 'base-per-foreign'),
  document_number: (raw) => text(raw.DocNumber),
  memo: (raw) => text(raw.PrivateNote),
  payment_date: (raw) => dateTime(raw.TxnDate),
  payment_id: qboId,
  // QBO's own names: Check or CreditCard.
  payment_mode: (raw) => text(raw.PayType),
  platform_id: qboId,
  status: postingStatus,
  updated_at: lastUpdated,
});

/** The body of POST /v3/company/{realmId}/billpayment. */
export interface QuickBooksOnlineBillPaymentRequest {
  VendorRef?: QboRef;
  PayType?: 'Check' | 'CreditCard';
  CheckPayment?: { BankAccountRef?: QboRef };
  CreditCardPayment?: { CCAccountRef?: QboRef };
  TotalAmt?: number;
  DocNumber?: string;
  TxnDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  PrivateNote?: string;
  Line?: QboPaymentLine[];
}

/** QBO knows two ways to pay a bill; anything that is not a card is paid like a cheque. */
const payType = (mode: string | null | undefined): 'Check' | 'CreditCard' =>
  mode && /credit\s*card/i.test(mode) ? 'CreditCard' : 'Check';

const TXN_TYPES = { Bill: 'Bill', CreditNote: 'VendorCredit', ManualJournal: 'JournalEntry' } as const;

export const write = mapWrite<'bill_payments', QuickBooksOnlineBillPaymentRequest>({
  account_id: (value, body) =>
    value === null
      ? undefined
      : payType(body.payment_mode) === 'CreditCard'
        ? { CreditCardPayment: { CCAccountRef: { value } } }
        : { CheckPayment: { BankAccountRef: { value } } },
  allocations: (value) => {
    const lines = toPaymentLines(value, TXN_TYPES);
    return lines.length ? { Line: lines } : undefined;
  },
  amount: unlessNull((value: number) => ({ TotalAmt: value })),
  // The whole amount goes to the bill unless allocations give the split.
  bill_id: (value, body) =>
    value === null || body.allocations?.length
      ? undefined
      : { Line: [{ Amount: body.amount ?? 0, LinkedTxn: [{ TxnId: value, TxnType: 'Bill' }] }] },
  contact_id: unlessNull((value: string) => ({ VendorRef: { value } })),
  credit_note_id: (value, body) => {
    if (value === null || body.allocations?.length) return undefined;
    throw new Error('QBO applies a vendor credit with an amount: send allocations with a CreditNote link');
  },
  currency_id: unlessNull((value: string) => ({ CurrencyRef: { value } })),
  currency_rate: unlessNull((value: number) => ({ ExchangeRate: value })),
  document_number: unlessNull((value: string) => ({ DocNumber: value })),
  memo: unlessNull((value: string) => ({ PrivateNote: value })),
  payment_date: unlessNull((value: string) => ({ TxnDate: toQboDate(value) })),
  // PayType is required, so a null mode still sends Check.
  payment_mode: (value) => ({ PayType: payType(value) }),
});
