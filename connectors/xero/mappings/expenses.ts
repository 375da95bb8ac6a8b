/**
 * Xero → ledgerspec Expense (`expenses`): Xero's spend money, a BankTransaction of `Type: SPEND`.
 *
 * Xero's ExpenseClaims and Receipts endpoints are deprecated (closed to new organisations since
 * Xero Expenses replaced them, which has no API), so they are not read. What Xero records as
 * spending paid at once from a bank, card or cash account is spend money: the spec's expense (the
 * money leaves `account_id`). The same record is also a withdrawal among bank_transactions, on
 * purpose (banking.ts has the table). Other BankTransaction types are not expenses: RECEIVE is
 * money in, SPEND-OVERPAYMENT and SPEND-PREPAYMENT are credit held with a supplier, SPEND-TRANSFER
 * is a transfer between the company's own accounts.
 */
import { mapRead, mapWrite, notSupported } from '../../../generated/connectors/index.js';
import { amount, list, text } from '../../lib/values.js';
import {
  isTransfer,
  transactionDay,
  type XeroBankTransaction,
  type XeroBankTransactionRequest,
  type XeroBankTransfer,
} from '../banking.js';
import { lineItem, subTotalBeforeDiscount, toXeroLineItem } from '../documents.js';
import { fromXeroRate, toXeroDate, toXeroRate, xeroDate } from '../values.js';

const NO_PAYMENT_MODE =
  'Xero records no payment method on spend money: the account paid from (a bank, card or PayPal account) is account_id.';
const NO_DISCOUNT = "Xero's spend money has no discounts (no TotalDiscount).";
const NO_MEMO = 'Reference is the only free text on Xero spend money, and it is mapped to document_number.';
const COMPUTED = 'Xero computes the totals from the lines; they are read-only on its BankTransaction.';

export const read = mapRead<'expenses', XeroBankTransaction | XeroBankTransfer>(
  {
    platform_id: (raw) => (raw as XeroBankTransaction).BankTransactionID,
    account_id: (raw) => text((raw as XeroBankTransaction).BankAccount?.AccountID),
    contact_id: (raw) => text((raw as XeroBankTransaction).Contact?.ContactID),
    currency_id: (raw) => text((raw as XeroBankTransaction).CurrencyCode),
    document_number: (raw) => text((raw as XeroBankTransaction).Reference),
    posted_date: (raw) => transactionDay(raw),
    payment_mode: notSupported(NO_PAYMENT_MODE),
    // Xero quotes foreign per base (1 in the base currency); the spec wants base per foreign.
    currency_rate: (raw) => fromXeroRate(raw.CurrencyRate),
    sub_total: (raw) => subTotalBeforeDiscount(raw as XeroBankTransaction),
    total_discount: notSupported(NO_DISCOUNT),
    tax_amount: (raw) => amount((raw as XeroBankTransaction).TotalTax),
    total_amount: (raw) => amount((raw as XeroBankTransaction).Total),
    memo: notSupported(NO_MEMO),
    line_items: (raw, context) => {
      const spend = raw as XeroBankTransaction;
      return list(spend.LineItems).map((line) =>
        lineItem(line, spend.LineAmountTypes, { type: 'Expense', id: spend.BankTransactionID }, context),
      );
    },
    updated_at: (raw) => xeroDate((raw as XeroBankTransaction).UpdatedDateUTC),
  },
  {
    skip: (raw) => {
      if (isTransfer(raw)) return "a Xero bank transfer moves money between the company's own accounts: not an expense";
      if (raw.Type !== 'SPEND')
        return `Xero BankTransaction Type ${raw.Type ?? '(none)'} is not spend money (SPEND): money in, credit held with a contact, or a transfer leg, not an expense`;
      if (raw.Status === 'DELETED' || raw.Status === 'VOIDED')
        return `${raw.Status} Xero spend money: an expense has no status to say so, so it is left out`;
      return undefined;
    },
  },
);

export const write = mapWrite<'expenses', XeroBankTransactionRequest>({
  // The account paid from.
  account_id: (id) => (id ? { BankAccount: { AccountID: id } } : undefined),
  contact_id: (id) => (id ? { Contact: { ContactID: id } } : undefined),
  currency_id: (code) => (code ? { CurrencyCode: code } : undefined),
  document_number: (reference) => (reference ? { Reference: reference } : undefined),
  posted_date: (date) => (date ? { Date: toXeroDate(date) } : undefined),
  payment_mode: notSupported(NO_PAYMENT_MODE),
  currency_rate: (rate) => {
    const xero = toXeroRate(rate);
    return xero !== undefined ? { CurrencyRate: xero } : undefined;
  },
  sub_total: notSupported(COMPUTED),
  total_discount: notSupported(NO_DISCOUNT),
  tax_amount: notSupported(COMPUTED),
  total_amount: notSupported(COMPUTED),
  memo: notSupported(NO_MEMO),
  // The lines always come (the spec and Xero require them), so they also carry the Type (spend
  // money), and say that their amounts are before tax as unified amounts are.
  line_items: (lines, _body, context) => ({
    Type: 'SPEND',
    LineAmountTypes: 'Exclusive',
    LineItems: lines.map((line) => toXeroLineItem(line, context)),
  }),
});
