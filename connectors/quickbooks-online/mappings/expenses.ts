/**
 * QuickBooks Online → ledgerspec Expense (`expenses`).
 *
 * QBO `Purchase` (`/v3/company/{realmId}/purchase/{id}`, "Expense", "Check" and "Credit Card
 * Expense" in QBO's screens): money paid at once out of `AccountRef` (a bank, cash or card
 * account), `PaymentType` Cash, Check or CreditCard, to the payee in `EntityRef` (a vendor,
 * customer or employee), with item-based and account-based lines as on bills. A Purchase with
 * `Credit: true` is a credit card credit, money back onto the card: no spending, so it is left out
 * here and read as a bank transaction (`bank_transactions`, type CreditCardCredit); every other
 * Purchase is an expense and only an expense. Deleted ones (change data capture) are left out.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, baseRate, dateTime, text } from '../../lib/values.js';
import { isDeleted, lastUpdated, qboId, ref, toQboDate, unlessNull, type QboEntity, type QboRef } from '../values.js';
import { expenseLineItem, expenseLines, toExpenseLine, type QboExpenseLine } from './bills.js';

/** The QBO Purchase as its API returns it. */
export interface QuickBooksOnlinePurchase extends QboEntity {
  DocNumber?: string;
  TxnDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  AccountRef?: QboRef;
  PaymentType?: string;
  Credit?: boolean;
  EntityRef?: QboRef & { type?: string };
  PrivateNote?: string;
  Line?: QboExpenseLine[];
  TxnTaxDetail?: { TotalTax?: number; TxnTaxCodeRef?: QboRef };
  TotalAmt?: number;
}

function skip(raw: QuickBooksOnlinePurchase): string | undefined {
  if (isDeleted(raw)) return 'deleted on QuickBooks Online (the unified expense has no status to say so)';
  return raw.Credit === true
    ? 'a credit card credit (Credit true), money back onto the card: read as a bank transaction'
    : undefined;
}

export const read = mapRead<'expenses', QuickBooksOnlinePurchase>(
  {
    account_id: (raw) => ref(raw.AccountRef),
    // Employees are not contacts (QBO numbers them in the same name list, so the id would point
    // at no contact).
    contact_id: (raw) => (raw.EntityRef?.type === 'Employee' ? null : ref(raw.EntityRef)),
    currency_id: (raw) => ref(raw.CurrencyRef),
    currency_rate: (raw) => baseRate(raw.ExchangeRate, 'base-per-foreign'),
    document_number: (raw) => text(raw.DocNumber),
    line_items: (raw) =>
      expenseLines(raw).map((line) => expenseLineItem(line, 'Expense', qboId(raw), raw.TxnTaxDetail?.TxnTaxCodeRef)),
    memo: (raw) => text(raw.PrivateNote),
    // QBO's PaymentType as it names it: Cash, Check or CreditCard.
    payment_mode: (raw) => text(raw.PaymentType),
    platform_id: qboId,
    posted_date: (raw) => dateTime(raw.TxnDate),
    sub_total: (raw) => (raw.Line ? expenseLines(raw).reduce((total, line) => total + (line.Amount ?? 0), 0) : null),
    // US purchases carry no TxnTaxDetail (no sales tax on purchases there).
    tax_amount: (raw) => amount(raw.TxnTaxDetail?.TotalTax),
    total_amount: (raw) => amount(raw.TotalAmt),
    total_discount: notSupported('QBO purchases have no discount.'),
    updated_at: lastUpdated,
  },
  { skip },
);

/** The body of POST /v3/company/{realmId}/purchase. */
export interface QuickBooksOnlinePurchaseRequest {
  AccountRef?: QboRef;
  PaymentType?: string;
  EntityRef?: QboRef;
  DocNumber?: string;
  TxnDate?: string;
  CurrencyRef?: QboRef;
  ExchangeRate?: number;
  PrivateNote?: string;
  TxnTaxDetail?: { TotalTax?: number };
  Line?: QboExpenseLine[];
}

/** QBO's PaymentType for a payment mode as people write it: a card is CreditCard, a cheque Check,
 * anything else Cash. */
function paymentType(mode: string): 'Cash' | 'Check' | 'CreditCard' {
  if (/card/i.test(mode)) return 'CreditCard';
  if (/che(ck|que)/i.test(mode)) return 'Check';
  return 'Cash';
}

export const write = mapWrite<'expenses', QuickBooksOnlinePurchaseRequest>({
  account_id: unlessNull((value: string) => ({ AccountRef: { value } })),
  // QBO resolves the name-list id (vendor, customer or employee) without its type.
  contact_id: unlessNull((value: string) => ({ EntityRef: { value } })),
  currency_id: unlessNull((value: string) => ({ CurrencyRef: { value } })),
  currency_rate: unlessNull((value: number) => ({ ExchangeRate: value })),
  document_number: unlessNull((value: string) => ({ DocNumber: value })),
  line_items: (value) => ({ Line: value.map(toExpenseLine) }),
  memo: unlessNull((value: string) => ({ PrivateNote: value })),
  payment_mode: unlessNull((value: string) => ({ PaymentType: paymentType(value) })),
  posted_date: unlessNull((value: string) => ({ TxnDate: toQboDate(value) })),
  sub_total: notSupported('QBO computes the purchase total from the lines.'),
  // An explicit total tax overrides QBO's own calculation (global companies).
  tax_amount: unlessNull((value: number) => ({ TxnTaxDetail: { TotalTax: value } })),
  total_amount: notSupported('QBO computes TotalAmt from the lines and tax.'),
  total_discount: notSupported('QBO purchases have no discount.'),
});
